#!/usr/bin/env bash
# Check ontology files against the OWL 2 DL profile with the OWL API 5.5.0 (Maven Central), imports
# not fetched. Prints "violation …" lines and "profile FILE DL|NOT-DL N" per file (see Profile.java).
# Environment: JAVA (default java), JAVAC (default javac), MVN (default mvn).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/../maven.sh"
maven_jars owlapi-distribution
maven_class Profile
exec "$JAVA" -Xmx1g -cp "$(maven_classpath)" Profile "$@"
