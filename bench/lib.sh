# Shared by the benchmark commands (bench/run, bench/audit): a JDK 21 or newer in $java (and $java_home), the
# platform jar in $jar (built with Maven when missing). Expects $root (the repository) and $jar (empty: the default).
# --- a JDK 21 or newer ---
java_major() {  # the feature release of a java binary (8 for 1.8), or nothing
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1)
  case "$v" in 1.*) echo "${v#1.}" ;; *) echo "$v" ;; esac
}
candidates=()
[ -n "${JAVA:-}" ] && candidates+=("$JAVA")
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
command -v java > /dev/null && candidates+=("$(command -v java)")
for j in $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV); do candidates+=("$j"); done
java=""
for j in "${candidates[@]}"; do
  [ -x "$j" ] || continue
  major=$(java_major "$j")
  if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then java=$j; break; fi
done
if [ -z "$java" ]; then
  echo "no JDK 21 or newer found (tried: ${candidates[*]:-nothing}); set JAVA=/path/to/bin/java" >&2
  exit 2
fi
java_home=$(dirname "$(dirname "$(readlink -f "$java")")")

# --- the jar ---
if [ -z "$jar" ]; then
  jar=$root/app/target/stoa-app.jar
  if [ ! -f "$jar" ]; then
    echo "no $jar: building it (./mvnw -B -ntp -q -pl app -am -DskipTests package)"
    (cd "$root" && JAVA_HOME=$java_home ./mvnw -B -ntp -q -pl app -am -DskipTests package)
  fi
fi
[ -f "$jar" ] || { echo "no jar at $jar" >&2; exit 2; }

