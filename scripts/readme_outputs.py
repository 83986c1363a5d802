#!/usr/bin/env python3
"""Regenerate the example outputs shown in README.md and the pages of docs/ by running the real commands.

Each generated block (in README.md and the pages of :data:`PAGES`) sits between two HTML comments (invisible on GitHub)::

    <!-- output: NAME -->
    ```
    …
    ```
    <!-- /output -->

and NAME is a key of BLOCKS below, which says which commands to run and how to shorten what they
print. Only the text between the markers is rewritten; the rest of each page is left alone.
Outputs that need a Neo4j server are not generated; they carry ``<!-- output not generated … -->``.

    python scripts/readme_outputs.py           # rewrite README.md and docs/*.md
    python scripts/readme_outputs.py --check   # exit 1 with a diff if a page is stale

The commands run in a fresh temporary folder (so paths print as ``out/…``), with a fresh build
cache and ``PYTHONHASHSEED=0``; ``graphmap`` is this checkout's (``python -m graphmap``).
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
#: the pages with generated outputs, in the order their commands run (a later block may read what an
#: earlier one wrote, as the README did before it was split into docs/)
PAGES = [README] + [
    ROOT / "docs" / name
    for name in (
        "questions.md",
        "map-and-report.md",
        "web.md",
        "new-region.md",
        "round.md",
        "neo4j.md",
        "privacy.md",
        "data.md",
        "model.md",
        "scale.md",
        "development.md",
    )
]
MARKER = re.compile(r"^<!-- output: (?P<name>.+?) -->\n(?P<body>.*?)^<!-- /output -->$", re.M | re.S)
SERVE_PORT_SHOWN = "8765"  # the port the README's curl lines show; the script serves on a free one


@dataclass(frozen=True)
class Step:
    """One command: ``shown`` is how the README writes it; ``head`` keeps the first lines it prints
    (None = all); ``stderr`` shows what it writes to stderr (error messages) instead of stdout."""

    shown: str
    head: int | None = None
    stderr: bool = False


@dataclass(frozen=True)
class Block:
    """``style``: ``plain`` (outputs only, one after the other), ``prompt`` (``$ command`` then its
    output) or ``comment`` (the block's lines kept, the ``# …`` lines after each listed command
    replaced by its output as ``# …`` lines)."""

    steps: tuple[Step, ...]
    style: str = "prompt"


BLOCKS = {
    # command 1 of "Two commands on a fresh machine": the build line and the first rows of the table
    "graphmap build && graphmap support": Block(
        (
            Step("graphmap build", head=1),
            Step("graphmap support --area funktionshinder --municipality Umeå", head=12),
        ),
        style="plain",
    ),
    "unknown name": Block((Step("graphmap support --area funktionshindr --municipality Umeå", stderr=True),)),
    "graphmap viz": Block(
        (
            Step("graphmap viz -o out/karta.html"),
            Step("graphmap viz --county Västerbotten -o out/karta-vb.html"),
            Step("graphmap report -o out/rapport.html"),
        )
    ),
    "sparql curl": Block(
        (
            Step(
                "curl -H 'Accept: text/csv' 'http://127.0.0.1:8765/sparql?query=SELECT%20(COUNT(*)%20AS%20?n)"
                "%20WHERE%20%7B?s%20?p%20?o%7D'"
            ),
            Step(
                "curl -s -o /dev/null -w '%{http_code}\\n' -X POST --data-urlencode 'update=DROP ALL' "
                "http://127.0.0.1:8765/sparql"
            ),
        )
    ),
    "graphmap new-region": Block((Step('graphmap new-region "Exempelfjäll" --county 23', head=1),), style="comment"),
    "graphmap export": Block(
        (
            Step("graphmap export data --format graphml -o out/graphmap.graphml"),
            Step("graphmap export catalog -o out/catalog.ttl --base-url https://w3id.org/graphmap/"),
        ),
        style="comment",
    ),
    "iri curl": Block((Step("curl -s -H 'Accept: text/turtle' http://127.0.0.1:8765/id/actor/skr", head=12),)),
    "graphmap synth": Block((Step("graphmap synth --scale 1 -o out/synt --seed 1"),)),
    "graphmap state": Block((Step("graphmap state"),)),
}


class Runner:
    """Runs the steps in one temporary folder; starts ``graphmap serve`` once if a step needs it."""

    def __init__(self, work: Path):
        self.work = work
        self.env = {**os.environ, "PYTHONHASHSEED": "0", "GRAPHMAP_CACHE_DIR": str(work / ".cache")}
        self.env.pop("COLUMNS", None)
        self.server: subprocess.Popen | None = None
        self.port = ""

    def output(self, step: Step) -> list[str]:
        argv = shlex.split(step.shown)
        if argv[0] == "graphmap":
            argv = [sys.executable, "-m", "graphmap", *argv[1:]]
        elif argv[0] == "curl":
            argv = [a.replace(f"127.0.0.1:{SERVE_PORT_SHOWN}", f"127.0.0.1:{self.serve()}") for a in argv]
            if shutil.which("curl") is None:
                lines = [line.rstrip() for line in curl_like(argv[1:]).splitlines()]
                return lines[: step.head] if step.head is not None else lines
        done = subprocess.run(argv, cwd=self.work, env=self.env, capture_output=True, text=True, timeout=600)
        text = done.stderr if step.stderr else done.stdout
        if not step.stderr and done.returncode != 0:
            raise SystemExit(f"{step.shown}: exit {done.returncode}\n{done.stderr}")
        lines = [line.rstrip() for line in text.splitlines()]
        return lines[: step.head] if step.head is not None else lines

    def serve(self) -> str:
        if self.server is None:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                self.port = str(s.getsockname()[1])
            self.server = subprocess.Popen(
                [sys.executable, "-m", "graphmap", "serve", "--port", self.port],
                cwd=self.work,
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            deadline = time.monotonic() + 120
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=5).read()
                    break
                except OSError:
                    if self.server.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit("graphmap serve did not start") from None
                    time.sleep(0.3)
        return self.port

    def close(self):
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=30)


def curl_like(args: list[str]) -> str:
    """What curl prints for the README's two requests (-H, -X, --data-urlencode, -s, -o, -w
    '%{http_code}'), for machines without curl."""
    headers, method, data, write_out, url, i = {}, "GET", None, None, None, 0
    while i < len(args):
        a = args[i]
        if a == "-H":
            key, _, value = args[i + 1].partition(":")
            headers[key.strip()] = value.strip()
            i += 1
        elif a == "-X":
            method = args[i + 1]
            i += 1
        elif a == "--data-urlencode":
            key, _, value = args[i + 1].partition("=")
            data = urllib.parse.urlencode({key: value}).encode()
            i += 1
        elif a == "-w":
            write_out = args[i + 1]
            i += 1
        elif a == "-o":
            i += 1  # -o /dev/null: the body is not shown
        elif a != "-s":
            url = a
        i += 1
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            status, body = r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        status, body = e.code, e.read().decode()
    if write_out is not None:
        return write_out.replace("%{http_code}", str(status)).replace("\\n", "\n")
    return body


def render(block: Block, old_body: str, runner: Runner) -> str:
    """The new text between the markers (the README's fence lines kept)."""
    old = old_body.strip("\n").splitlines()
    fence_open, fence_close = old[0], old[-1]
    if block.style == "plain":
        lines = [line for step in block.steps for line in runner.output(step)]
    elif block.style == "prompt":
        lines = []
        for step in block.steps:
            lines += [f"$ {step.shown}", *runner.output(step)]
    else:  # comment: keep the block, replace the '# ' output lines after each listed command
        old = old[1:-1]
        lines, i = [], 0
        while i < len(old):
            lines.append(old[i])
            step = next((s for s in block.steps if old[i].startswith(s.shown)), None)
            i += 1
            if step is not None:
                while i < len(old) and old[i].startswith("# "):
                    i += 1
                lines += [f"# {line}" if line else "#" for line in runner.output(step)]
    return "\n".join([fence_open, *lines, fence_close]) + "\n"


def regenerate(texts: list[str]) -> list[str]:
    """The pages' texts with every generated block rewritten (one run of the commands, in page order)."""
    found = [m["name"] for text in texts for m in MARKER.finditer(text)]
    missing = set(BLOCKS) - set(found)
    unknown = set(found) - set(BLOCKS)
    if missing or unknown or len(found) != len(set(found)):
        raise SystemExit(f"output markers: missing {sorted(missing)}, unknown {sorted(unknown)}, or one twice")
    with tempfile.TemporaryDirectory(prefix="readme-outputs-") as tmp:
        runner = Runner(Path(tmp))
        try:
            return [
                MARKER.sub(
                    lambda m: (
                        f"<!-- output: {m['name']} -->\n{render(BLOCKS[m['name']], m['body'], runner)}<!-- /output -->"
                    ),
                    text,
                )
                for text in texts
            ]
        finally:
            runner.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 with a diff if a page is stale")
    args = parser.parse_args(argv)
    old = [page.read_text(encoding="utf-8") for page in PAGES]
    new = regenerate(old)
    stale = [(page, o, n) for page, o, n in zip(PAGES, old, new) if o != n]
    if not stale:
        print("README.md and docs/: the example outputs are current.")
        return 0
    if args.check:
        for page, o, n in stale:
            name = str(page.relative_to(ROOT))
            sys.stdout.writelines(
                difflib.unified_diff(
                    o.splitlines(True), n.splitlines(True), f"{name} (committed)", f"{name} (generated)"
                )
            )
        print("\nstale example outputs: run python scripts/readme_outputs.py", file=sys.stderr)
        return 1
    for page, _o, n in stale:
        page.write_text(n, encoding="utf-8")
        print(f"{page.relative_to(ROOT)}: example outputs rewritten.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
