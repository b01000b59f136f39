#!/usr/bin/env bash
# Codec benchmarks (JMH) and fuzzing of io.mtaprov.protocol, outside OSGi (see docs/benchmarks.md).
#   releng/bench/run.sh codecs [JMH options]     JMH on one pinned core; ops/s table + target/jmh.json
#   releng/bench/run.sh fuzz [iterations] [opts]  every decoder, default 1,000,000 inputs per target:
#                                                 seeded mutator, then Jazzer (coverage-guided) if it runs
# Environment: BENCH_CORE (core to pin JMH to, default 1), FUZZ_ENGINE (mutator | jazzer | both, default both),
# FUZZ_THREADS (default: number of cores). Exit status of fuzz: 0 no finding, 1 findings, 2 usage.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=../java-home.sh
source "$root/releng/java-home.sh"
java="$JAVA_HOME/bin/java"
jar="$here/target/benchmarks.jar"

build() {
  (cd "$root" && ./mvnw -f releng/bench/pom.xml -B -q package)
}

usage() {
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  codecs)
    build
    core=${BENCH_CORE:-1}
    pin=()
    if command -v taskset >/dev/null && [ "$(nproc)" -gt "$core" ]; then pin=(taskset -c "$core"); fi
    echo "JMH on core ${core} (${pin[*]:-not pinned}), $("$java" -version 2>&1 | head -1)"
    # 1 fork, 3 warm-up x 2 s, 5 measurements x 2 s per benchmark: about 2 minutes in all
    "${pin[@]}" "$java" -jar "$jar" -f 1 -wi 3 -w 2s -i 5 -r 2s -tu s \
      -rf json -rff "$here/target/jmh.json" "$@" 'io.mtaprov.bench.*'
    echo "results: $here/target/jmh.json"
    ;;
  fuzz)
    iterations=1000000
    if [ $# -gt 0 ] && [[ $1 =~ ^[0-9_]+$ ]]; then iterations=$1; shift; fi
    build
    threads=${FUZZ_THREADS:-$(nproc)}
    engine=${FUZZ_ENGINE:-both}
    status=0
    if [ "$engine" = mutator ] || [ "$engine" = both ]; then
      "$java" -Xmx2g -cp "$jar" io.mtaprov.bench.FuzzMain "$iterations" --threads "$threads" \
        --out "$here/target/fuzz" "$@" || status=$?
    fi
    if [ "$engine" = jazzer ] || [ "$engine" = both ]; then
      rm -rf "$here/target/fuzz/jazzer"
      "$java" -cp "$jar" io.mtaprov.bench.FuzzMain "$iterations" --engine jazzer --threads "$threads" \
        --out "$here/target/fuzz" "$@" || { s=$?; [ "$status" -ne 0 ] || status=$s; }
    fi
    exit "$status"
    ;;
  *)
    usage
    exit 2
    ;;
esac
