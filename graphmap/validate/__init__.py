"""Validation: the SHACL shapes (``ontology/shapes.ttl``) checked on the store, as readable problems.

The validator is the compiled one (:mod:`graphmap.validate.compiled`: the shapes as SPARQL
on Oxigraph), which every build runs. pySHACL is only the reference the tests compare it
with (:mod:`graphmap.validate.reference`); nothing here imports it.

>>> from graphmap.store import Store
>>> validate_store(Store()).conforms
True
"""

from __future__ import annotations

from graphmap.validate.compiled import (
    Check,
    Compiled,
    Result,
    Screen,
    compile_shapes,
    default_checks,
    subclass_closure,
    validate_store,
    violations,
)
from graphmap.validate.results import FIX, ValidationReport, result_problem, row_index

__all__ = [
    "validate_store",
    "ValidationReport",
    "row_index",
    "result_problem",
    "violations",
    "default_checks",
    "compile_shapes",
    "subclass_closure",
    "Result",
    "Check",
    "Screen",
    "Compiled",
    "FIX",
]
