"""The round's audit log of the answer pages: every link issued or revoked, every draft saved and
every answer sent, with the time (UTC), the respondent and what was answered. No IP address, no
token, no person's name: the rate limits keep addresses in memory only, for their window.

The log is ``<round>/webb/audit.jsonl``, one JSON object a line, rewritten whole and atomically
(with the round's lock held: :func:`graphmap.fileio.folder_lock`), so that a killed writer leaves
it as it was. The coordinator sees it in ``/runda`` and ``graphmap round status``.

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> record(folder, "1486", "sent", {"answers": 3})
>>> [(e["respondent"], e["action"], e["details"]) for e in read_audit(folder)]
[('1486', 'sent', {'answers': 3})]
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

from graphmap.fileio import write_bytes_atomic

#: the round folder's subfolder of what the answer pages keep (links, drafts, this log)
WEB = "webb"
AUDIT = "audit.jsonl"
MAX_AUDIT = 32 << 20  # bytes read; a round of 300 respondents saving 100 times each is ~10 MB
ACTIONS = ("issued", "revoked", "draft", "sent", "conflict")


def now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def audit_path(folder) -> Path:
    return Path(folder) / WEB / AUDIT


def entry(respondent: str, action: str, details: dict) -> dict:
    return {"time": now(), "respondent": respondent, "action": action, "details": details}


def appended(folder, entries: list[dict]) -> tuple[Path, bytes]:
    """The audit log's path and its content with ``entries`` added (to write with other files in one step)."""
    path = audit_path(folder)
    try:
        with path.open("rb") as f:
            old = f.read(MAX_AUDIT)
    except OSError:
        old = b""
    if old and not old.endswith(b"\n"):
        old += b"\n"
    new = b"".join(json.dumps(e, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n" for e in entries)
    return path, old + new


def record(folder, respondent: str, action: str, details: dict) -> None:
    """Add one entry (hold the round's lock)."""
    path, data = appended(folder, [entry(respondent, action, details)])
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(path, data, private=True)


def read_audit(folder) -> list[dict]:
    """The entries, oldest first (a line that is no JSON object is left out)."""
    try:
        with audit_path(folder).open("rb") as f:
            lines = f.read(MAX_AUDIT).decode("utf-8", "replace").splitlines()
    except OSError:
        return []
    out = []
    for line in lines:
        try:
            e = json.loads(line)
        except ValueError:
            continue
        if isinstance(e, dict) and isinstance(e.get("respondent"), str) and e.get("action") in ACTIONS:
            e.setdefault("details", {})
            out.append(e)
    return out


def describe(e: dict, lang: str = "sv") -> str:
    """One entry as a sentence for the coordinator (the catalogue's ``answer.audit.<action>``)."""
    from graphmap.i18n import t

    found = e.get("details")
    details: dict = found if isinstance(found, dict) else {}
    values = {k: details.get(k, "–") for k in ("expires", "version", "answers", "needs", "added", "file")}
    text = t(f"answer.audit.{e['action']}", lang, **values)
    what = details.get("what")
    if isinstance(what, list) and what:
        text += ": " + "; ".join(str(w) for w in what[:50])
    return text


__all__ = ["WEB", "record", "read_audit", "appended", "entry", "describe", "audit_path", "AUDIT", "ACTIONS"]
