"""Private links to answer a round in the browser: one per respondent, nobody else gets in.

``graphmap round links NAME`` issues one link per municipality of the round (and per actor with
``--actor``): ``<public address>/svar/<token>``, the token 32 random bytes
(:func:`secrets.token_urlsafe`, 256 bits). Only the token's SHA-256 is kept, in the round's folder
(:data:`LINKS` under :data:`WEB`), with the respondent, when it was issued and when it expires (the
round's deadline plus :data:`GRACE_DAYS`, configurable; a round without a deadline: the day of
issue plus :data:`NO_DEADLINE_DAYS`). Issuing again for a respondent replaces its link (the old one
stops working); :func:`revoke` ends one. The tokens are printed once and written to a CSV for a
mail merge outside the round's folder; never into the graph, an export, the report or the SPARQL
endpoint (the round's folder is a data folder, but a build reads its tables only).

:func:`lookup` finds the respondent of a token: every stored hash is compared, in constant time
(:func:`hmac.compare_digest`), and an unknown, expired or revoked token gives None, all alike.

>>> import tempfile, json
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "round.json").write_text(json.dumps({"format": 1, "round": "r", "name": "R", "dataset": "r",
...     "deadline": "2027-03-31", "respondents": {}}))
>>> [link] = issue(folder, {"1486": "Strömstad"}, "https://stod.example.se/", today="2027-02-01")
>>> link.url.startswith("https://stod.example.se/svar/"), len(link.token) >= 43, link.expires
(True, True, '2027-04-14')
>>> lookup(folder, link.token, today="2027-04-14"), lookup(folder, link.token, today="2027-04-15")
('1486', None)
>>> link.token in (folder / WEB / LINKS).read_text()
False
>>> revoke(folder, "1486", today="2027-02-02"), lookup(folder, link.token, today="2027-02-03")
(True, None)
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from graphmap.fileio import folder_lock, write_bytes_atomic
from graphmap.round.audit import WEB, record

LINKS = "links.json"
SECRET = "secret.key"  # the round's key for the answer forms' CSRF tokens (graphmap.serve.answer_pages)
PREFIX = "/svar/"
TOKEN_BYTES = 32
GRACE_DAYS = 14
NO_DEADLINE_DAYS = 60
MAX_LINKS_FILE = 4 << 20


@dataclass
class Link:
    respondent: str
    name: str
    token: str
    url: str
    expires: str


def token_hash(token: str) -> str:
    """What is kept of a token: its SHA-256, hex (the token has 256 random bits: no salt needed)."""
    return hashlib.sha256(str(token).encode("utf-8", "surrogatepass")).hexdigest()


def read_links(folder) -> dict[str, dict]:
    """Respondent -> its link's record (hash, issued, expires, revoked) in the round ``folder``."""
    path = Path(folder) / WEB / LINKS
    try:
        with path.open("rb") as f:
            data = json.loads(f.read(MAX_LINKS_FILE).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    links = data.get("links", {}) if isinstance(data, dict) else {}
    return {
        k: v for k, v in links.items() if isinstance(k, str) and isinstance(v, dict) and isinstance(v.get("hash"), str)
    }


def _write(folder: Path, links: dict) -> None:
    (folder / WEB).mkdir(exist_ok=True)
    data = json.dumps({"format": 1, "links": links}, ensure_ascii=False, indent=1, sort_keys=True)
    write_bytes_atomic(folder / WEB / LINKS, data.encode("utf-8"), private=True)


def expiry(deadline: str, today: str, grace_days: int = GRACE_DAYS) -> str:
    """The last day a link works: the deadline (else ``today`` plus :data:`NO_DEADLINE_DAYS`) plus the grace.

    >>> expiry("2027-03-31", "2027-02-01", 14), expiry("", "2027-02-01", 0)
    ('2027-04-14', '2027-04-02')
    """
    try:
        end = _dt.date.fromisoformat(deadline)
    except ValueError:
        end = _dt.date.fromisoformat(today) + _dt.timedelta(days=NO_DEADLINE_DAYS)
    return (end + _dt.timedelta(days=grace_days)).isoformat()


def link_url(base: str, token: str) -> str:
    """The link: the public address (scheme, host and any path prefix the proxy adds) and the token."""
    return str(base).rstrip("/") + PREFIX + token


def issue(
    folder, respondents: dict[str, str], base: str, *, grace_days: int = GRACE_DAYS, today: str | None = None
) -> list[Link]:
    """New links for ``respondents`` (code -> name) of the round in ``folder``; each replaces the
    respondent's earlier link. The tokens are returned, never stored."""
    from graphmap.round.workbook import read_manifest

    folder = Path(folder)
    manifest = read_manifest(folder) if (folder / "round.json").exists() else {}
    deadline = str(manifest.get("deadline") or "")
    today = today or _dt.date.today().isoformat()
    out = []
    with folder_lock(folder):
        links = read_links(folder)
        for code, name in respondents.items():
            token = secrets.token_urlsafe(TOKEN_BYTES)
            expires = expiry(deadline, today, grace_days)
            links[code] = {"hash": token_hash(token), "issued": today, "expires": expires, "revoked": ""}
            out.append(Link(code, name, token, link_url(base, token), expires))
        _write(folder, links)
        round_secret(folder)  # made with the first links: a server answering them never has to write it
        for link in out:
            record(folder, link.respondent, "issued", {"expires": link.expires})
    return out


def round_secret(folder) -> bytes:
    """The round's secret key (32 random bytes, ``webb/secret.key``, readable by its owner only),
    made when first asked for: with the round's first links."""
    path = Path(folder) / WEB / SECRET
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    write_bytes_atomic(path, key, private=True)
    return key


def revoke(folder, respondent: str, *, today: str | None = None) -> bool:
    """End ``respondent``'s link; False if it has none (or it was revoked already)."""
    folder = Path(folder)
    with folder_lock(folder):
        links = read_links(folder)
        entry = links.get(respondent)
        if entry is None or entry.get("revoked"):
            return False
        entry["revoked"] = today or _dt.date.today().isoformat()
        _write(folder, links)
        record(folder, respondent, "revoked", {})
    return True


def lookup(folder, token: str, *, today: str | None = None, links: dict | None = None) -> str | None:
    """The respondent whose valid link ``token`` is, else None (unknown, expired and revoked alike).
    Every stored hash is compared in constant time, whichever matches."""
    wanted = token_hash(token)
    today = today or _dt.date.today().isoformat()
    found = None
    for code, entry in (read_links(folder) if links is None else links).items():
        if hmac.compare_digest(wanted, str(entry.get("hash", ""))):
            if not entry.get("revoked") and str(entry.get("expires", "")) >= today:
                found = code
    return found


def links_csv(links: list[Link]) -> bytes:
    """The links as CSV for a mail merge (UTF-8 with BOM, as Excel opens it)."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["respondent", "name", "url", "expires"])
    for link in links:
        writer.writerow([link.respondent, link.name, link.url, link.expires])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def find_round(name) -> Path:
    """A round's folder from what was typed: a folder, or the name of a round in the workspace."""
    from graphmap.slug import slugify
    from graphmap.workspace import rounds_dir

    path = Path(name)
    if (path / "round.json").is_file():
        return path
    return rounds_dir() / slugify(str(name))


__all__ = [
    "Link",
    "issue",
    "revoke",
    "round_secret",
    "lookup",
    "read_links",
    "token_hash",
    "expiry",
    "link_url",
    "links_csv",
    "find_round",
    "WEB",
    "LINKS",
    "PREFIX",
    "GRACE_DAYS",
]
