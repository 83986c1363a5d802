#!/usr/bin/env bash
# Start a local Neo4j Community 5.26 server (Bolt + HTTP, 127.0.0.1 only,
# authentication enabled) built from Maven Central artifacts.
#
#   tools/neo4j/start.sh        # prints "neo4j ready bolt://127.0.0.1:7687"
#
# Environment (all optional):
#   NEO4J_HOME_DIR     home directory (conf/, data/, logs/)   default $REPO/.neo4j/home
#   NEO4J_BOLT_PORT    Bolt port                               default 7687
#   NEO4J_HTTP_PORT    HTTP port (Browser)                     default 7474
#   NEO4J_PASSWORD     initial password of user "neo4j"        default graphmap-test
#                      (only applied before the FIRST start of a home directory)
#   NEO4J_START_TIMEOUT  seconds to wait for readiness         default 90
#   NEO4J_JAVA_OPTS    extra JVM options, appended
#   JAVA               java executable                         default $JAVA_HOME/bin/java or java
#   MVN                maven executable                        default mvn
#   PYTHON             python with the `neo4j` driver, for the login check
#                      default $REPO/.venv/bin/python if present, else python3
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"

HOME_DIR="${NEO4J_HOME_DIR:-$REPO/.neo4j/home}"
BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
HTTP_PORT="${NEO4J_HTTP_PORT:-7474}"
PASSWORD="${NEO4J_PASSWORD:-graphmap-test}"
START_TIMEOUT="${NEO4J_START_TIMEOUT:-90}"
MVN="${MVN:-mvn}"
if [[ -z "${JAVA:-}" ]]; then
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
fi
if [[ -z "${PYTHON:-}" ]]; then
  if [[ -x "$REPO/.venv/bin/python" ]]; then PYTHON="$REPO/.venv/bin/python"; else PYTHON=python3; fi
fi

mkdir -p "$HOME_DIR"
HOME_DIR="$(cd "$HOME_DIR" && pwd)"
CONF_DIR="$HOME_DIR/conf"
LOG_DIR="$HOME_DIR/logs"
PID_FILE="$HOME_DIR/neo4j.pid"
CONSOLE_LOG="$LOG_DIR/console.log"
ENTRY=org.neo4j.server.CommunityEntryPoint

log() { echo "neo4j: $*" >&2; }
trap 'log "start.sh failed at line $LINENO (exit $?)"' ERR

port_open() {  # port_open PORT -> 0 if something accepts TCP on 127.0.0.1:PORT
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

alive() {  # alive PID -> 0 if PID exists and is not a zombie (kill -0 succeeds on zombies)
  local state
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != Z ]]
}

pid_alive() {  # pid_alive PID -> 0 if PID is a running Neo4j server started by us
  [[ -n "$1" ]] && alive "$1" \
    && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q "$ENTRY"
}

# Line counts of the (appended) server logs before this launch: on failure
# only what this launch wrote is shown.
NEO4J_LOG_START=0
DEBUG_LOG_START=0
line_count() {  # line_count FILE -> number of lines, 0 if missing
  if [[ -f "$1" ]]; then wc -l <"$1"; else echo 0; fi
}
new_lines() {  # new_lines FILE START_LINE
  tail -n "+$(($2 + 1))" "$1" 2>/dev/null
}

section() {  # section TITLE TEXT: print to stderr if TEXT is not blank
  if [[ "$2" =~ [^[:space:]] ]]; then
    printf -- '----- %s -----\n%s\n' "$1" "$2" >&2
  fi
}

show_logs() {
  section "tail of $CONSOLE_LOG (JVM stdout/stderr)" "$(tail -n 20 "$CONSOLE_LOG" 2>/dev/null)"
  section "tail of $LOG_DIR/neo4j.log" \
    "$(new_lines "$LOG_DIR/neo4j.log" "$NEO4J_LOG_START" | tail -n 20)"
  section "WARN/ERROR lines of $LOG_DIR/debug.log" \
    "$(new_lines "$LOG_DIR/debug.log" "$DEBUG_LOG_START" \
       | grep -E '^[0-9-]+ [0-9:.+]+ (WARN|ERROR) ' | tail -n 15)"
}

# Login check with the Python driver: 0 ok, 1 not (yet) possible,
# 2 driver not importable, 3 credentials rejected.
bolt_login() {
  NEO4J_CHECK_URI="bolt://127.0.0.1:$BOLT_PORT" NEO4J_CHECK_PASSWORD="$PASSWORD" \
  "$PYTHON" - <<'PY' 2>"$LOG_DIR/bolt-login-check.log"
import os, sys
try:
    import neo4j
except Exception:
    sys.exit(2)
try:
    with neo4j.GraphDatabase.driver(
        os.environ["NEO4J_CHECK_URI"],
        auth=("neo4j", os.environ["NEO4J_CHECK_PASSWORD"]),
        connection_timeout=5,
    ) as driver:
        driver.execute_query("RETURN 1")
except neo4j.exceptions.AuthError as exc:
    print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
    sys.exit(3)
except Exception as exc:
    print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
    sys.exit(1)
PY
}

HAVE_DRIVER=1
"$PYTHON" -c "import neo4j" 2>/dev/null || HAVE_DRIVER=0

wait_ready() {  # wait_ready PID
  local pid="$1" deadline=$((SECONDS + START_TIMEOUT)) rc
  while ((SECONDS < deadline)); do
    if ! alive "$pid"; then
      log "the server process $pid exited during startup"
      return 1
    fi
    if port_open "$BOLT_PORT"; then
      if ((HAVE_DRIVER == 0)); then
        return 0
      fi
      rc=0; bolt_login || rc=$?
      case $rc in
        0) return 0 ;;
        2) HAVE_DRIVER=0; return 0 ;;
        3) log "the server is up but rejects user neo4j with NEO4J_PASSWORD:"
           cat "$LOG_DIR/bolt-login-check.log" >&2
           log "the password is fixed at the first start of $HOME_DIR; use that one, or reset.sh to start over"
           return 1 ;;
      esac
    fi
    sleep 0.5
  done
  log "not ready after ${START_TIMEOUT}s"
  if ((HAVE_DRIVER == 1)) && port_open "$BOLT_PORT"; then
    log "Bolt port is open but login as neo4j did not succeed; last error:"
    cat "$LOG_DIR/bolt-login-check.log" >&2
  fi
  return 1
}

ready_message() {
  if ((HAVE_DRIVER == 0)); then
    log "python '$PYTHON' cannot import neo4j: checked the Bolt port only, not a login"
  fi
  echo "neo4j ready bolt://127.0.0.1:$BOLT_PORT"
}

# ---------------------------------------------------------------- running already?
if [[ -f "$PID_FILE" ]]; then
  OLD_PID="$(cat "$PID_FILE" 2>/dev/null || true)"
  if pid_alive "$OLD_PID"; then
    if port_open "$BOLT_PORT"; then
      log "already running (pid $OLD_PID, home $HOME_DIR)"
      ready_message
      exit 0
    fi
    log "pid $OLD_PID is alive but port $BOLT_PORT is not open yet; waiting"
    if wait_ready "$OLD_PID"; then ready_message; exit 0; fi
    show_logs; exit 1
  fi
  log "removing stale pid file ($OLD_PID is not running)"
  rm -f "$PID_FILE"
fi

for p in "$BOLT_PORT" "$HTTP_PORT"; do
  if port_open "$p"; then
    log "port $p on 127.0.0.1 is already in use by another process;"
    log "set NEO4J_BOLT_PORT / NEO4J_HTTP_PORT (and NEO4J_HOME_DIR) for a second instance"
    exit 1
  fi
done

# ---------------------------------------------------------------- classpath
"$JAVA" -version >/dev/null 2>&1 || { log "java not found ($JAVA); Java 17+ is required"; exit 1; }

CP_FILE="$HERE/target/classpath.txt"
cp_valid() {
  [[ -s "$CP_FILE" && "$CP_FILE" -nt "$HERE/pom.xml" ]] || return 1
  local jar
  local IFS=':'
  for jar in $(cat "$CP_FILE"); do [[ -f "$jar" ]] || return 1; done
}
if ! cp_valid; then
  log "resolving the Neo4j classpath with Maven (first time: ~10 s, ~155 MB into ~/.m2)"
  mkdir -p "$HERE/target"
  TMP_CP="$HERE/target/classpath.txt.$$"
  MVN_LOG="$HERE/target/mvn.$$.log"
  if ! "$MVN" -q -B -Dstyle.color=never -f "$HERE/pom.xml" dependency:build-classpath \
        -Dmdep.includeScope=runtime -Dmdep.outputFile="$TMP_CP" >"$MVN_LOG" 2>&1 \
     || [[ ! -s "$TMP_CP" ]]; then
    log "maven failed; tail of $MVN_LOG:"
    tail -n 40 "$MVN_LOG" >&2
    rm -f "$TMP_CP"
    exit 1
  fi
  mv -f "$TMP_CP" "$CP_FILE"
  rm -f "$MVN_LOG"
fi
CLASSPATH_NEO4J="$(cat "$CP_FILE")"

# ---------------------------------------------------------------- home + config
mkdir -p "$CONF_DIR" "$LOG_DIR" "$HOME_DIR/data" "$HOME_DIR/import" "$HOME_DIR/plugins" "$HOME_DIR/run"

# Rewritten on every start so env changes (ports) take effect.
cat >"$CONF_DIR/neo4j.conf" <<EOF
# Written by tools/neo4j/start.sh on every start; edits here are overwritten.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:$BOLT_PORT
server.bolt.advertised_address=127.0.0.1:$BOLT_PORT
server.http.enabled=true
server.http.listen_address=127.0.0.1:$HTTP_PORT
server.http.advertised_address=127.0.0.1:$HTTP_PORT
server.https.enabled=false
dbms.security.auth_enabled=true
server.memory.pagecache.size=64m
dbms.usage_report.enabled=false
# Without this a fresh database preallocates ~515 MB of transaction logs.
db.tx_log.preallocate=false
# Bolt waits ~10 s on shutdown without these.
internal.server.bolt.thread_pool_shutdown_wait_time=200ms
internal.server.bolt.connection_shutdown_wait_time=200ms
server.directories.import=$HOME_DIR/import
EOF

# The initial password must be set before the first start of this home.
if [[ ! -d "$HOME_DIR/data/databases/system" ]]; then
  if ! NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$CONF_DIR" "$JAVA" -cp "$CLASSPATH_NEO4J" \
        org.neo4j.cli.AdminTool dbms set-initial-password "$PASSWORD" \
        >"$LOG_DIR/set-initial-password.log" 2>&1; then
    log "set-initial-password failed:"
    cat "$LOG_DIR/set-initial-password.log" >&2
    exit 1
  fi
fi

# ---------------------------------------------------------------- launch
JAVA_OPTS=(
  -Xms256m -Xmx512m -XX:+UseG1GC
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true
  -Djdk.nio.maxCachedBufferSize=1024
  -Dfile.encoding=UTF-8
)
# shellcheck disable=SC2206
EXTRA_OPTS=(${NEO4J_JAVA_OPTS:-})

T0=$SECONDS
cd "$HOME_DIR"
NEO4J_LOG_START=$(line_count "$LOG_DIR/neo4j.log")
DEBUG_LOG_START=$(line_count "$LOG_DIR/debug.log")
# setsid: own session, so a Ctrl-C in the calling terminal does not reach the server.
setsid "$JAVA" "${JAVA_OPTS[@]}" "${EXTRA_OPTS[@]}" -cp "$CLASSPATH_NEO4J" \
  "$ENTRY" --home-dir="$HOME_DIR" --config-dir="$CONF_DIR" \
  </dev/null >"$CONSOLE_LOG" 2>&1 &
PID=$!
echo "$PID" >"$PID_FILE"
log "started pid $PID (home $HOME_DIR), waiting up to ${START_TIMEOUT}s"

if wait_ready "$PID"; then
  log "up after $((SECONDS - T0))s"
  ready_message
  exit 0
fi
show_logs
if alive "$PID"; then
  log "stopping the half-started server (pid $PID)"
  NEO4J_HOME_DIR="$HOME_DIR" "$HERE/stop.sh" >&2 || true
fi
rm -f "$PID_FILE"
exit 1
