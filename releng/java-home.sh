# Sourced by ./mtaprov: selects a JDK 21+ for Maven/Tycho and the product, or says how to get one.
# Order: $JAVA_HOME if it is 21+, then Debian's /usr/lib/jvm (newest first), then `java` on PATH.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
pick_java_home() {
  local c
  for c in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) \
           "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    c=${c%/}
    [ -n "$c" ] && [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    if [ "$(java_major "$c")" -ge 21 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}
if ! MTAPROV_JAVA_HOME=$(pick_java_home); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "mtaprov: no JDK 21+ found; installing Debian's openjdk-21-jdk-headless" >&2
    apt-get install -y -qq openjdk-21-jdk-headless >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq openjdk-21-jdk-headless >/dev/null; } || true
    MTAPROV_JAVA_HOME=$(pick_java_home) || true
  fi
  if [ -z "${MTAPROV_JAVA_HOME:-}" ]; then
    echo "mtaprov: a JDK 21 or newer is required (Tycho 5 refuses Java 17). Install one, e.g." >&2
    echo "  sudo apt-get install openjdk-21-jdk-headless   (or Temurin 21/25), then set JAVA_HOME" >&2
    exit 1
  fi
fi
export JAVA_HOME=$MTAPROV_JAVA_HOME
