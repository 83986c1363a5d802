#!/usr/bin/env bash
# Import GraphML/GEXF files with the Gephi toolkit 0.10.1 (Maven Central), headless, and print what
# Gephi kept (see GephiCount.java).
#
#   tools/gephi/count.sh FILE...            # ... "counts FILE NODES EDGES" per file
#   GEPHI_NODE=<node id> tools/gephi/count.sh FILE   # also that node's attributes
#   GEPHI_NO_MERGE=true tools/gephi/count.sh FILE    # parallel edges not merged ("Don't merge")
#
# The toolkit jar (83 MB) and the compiled class are kept under tools/gephi/target/ (tools/maven.sh).
# Environment: JAVA (default java), JAVAC (default javac), MVN (default mvn).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/../maven.sh"
maven_jars gephi-toolkit
maven_class GephiCount
exec "$JAVA" -Djava.awt.headless=true -Xmx1g -Dgraphmap.node="${GEPHI_NODE:-}" -Dgraphmap.nomerge="${GEPHI_NO_MERGE:-false}" \
  -cp "$(maven_classpath)" GephiCount "$@" 2> >(grep -v -E '^(WARNING|SEVERE|INFO|[A-Z][a-z]{2} [0-9]+, )' >&2)
