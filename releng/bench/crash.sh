#!/usr/bin/env bash
# Crash safety (issue 10): a reboot storm of --mtas MTAs (default 10,000, HYBRID.2) against the headless
# servers, which are killed with SIGKILL at --kills random moments (default 20) and restarted at once on
# the same workspace. Then, from the simulator's per-MTA record (what each MTA saw acknowledged) and the
# H2 store (opened by H2 itself: a store that does not open is inconsistent):
#   - every lease an MTA got a DHCPACK for is in the store (same MAC and address),
#   - every config file whose URL an MTA got SET is in the store,
#   - every status INFORM the provisioning server acknowledged is recorded,
#   - attempts cut by a kill are recorded as failed with the reason, or resumed;
# then a second storm over the same MTAs, without kills, must provision every one.
# usage: releng/bench/crash.sh [--mtas N] [--kills K] [--rate R]
# Results: releng/bench/target/crash/ (summary.md, CSVs, server logs). Exit 0 when every check holds.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source releng/java-home.sh

mtas=10000 kills=20 rate=50 concurrency=300
while (($#)); do
  case "$1" in
    --mtas) mtas=$2; shift 2 ;;
    --kills) kills=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
out=$root/releng/bench/target/crash
rm -rf "$out"; mkdir -p "$out"
ws=$(mktemp -d /tmp/mtaprov-crash.XXXXXX)
log() { echo "crash: $(date -u +%T) $*" >&2; }
for port in 13067 13053 13088 13162 13069 13161; do
  if ss -Hlutn "sport = :$port" 2>/dev/null | grep -q .; then log "port $port is in use; stop what holds it"; exit 1; fi
done
vm="-Xmx1g -Dmtaprov.demo=false -Dmtaprov.dhcp.port=13067 -Dmtaprov.dns.port=13053 -Dmtaprov.kdc.port=13088 \
-Dmtaprov.mps.port=13162 -Dmtaprov.tftp.port=13069 -Dmtaprov.mta.snmpPort=13161"
sim_net=(--dhcp 127.0.0.1:13067 --dns 127.0.0.1:13053 --mps-port 13162 --mta-snmp-port 13161 --tftp-port 13069)

spid=""
start_server() { # $1: log file
  MTAPROV_WORKSPACE=$ws MTAPROV_VMARGS="$vm ${MTAPROV_VMARGS:-}" ./mtaprov headless > "$1" 2>&1 &
  spid=$!
  for _ in $(seq 600); do
    grep -q "headless servers running" "$1" 2>/dev/null && return 0
    kill -0 $spid 2>/dev/null || { log "the server died at start:"; tail -20 "$1" >&2; return 1; }
    sleep 0.05
  done
  log "servers not up after 30 s"; return 1
}
cleanup() { [ -z "$spid" ] || kill -KILL $spid 2>/dev/null || true; }
trap cleanup EXIT

start_server "$out/server-0.out"
log "servers up; storm of $mtas MTAs at $rate/s with $kills kills"
./mtaprov sim --mtas "$mtas" --flow hybrid.2 --rate "$rate" --concurrency "$concurrency" --base-mac 02:4d:54:60:00:00 \
  "${sim_net[@]}" --csv "$out/storm.csv" --stats "$out/storm.stats" > "$out/storm.out" 2>&1 &
sim=$!
down_total=0
for k in $(seq "$kills"); do
  sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.3f", 1 + 4 * r / 32768 }')" # 1-5 s of work between kills
  kill -0 $sim 2>/dev/null || { log "the storm ended before kill $k"; break; }
  kill -KILL $spid; wait $spid 2>/dev/null || true
  t0=$(date +%s%N)
  start_server "$out/server-$k.out" || exit 1
  down_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  down_total=$((down_total + down_ms))
  log "kill $k: SIGKILL, restarted in ${down_ms} ms"
  echo "$k $down_ms" >> "$out/kills.txt"
done
wait $sim || true
log "storm done: $(grep -E '^(completed|failed)=' "$out/storm.stats" | paste -sd' ')"

# what the store holds right after the kills (a clean stop first: H2 opens a file once). Leases
# acknowledged last may still be only in the lease journal (H2LeaseStore): one more start replays it
# into the table, as every start after a kill does.
stop_server() { kill -TERM $spid; for _ in $(seq 600); do kill -0 $spid 2>/dev/null || break; sleep 0.1; done
  wait $spid 2>/dev/null || true; }
stop_server
start_server "$out/server-replay.out" || exit 1
stop_server
h2jar=$(ls "${MTAPROV_PRODUCT:-product/target/products/io.mtaprov.console/linux/gtk/x86_64}"/plugins/com.h2database_*.jar)
sql() { "$JAVA_HOME/bin/java" -cp "$h2jar" org.h2.tools.Shell -url "jdbc:h2:file:$ws/.mtaprov/mtaprov" -user mtaprov \
  -sql "$1" 2>&1 | sed '1d;/rows*)/d;/^$/d' | tr -d ' ' | tr '|' ','; }
sql "SELECT mac, ip FROM lease" | sort > "$out/store-leases.txt"
sql "SELECT DISTINCT mta_mac FROM generated_file" | sort > "$out/store-files.txt"
sql "SELECT DISTINCT mta_mac FROM prov_result WHERE status_code IS NOT NULL" | sort > "$out/store-statuses.txt"
sql "SELECT DISTINCT mta_mac FROM prov_result" | sort > "$out/store-attempts.txt"
sql "SELECT state, COUNT(*) FROM prov_result GROUP BY state" > "$out/store-results.txt"
sql "SELECT LEFT(reason, 110), COUNT(*) FROM prov_result WHERE state = 'FAILED' GROUP BY LEFT(reason, 110) ORDER BY 2 DESC LIMIT 8" > "$out/store-failure-reasons.txt"
[ -s "$out/store-leases.txt" ] || { log "the store did not open or holds no lease:"; sql "SELECT 1" >&2; exit 1; }
start_server "$out/server-finish.out" || exit 1

# the second storm, without kills: every MTA must end provisioned
./mtaprov sim --mtas "$mtas" --flow hybrid.2 --rate 0 --concurrency "$concurrency" --base-mac 02:4d:54:60:00:00 \
  "${sim_net[@]}" --csv "$out/finish.csv" --stats "$out/finish.stats" > "$out/finish.out" 2>&1 || true
log "finish: $(grep -E '^(completed|failed)=' "$out/finish.stats" | paste -sd' ')"
kill -TERM $spid; for _ in $(seq 600); do kill -0 $spid 2>/dev/null || break; sleep 0.1; done
wait $spid 2>/dev/null || true
spid=""
cp "$ws/.mtaprov/headless.log" "$out/headless.log" 2>/dev/null || true

# what the MTAs saw acknowledged (storm.csv: step2 col 8, step7 col 13, step10 col 16, failed_step col 19)
acked() { # $1: step column, $2: step number; MACs (and IPs) whose step ended without failing there
  awk -F, -v c="$1" -v s="$2" 'NR > 1 && $c != "" && $19 != s && !(s == 2 && $19 == 1) { print $1 "," $3 }' "$out/storm.csv"
}
acked 8 2 | sort > "$out/acked-leases.txt"
acked 13 7 | cut -d, -f1 | sort > "$out/acked-files.txt"
acked 16 10 | cut -d, -f1 | sort > "$out/acked-statuses.txt"
lost_leases=$(cut -d, -f1 "$out/acked-leases.txt" | comm -23 - <(cut -d, -f1 "$out/store-leases.txt") | wc -l)
moved_leases=$(comm -23 "$out/acked-leases.txt" "$out/store-leases.txt" | wc -l)
lost_files=$(comm -23 "$out/acked-files.txt" "$out/store-files.txt" | wc -l)
lost_statuses=$(comm -23 "$out/acked-statuses.txt" "$out/store-statuses.txt" | wc -l)
# enrolled (INFORM acknowledged, col 10 = step 4) but not completed: the store must say how each ended
awk -F, 'NR > 1 && $10 != "" && $19 != 4 && $17 != "completed" { print $1 }' "$out/storm.csv" | sort > "$out/cut-short.txt"
unexplained=$(comm -23 "$out/cut-short.txt" "$out/store-attempts.txt" | wc -l)
interrupted=$(grep -c "^interrupted" "$out/store-failure-reasons.txt" || true)
finish_failed=$(grep -E '^failed=' "$out/finish.stats" | cut -d= -f2)
storm_done=$(grep -E '^completed=' "$out/storm.stats" | cut -d= -f2)
verdict=PASS
[ "$lost_leases" -eq 0 ] && [ "$lost_files" -eq 0 ] && [ "$lost_statuses" -eq 0 ] && [ "$unexplained" -eq 0 ] \
  && [ "${finish_failed:-1}" -eq 0 ] || verdict=FAIL
{
  echo "### Crash safety, $(date -u '+%Y-%m-%d %H:%M UTC'): $mtas MTAs (HYBRID.2, $rate/s), $(wc -l < "$out/kills.txt") SIGKILLs"
  echo
  echo "| check | acknowledged to MTAs | lost after the kills |"
  echo "|---|---:|---:|"
  echo "| leases (DHCPACK received) | $(wc -l < "$out/acked-leases.txt") | $lost_leases (address changed since: $moved_leases) |"
  echo "| config files (URL SET on the MTA) | $(wc -l < "$out/acked-files.txt") | $lost_files |"
  echo "| status INFORMs (acknowledged) | $(wc -l < "$out/acked-statuses.txt") | $lost_statuses |"
  echo "| attempts enrolled but cut short: an end recorded | $(wc -l < "$out/cut-short.txt") | $unexplained without one |"
  echo
  echo "Storm with kills: $storm_done of $mtas MTAs completed; restarts took $(awk '{ s += $2 } END { if (NR) printf "%.0f ms on average", s / NR }' "$out/kills.txt")."
  echo "Second storm over the same MTAs, no kills: $(grep -E '^completed=' "$out/finish.stats" | cut -d= -f2) completed, ${finish_failed:-?} failed."
  echo
  echo "Recorded attempts by state after the storm with kills: $(paste -sd' ' "$out/store-results.txt")"
  echo
  echo "Most frequent failure reasons recorded (after the storm with kills):"
  echo
  sed 's/^/    /' "$out/store-failure-reasons.txt"
  echo
  echo "Verdict: **$verdict**"
} > "$out/summary.md"
cat "$out/summary.md"
[ "$verdict" = PASS ]
