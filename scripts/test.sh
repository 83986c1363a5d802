#!/usr/bin/env bash
# Run the whole test suite on a fresh machine: installs what the tests need (Python packages,
# Debian's chromium and LibreOffice Calc for the browser and spreadsheet tests, Neo4j Community, Apache
# Jena and the Gephi toolkit from Maven Central), starts Neo4j,
# runs pytest in two workers, stops Neo4j. Browser and Neo4j tests fail (never skip) when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Debian packages the tests drive: chromium (browser tests, the report's PDF), LibreOffice Calc
# (downloads read back as a spreadsheet program reads them, tests/test_downloads_roundtrip.py) and curl
NEED=""
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then NEED="$NEED chromium"; fi
if ! command -v soffice >/dev/null 2>&1; then NEED="$NEED libreoffice-calc"; fi
if ! command -v curl >/dev/null 2>&1; then NEED="$NEED curl"; fi   # the IRI check with the real curl (test_serve_linked.py)
if [ -n "$NEED" ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $NEED >/dev/null
fi
export NEO4J_HOME_DIR="${NEO4J_HOME_DIR:-$PWD/.neo4j/test-home}"
export NEO4J_BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
export NEO4J_HTTP_PORT="${NEO4J_HTTP_PORT:-7474}"
export NEO4J_PASSWORD="${NEO4J_PASSWORD:-graphmap-test}"
export NEO4J_USER="${NEO4J_USER:-neo4j}"
export NEO4J_URI="${NEO4J_URI:-bolt://127.0.0.1:$NEO4J_BOLT_PORT}"
export PYTHON="$PWD/.venv/bin/python"
# bytecode outside the source tree (an ordinary shell writes it; nothing a test run writes lands in the tree)
export PYTHONPYCACHEPREFIX="${PYTHONPYCACHEPREFIX:-${TMPDIR:-/tmp}/graphmap-pycache}"
if [ -x tools/neo4j/start.sh ]; then
  tools/neo4j/reset.sh >/dev/null 2>&1 || true   # a fresh database (and password) for every run
  tools/neo4j/start.sh
  trap 'tools/neo4j/stop.sh || true' EXIT
fi
# the independent readers' jars from Maven Central, fetched once before the workers start
tools/jena/run.sh riotcmd.riot --version >/dev/null     # Apache Jena 5.6.0 (tests/test_jena.py)
tools/gephi/count.sh >/dev/null                         # the Gephi toolkit 0.10.1 (tests/test_export_gephi.py)
tools/owlapi/profile.sh >/dev/null                      # the OWL API 5.5.0 (tests/test_jena.py)
# two workers (the machine's two cores); every Neo4j test in one of them (tests/conftest.py groups them)
.venv/bin/python -m pytest -n "${PYTEST_WORKERS:-2}" --dist loadgroup -p no:cacheprovider --durations=15 "$@"
