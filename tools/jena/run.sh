#!/usr/bin/env bash
# Run an Apache Jena 5.6.0 command-line class (jars from Maven Central, copied once into target/jars).
#
#   tools/jena/run.sh riotcmd.riot --validate --strict FILE...      # prints nothing when the files are clean
#   tools/jena/run.sh shacl.shacl_validate --shapes S.ttl --data D.ttl --text
#
# Environment: JAVA (default java), MVN (default mvn).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MVN="${MVN:-mvn}"; JAVA="${JAVA:-java}"
JARS="$HERE/target/jars"
if ! ls "$JARS"/jena-cmds-*.jar >/dev/null 2>&1; then
  "$MVN" -q -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$JARS" >&2
fi
exec "$JAVA" -Xmx1g -cp "$JARS/*" "$@"
