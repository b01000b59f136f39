#!/usr/bin/env bash
# Fast inner loop for plain-Java bundles, outside OSGi: compiles a bundle's src/ and its test
# fragment's src/ with javac and runs the JUnit 5 console launcher. The real build is ./mtaprov test.
# usage: releng/dev/quicktest.sh io.mtaprov.protocol [extra junit console args, e.g. --select-class X]
set -euo pipefail
cd "$(dirname "$0")/../.."
b=$1; shift
libs=${DEVLIBS:-/tmp/devlibs}
mkdir -p "$libs"
for u in org/junit/platform/junit-platform-console-standalone/1.14.1/junit-platform-console-standalone-1.14.1.jar \
         org/assertj/assertj-core/3.27.6/assertj-core-3.27.6.jar org/snmp4j/snmp4j/3.13.1/snmp4j-3.13.1.jar \
         net/bytebuddy/byte-buddy/1.17.7/byte-buddy-1.17.7.jar; do
  [ -f "$libs/$(basename $u)" ] || curl -sfo "$libs/$(basename $u)" "https://repo.maven.apache.org/maven2/$u"
done
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
out=$(mktemp -d)
cp_libs=$(ls "$libs"/*.jar | tr '\n' ':')
srcs=$(find bundles/$b/src tests/$b.tests/src -name '*.java')
"$java_home/bin/javac" --release 21 -nowarn -encoding UTF-8 -d "$out" -cp "$cp_libs" $srcs
# resources (non-Java files) next to the classes
(cd bundles/$b/src && find . -type f ! -name '*.java' -exec cp --parents {} "$out" \;)
(cd tests/$b.tests/src && find . -type f ! -name '*.java' -exec cp --parents {} "$out" \;) 2>/dev/null || true
[ -d tests/$b.tests/resources ] && cp -r tests/$b.tests/resources/. "$out"/
"$java_home/bin/java" -jar "$libs/junit-platform-console-standalone-1.14.1.jar" execute \
  --class-path "$out:$cp_libs" --disable-banner --details=summary "${@:---scan-class-path}"
