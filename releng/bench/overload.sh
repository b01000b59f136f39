#!/usr/bin/env bash
# Overload (issue 10): the headless servers get DHCP at a rate they sustain (--rate, default 2,000
# leases/s), then 10 times that, then the sustainable rate again, from perfdhcp acting as a relay
# (Debian kea-admin), each phase --seconds long (default 10). Pass: the server stays up, no
# OutOfMemoryError, the excess is shed and counted (kernel receive-buffer drops read from
# /proc/net/udp, shown as the server's "overload" warning and traced), and the last phase is served
# as fully as the first. Results: releng/bench/target/overload/ (summary.md, perfdhcp output, log).
# usage: releng/bench/overload.sh [--rate R] [--factor F] [--seconds S]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source releng/java-home.sh

rate=2000 factor=10 seconds=10
while (($#)); do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --factor) factor=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v perfdhcp > /dev/null || { echo "overload: perfdhcp missing (apt-get install kea-admin)" >&2; exit 1; }
out=$root/releng/bench/target/overload
rm -rf "$out"; mkdir -p "$out"
ws=$(mktemp -d /tmp/mtaprov-overload.XXXXXX)
log() { echo "overload: $(date -u +%T) $*" >&2; }
# the whole /15 (131,000 addresses): the overload phase alone makes tens of thousands of offers,
# each held 30 s (mtaprov.dhcp.offerHoldSeconds), on top of the leases of the other phases
cat > "$ws/scopes.properties" <<SCOPES
scopes=bench
scope.bench.relays=127.0.0.1
scope.bench.subnet=198.18.0.0/15
scope.bench.leaseTime=3600
scope.bench.pool.other=198.18.0.10-198.19.255.250
default=false
SCOPES
vm="-Xmx1g -Dmtaprov.demo=false -Dmtaprov.dhcp.port=14067 -Dmtaprov.dns.port=14053 -Dmtaprov.kdc.port=14088 \
-Dmtaprov.mps.port=14162 -Dmtaprov.tftp.port=14069 -Dmtaprov.mta.snmpPort=14161 -Dmtaprov.dhcp.scopes=$ws/scopes.properties \
-Xlog:gc:file=$out/gc.log"
MTAPROV_WORKSPACE=$ws MTAPROV_VMARGS="$vm ${MTAPROV_VMARGS:-}" ./mtaprov headless > "$out/server.out" 2>&1 &
spid=$!
trap 'kill -TERM $spid 2>/dev/null || true' EXIT
for _ in $(seq 600); do
  grep -q "headless servers running" "$out/server.out" 2>/dev/null && break
  kill -0 $spid 2>/dev/null || { log "the server died:"; tail -20 "$out/server.out" >&2; exit 1; }
  sleep 0.1
done

phase() { # name rate clients-offset: one line "name rate acks/s lost%"
  local o
  o=$(perfdhcp -4 -g single -l 127.0.0.1 -L 14068 -N 14067 -R 200000 -r "$2" -p "$seconds" -W 2000000 \
      -o 82,1300 -b "mac=$3" 127.0.0.1 2>&1) || true
  echo "$o" > "$out/perfdhcp-$1.txt"
  awk -v n="$1" -v r="$2" -v d="$seconds" '/^sent packets:/ { s[++ns] = $3 } /^received packets:/ { v[++nv] = $3 }
    END { if (ns < 2 || s[1] == 0) { print n, r, 0, 100; exit } printf "%s %d %.0f %.2f\n", n, r, v[2] / d, 100 * (s[1] - v[2]) / s[1] }' <<< "$o"
}
phase warm-up 500 00:0a:00:00:00:00 > /dev/null
base=$(phase sustainable "$rate" 00:0b:00:00:00:00); log "$base"
over=$(phase overload $((rate * factor)) 00:0c:00:00:00:00); log "$over"
sleep 2
after=$(phase recovery "$rate" 00:0d:00:00:00:00); log "$after"
alive=yes; kill -0 $spid 2>/dev/null || alive=no
kill -TERM $spid; for _ in $(seq 300); do kill -0 $spid 2>/dev/null || break; sleep 0.1; done
trap - EXIT
oom=$(grep -c OutOfMemoryError "$out/server.out" || true)
warned=$(grep -c "overload: the kernel dropped" "$out/server.out" || true)
dhcp=$(grep -a "DHCP server: STOPPED (received" "$out/server.out" | sed 's/^.* - //' || true)
peak=$(grep -oE '[0-9]+M->[0-9]+M' "$out/gc.log" | cut -dM -f1 | sort -n | tail -1)
read -r _ _ base_acks base_lost <<< "$base"
read -r _ over_rate over_acks over_lost <<< "$over"
read -r _ _ after_acks after_lost <<< "$after"
verdict=PASS
[ "$alive" = yes ] && [ "$oom" -eq 0 ] && [ "$warned" -gt 0 ] || verdict=FAIL
awk -v a="$after_lost" -v b="$base_lost" 'BEGIN { exit !(a <= b + 1) }' || verdict=FAIL
{
  echo "### Overload, $(date -u '+%Y-%m-%d %H:%M UTC'): DHCP from perfdhcp (relay), ${seconds} s per phase"
  echo
  echo "| phase | offered | leases/s (ACKs) | lost |"
  echo "|---|---:|---:|---:|"
  echo "| sustainable | $rate/s | $base_acks | $base_lost % |"
  echo "| overload (x$factor) | $over_rate/s | $over_acks | $over_lost % |"
  echo "| recovery | $rate/s | $after_acks | $after_lost % |"
  echo
  echo "Server: alive after the run: $alive; OutOfMemoryError: $oom; overload warnings logged: $warned;"
  echo "peak heap ${peak:-?} MB (-Xmx1g); $dhcp"
  echo
  echo "Verdict: **$verdict**"
} > "$out/summary.md"
cat "$out/summary.md"
[ "$verdict" = PASS ]
