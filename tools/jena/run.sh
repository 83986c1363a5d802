#!/usr/bin/env bash
# Run an Apache Jena 5.6.0 command-line class (jars from Maven Central, copied once into target/jars).
#
#   tools/jena/run.sh riotcmd.riot --validate --strict FILE...      # prints nothing when the files are clean
#   tools/jena/run.sh shacl.shacl_validate --shapes S.ttl --data D.ttl --text
#
# Environment: JAVA (default java), MVN (default mvn).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/../maven.sh"
maven_jars jena-cmds
exec "$JAVA" -Xmx1g -cp "$(maven_classpath)" "$@"
