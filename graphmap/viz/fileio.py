"""Atomic file writing for maps (the project's one implementation lives in graphmap.fileio)."""
from graphmap.fileio import write_text_atomic

__all__ = ["write_text_atomic"]
