#!/usr/bin/env bash
# Live-port fuzzing (issue 10): starts the headless servers in a fresh workspace on their own loopback
# ports, sends N mutated inputs (default 1,000,000) from valid seeds to every listening port (DHCP, DNS
# UDP+TCP, KDC UDP+TCP, MPS SNMP, TFTP) with a good client's probe every 10,000 inputs, then checks:
# every probe answered, the process alive, no unhandled exception in its log, heap after a full GC
# not grown by more than FUZZ_HEAP_GROWTH_MB (default 64), rejections counted per server. The TFTP
# per-client rate limit is off here so that every input reaches the parsers (it has its own tests).
# usage: releng/bench/fuzz-live.sh [--count N] [--rate R] [--targets dhcp,dns,...] [more LiveFuzzMain options]
# Results: releng/bench/target/fuzz-live/ (summary.md, server.out, headless.log). Exit 0 pass, 1 fail.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source releng/java-home.sh

count=1000000
args=()
while (($#)); do
  case "$1" in
    --count) count=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$1"); shift ;;
  esac
done
out=$root/releng/bench/target/fuzz-live
rm -rf "$out"; mkdir -p "$out"
ws=$(mktemp -d /tmp/mtaprov-fuzz.XXXXXX)
log() { echo "fuzz-live: $*" >&2; }
ports=(--dhcp-port 12067 --dns-port 12053 --kdc-port 12088 --snmp-port 12162 --tftp-port 12069)
for port in 12067 12053 12088 12162 12069 12161; do
  if ss -Hlutn "sport = :$port" 2>/dev/null | grep -q .; then log "port $port is in use; stop what holds it"; exit 1; fi
done

vm="-Xmx1g -Dmtaprov.demo=false -Dmtaprov.dhcp.port=12067 -Dmtaprov.dns.port=12053 -Dmtaprov.kdc.port=12088 \
-Dmtaprov.mps.port=12162 -Dmtaprov.tftp.port=12069 -Dmtaprov.mta.snmpPort=12161 -Dmtaprov.tftp.clientRate=0"
MTAPROV_WORKSPACE=$ws MTAPROV_VMARGS="$vm ${MTAPROV_VMARGS:-}" ./mtaprov headless > "$out/server.out" 2>&1 &
spid=$!
trap 'kill -TERM $spid 2>/dev/null || true' EXIT
for _ in $(seq 600); do
  grep -q "headless servers running" "$out/server.out" 2>/dev/null && break
  kill -0 $spid 2>/dev/null || { log "the server died:"; tail -20 "$out/server.out" >&2; exit 1; }
  sleep 0.1
done
grep -q "headless servers running" "$out/server.out" || { log "servers not up after 60 s"; exit 1; }
if grep -q ": FAILED on" "$out/server.out"; then log "a server failed to start:"; grep ": FAILED on" "$out/server.out" >&2; exit 1; fi
jpid=$(pgrep -P $spid java || echo $spid) # ./mtaprov execs java; the pid is the JVM's

heap_mb() { # used heap after a full GC, MB
  "$JAVA_HOME/bin/jcmd" "$jpid" GC.run > /dev/null 2>&1 || true
  "$JAVA_HOME/bin/jcmd" "$jpid" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+' |
    awk '{ printf "%d", $1 / 1024 }'
}

# warm-up (JIT, first allocations), not judged; then the heap baseline
./mtaprov sim fuzz-live "${ports[@]}" --count 20000 --probe-every 5000 > "$out/warmup.txt" 2>&1 || true
heap0=$(heap_mb)
log "servers up (pid $jpid), heap after warm-up ${heap0} MB; $count inputs per target"
t0=$(date +%s)
set +e
./mtaprov sim fuzz-live "${ports[@]}" --count "$count" "${args[@]}" 2>&1 | grep -v '^\[' | tee "$out/fuzz.txt"
fuzz_status=${PIPESTATUS[0]}
set -e
t1=$(date +%s)
sleep 2 # let queued traces drain
heap1=$(heap_mb)
alive=yes; kill -0 "$jpid" 2>/dev/null || alive=no

kill -TERM $spid; for _ in $(seq 300); do kill -0 $spid 2>/dev/null || break; sleep 0.1; done
trap - EXIT
cp "$ws/.mtaprov/headless.log" "$out/headless.log" 2>/dev/null || true
# an unhandled exception shows as a stack trace ("\tat ...") or an ERROR line in the server's log
unhandled=$(grep -a -cE '^\s+at |ERROR' "$out/server.out" || true)
counters=$(grep -a -E ": STOPPED \(received" "$out/server.out" | sed 's/^.* - //' || true)
growth=$((heap1 - heap0))
limit=${FUZZ_HEAP_GROWTH_MB:-64}
verdict=PASS
[ "$fuzz_status" -eq 0 ] || verdict=FAIL
[ "$alive" = yes ] || verdict=FAIL
[ "$unhandled" -eq 0 ] || verdict=FAIL
[ "$growth" -le "$limit" ] || verdict=FAIL
{
  echo "### Live-port fuzzing, $(date -u '+%Y-%m-%d %H:%M UTC'): $count inputs per target, $((t1 - t0)) s"
  echo
  sed -n '/^| target/,/^fuzz-live: \(PASS\|FAIL\)/p' "$out/fuzz.txt" | grep -v '^fuzz-live:'
  echo
  echo "Server after the run: alive: $alive; unhandled exceptions or ERROR lines in its log: $unhandled;"
  echo "heap used after a full GC: ${heap0} MB after warm-up, ${heap1} MB after the run (growth ${growth} MB, limit ${limit} MB)."
  [ -z "$counters" ] || { echo; echo "Server counters at stop:"; echo; echo "$counters" | sed 's/^/    /'; }
  echo
  echo "Verdict: **$verdict**"
} > "$out/summary.md"
cat "$out/summary.md"
[ "$verdict" = PASS ]
