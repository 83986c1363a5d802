#!/usr/bin/env bash
# Import GraphML/GEXF files with the Gephi toolkit 0.10.1 (Maven Central), headless, and print what
# Gephi kept (see GephiCount.java).
#
#   tools/gephi/count.sh FILE...            # ... "counts FILE NODES EDGES" per file
#   GEPHI_NODE=<node id> tools/gephi/count.sh FILE   # also that node's attributes
#   GEPHI_NO_MERGE=true tools/gephi/count.sh FILE    # parallel edges not merged ("Don't merge")
#
# The toolkit jar (83 MB) is fetched once into ~/.m2 by Maven; the class is compiled once into
# tools/gephi/target/. Environment: JAVA (default java), JAVAC (default javac), MVN (default mvn).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MVN="${MVN:-mvn}"; JAVA="${JAVA:-java}"; JAVAC="${JAVAC:-javac}"
JARS="$HERE/target/jars"
if ! ls "$JARS"/gephi-toolkit-*.jar >/dev/null 2>&1; then
  "$MVN" -q -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$JARS" >&2
fi
CLASSES="$HERE/target/classes"
if [[ ! -f "$CLASSES/GephiCount.class" || "$HERE/GephiCount.java" -nt "$CLASSES/GephiCount.class" ]]; then
  mkdir -p "$CLASSES"
  "$JAVAC" -nowarn -d "$CLASSES" -cp "$JARS/*" "$HERE/GephiCount.java" >&2
fi
exec "$JAVA" -Djava.awt.headless=true -Xmx1g -Dgraphmap.node="${GEPHI_NODE:-}" -Dgraphmap.nomerge="${GEPHI_NO_MERGE:-false}" \
  -cp "$CLASSES:$JARS/*" GephiCount "$@" 2> >(grep -v -E '^(WARNING|SEVERE|INFO|[A-Z][a-z]{2} [0-9]+, )' >&2)
