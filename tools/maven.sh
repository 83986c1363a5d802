# The Maven Central classpath of a tool under tools/ (gephi, jena, owlapi), shared by their scripts.
# Source it from a tool's script with HERE set to the tool's folder (the one holding its pom.xml):
#
#   maven_jars gephi-toolkit      # the pom's dependencies copied once into $HERE/target/jars
#   maven_class GephiCount        # $HERE/GephiCount.java compiled into $HERE/target/classes when newer
#   "$JAVA" -cp "$(maven_classpath)" GephiCount ...
#
# Maven fetches each jar once into ~/.m2. Environment: MVN (default mvn), JAVAC (default javac),
# JAVA (default java).
MVN="${MVN:-mvn}"; JAVA="${JAVA:-java}"; JAVAC="${JAVAC:-javac}"
JARS="$HERE/target/jars"
CLASSES="$HERE/target/classes"

# maven_jars PREFIX: copy the dependencies unless a jar named PREFIX-*.jar is already there
maven_jars() {
  if ! ls "$JARS/$1"-*.jar >/dev/null 2>&1; then
    "$MVN" -q -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$JARS" >&2
  fi
}

# maven_class NAME: compile $HERE/NAME.java against the jars unless its class is newer than the source
maven_class() {
  if [[ ! -f "$CLASSES/$1.class" || "$HERE/$1.java" -nt "$CLASSES/$1.class" ]]; then
    mkdir -p "$CLASSES"
    "$JAVAC" -nowarn -d "$CLASSES" -cp "$JARS/*" "$HERE/$1.java" >&2
  fi
}

# maven_classpath: the compiled classes (if any) and every jar
maven_classpath() {
  if [[ -d "$CLASSES" ]]; then echo "$CLASSES:$JARS/*"; else echo "$JARS/*"; fi
}
