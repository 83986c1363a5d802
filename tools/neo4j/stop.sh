#!/usr/bin/env bash
# Stop the local Neo4j started by tools/neo4j/start.sh: SIGTERM, wait, SIGKILL.
#   NEO4J_HOME_DIR      same home as start.sh   default $REPO/.neo4j/home
#   NEO4J_STOP_TIMEOUT  seconds before SIGKILL  default 30
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
HOME_DIR="${NEO4J_HOME_DIR:-$REPO/.neo4j/home}"
PID_FILE="$HOME_DIR/neo4j.pid"
STOP_TIMEOUT="${NEO4J_STOP_TIMEOUT:-30}"
ENTRY=org.neo4j.server.CommunityEntryPoint

log() { echo "neo4j: $*" >&2; }

if [[ ! -f "$PID_FILE" ]]; then
  log "not running (no $PID_FILE)"
  exit 0
fi
PID="$(cat "$PID_FILE" 2>/dev/null || true)"

# Only signal the process if it is still our Neo4j server (pids get reused).
if [[ -z "$PID" ]] || ! kill -0 "$PID" 2>/dev/null \
   || ! tr '\0' ' ' <"/proc/$PID/cmdline" 2>/dev/null | grep -q "$ENTRY"; then
  log "not running (stale pid file, pid '${PID}')"
  rm -f "$PID_FILE"
  exit 0
fi

# Alive = exists and is not a zombie. The server is re-parented to PID 1 once
# start.sh exits; a PID 1 that reaps slowly leaves an exited server as a zombie
# for a second or more, and kill -0 still succeeds on a zombie.
alive() {
  local state
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != Z ]]
}

kill -TERM "$PID" 2>/dev/null || true
deadline=$((SECONDS + STOP_TIMEOUT))
while alive "$PID" && ((SECONDS < deadline)); do
  sleep 0.05
done
if alive "$PID"; then
  log "pid $PID still alive after ${STOP_TIMEOUT}s, sending SIGKILL"
  kill -KILL "$PID" 2>/dev/null || true
  for _ in $(seq 100); do alive "$PID" || break; sleep 0.05; done
fi
rm -f "$PID_FILE"
echo "neo4j stopped (pid $PID)"
