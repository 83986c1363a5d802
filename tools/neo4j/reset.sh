#!/usr/bin/env bash
# Stop the local Neo4j and delete its home directory (all data, logs, password).
#   NEO4J_HOME_DIR   default $REPO/.neo4j/home
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
HOME_DIR="${NEO4J_HOME_DIR:-$REPO/.neo4j/home}"
"$HERE/stop.sh"
if [[ -d "$HOME_DIR" ]]; then
  # Guard against deleting something that is not a home made by start.sh.
  if [[ -n "$(ls -A "$HOME_DIR")" ]] \
     && ! grep -qs 'Written by tools/neo4j/start.sh' "$HOME_DIR/conf/neo4j.conf"; then
    echo "neo4j: $HOME_DIR does not look like a home made by start.sh; not deleting" >&2
    exit 1
  fi
  rm -rf -- "$HOME_DIR"
  echo "neo4j home removed: $HOME_DIR"
fi
