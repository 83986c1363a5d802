#!/usr/bin/env bash
# Set up graphmap on a fresh machine: a virtual environment with graphmap and its extras.
# Usage: bash scripts/setup.sh            (then: .venv/bin/graphmap --help)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[viz,neo4j,serve,test,dev]"
echo "graphmap installed in .venv ($(.venv/bin/graphmap --version))"
