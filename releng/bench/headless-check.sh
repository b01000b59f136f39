#!/usr/bin/env bash
# Scripted check of `./mtaprov headless` (issue 6): it starts on a fresh workspace, logs to
# <workspace>/.mtaprov/headless.log as well as stdout, serves (a DNS query answered), and on SIGTERM
# stops every server, closes the H2 store and stops the OSGi framework, exiting within 30 s; then the
# same workspace starts again (the store was released). Exit 0 when all holds, 1 with the reason.
#   releng/bench/headless-check.sh        (MTAPROV_PRODUCT=<dir> to check another materialized product)
set -euo pipefail
cd "$(dirname "$0")/../.."
ws=$(mktemp -d /tmp/mtaprov-headless-check.XXXXXX)
log=$ws/.mtaprov/headless.log
fail() { echo "headless-check: FAIL: $*" >&2; [ -f "$log" ] && tail -30 "$log" >&2; exit 1; }

start() { # starts the headless servers in the background, waits until they run; sets pid
  MTAPROV_WORKSPACE=$ws MTAPROV_VMARGS="-Dmtaprov.demo=false ${MTAPROV_VMARGS:-}" ./mtaprov --headless \
    > "$ws/stdout.$1" 2>&1 &
  pid=$!
  for _ in $(seq 600); do
    grep -q "headless servers running" "$ws/stdout.$1" 2>/dev/null && return 0
    kill -0 $pid 2>/dev/null || fail "headless exited during start-up (run $1)"
    sleep 0.1
  done
  fail "servers not running after 60 s (run $1)"
}

stop() { # SIGTERM, then waits (30 s at most) for the exit
  kill -TERM $pid
  for _ in $(seq 300); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
  if kill -0 $pid 2>/dev/null; then kill -KILL $pid; fail "still running 30 s after SIGTERM (run $1)"; fi
  wait $pid 2>/dev/null || true
}

start 1
[ -s "$log" ] || fail "no log file at $log"
grep -q "headless servers running" "$log" || fail "the log file does not have what stdout has"
if command -v dig >/dev/null; then
  dig @127.0.0.1 -p 10053 mps.mtaprov.lab +norecurse +short +time=2 | grep -q . || fail "DNS did not answer"
fi
stop 1
for want in "shutdown requested" "DHCP server: STOPPED" "DNS server: STOPPED" "Provisioning server (MPS): STOPPED" \
            "TFTP server: STOPPED" "store closed" "framework stopped (clean)"; do
  grep -qF "$want" "$log" || fail "the log lacks \"$want\" after SIGTERM"
done
if [ -f "$ws/.mtaprov/mtaprov.trace.db" ]; then fail "H2 wrote errors to mtaprov.trace.db"; fi
start 2 # the store is free again
stop 2
[ "$(grep -c "store closed" "$log")" = 2 ] || fail "second run did not close the store"
echo "headless-check: OK (SIGTERM stopped servers, store and framework; log $log)"
rm -rf "$ws"
