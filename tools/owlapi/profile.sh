#!/usr/bin/env bash
# Check ontology files against the OWL 2 DL profile with the OWL API 5.5.0 (Maven Central), imports
# not fetched. Prints "violation …" lines and "profile FILE DL|NOT-DL N" per file (see Profile.java).
# Environment: JAVA (default java), JAVAC (default javac), MVN (default mvn).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MVN="${MVN:-mvn}"; JAVA="${JAVA:-java}"; JAVAC="${JAVAC:-javac}"
JARS="$HERE/target/jars"
if ! ls "$JARS"/owlapi-distribution-*.jar >/dev/null 2>&1; then
  "$MVN" -q -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$JARS" >&2
fi
CLASSES="$HERE/target/classes"
if [[ ! -f "$CLASSES/Profile.class" || "$HERE/Profile.java" -nt "$CLASSES/Profile.class" ]]; then
  mkdir -p "$CLASSES"
  "$JAVAC" -nowarn -d "$CLASSES" -cp "$JARS/*" "$HERE/Profile.java" >&2
fi
exec "$JAVA" -Xmx1g -cp "$CLASSES:$JARS/*" Profile "$@"
