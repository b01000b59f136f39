#!/usr/bin/env bash
# Reboot storm on loopback: N MTAs of one flow provision at once against the headless servers.
#   releng/bench/storm.sh [--mtas 10000] [--flow hybrid.2] [--concurrency 500] [--rate 0] [--warmup 2000]
#                         [--scopes FILE] [--server-heap 1g] [--no-docs]
#   (also ./mtaprov bench storm ...; any other option is passed to SimMain, e.g. --giaddr A,B)
#   --warmup N: the simulator first provisions N other MTAs, not counted (JIT-warm servers and simulator,
#   as a server that has run for a while meets a power cut); the servers' CPU is read when it is done
#   --scopes FILE: the DHCP server's CMTS scopes (mtaprov.dhcp.scopes), e.g. for relays (--giaddr) and
#   their realms (--flow mixed), or pools larger than the built-in 127.77.0.0/16
# 1. starts `./mtaprov headless` as its own process on a fresh workspace in a temp dir (empty store,
#    demo MTA off) with a JFR recording and a GC log, and waits until its servers run;
# 2. runs `./mtaprov sim` (a second process) with the fleet, a progress line every second;
# 3. measures CPU time of both processes (/proc/<pid>/stat), the server's peak heap (GC log) and
#    heap at the end (jcmd GC.heap_info), the H2 file size, counts rows in the store, stops the
#    server with SIGTERM (checking the clean shutdown), names the JFR hot spots;
# 4. writes releng/bench/target/storm/: mtas.csv (per MTA), sim.stats, report.md, server.jfr,
#    hot-methods.txt, hot-callers.txt, sim.jfr, sim-hot-callers.txt, server-gc.log, headless.log,
#    heap-histogram.txt (live objects after the run); and replaces the generated table of the
#    "Reboot storm" section of docs/benchmarks.md (between the storm:begin/end markers).
# Ports must be free (no console running). MTAPROV_PRODUCT=<dir> uses another materialized product.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source releng/java-home.sh

mtas=10000 flow=hybrid.2 concurrency=500 rate=0 docs=1 heap=1g warmup=2000 scopes=""
sim_args=()
while (($#)); do
  case "$1" in
    --mtas) mtas=$2; shift 2 ;;
    --flow) flow=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --server-heap) heap=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --scopes) scopes=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --no-docs) docs=0; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) sim_args+=("$1"); shift ;;
  esac
done

out=$root/releng/bench/target/storm
rm -rf "$out"; mkdir -p "$out"
ws=$(mktemp -d /tmp/mtaprov-storm.XXXXXX)
tck=$(getconf CLK_TCK)
cpu_s() { awk -v t="$tck" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }
log() { echo "storm: $*" >&2; }

for port in 10067 10053 10162 10069; do
  if ss -Hlutn "sport = :$port" 2>/dev/null | grep -q .; then
    log "port $port is in use (a console, headless or test run?); stop it first"; exit 1
  fi
done

# the machine as we found it (2 shared cores: say what else runs)
{ echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"; ps -eo pid,pcpu,etime,args --sort=-pcpu | head -6 | cut -c1-160; } > "$out/machine.txt"

server_vm="-Xmx$heap -Xms$heap -Dmtaprov.demo=false -Xlog:gc:file=$out/server-gc.log \
-XX:StartFlightRecording=name=storm,settings=profile,filename=$out/server-exit.jfr${scopes:+ -Dmtaprov.dhcp.scopes=$scopes}"
log "starting the headless servers (workspace $ws)"
MTAPROV_WORKSPACE=$ws MTAPROV_VMARGS="$server_vm ${MTAPROV_VMARGS:-}" ./mtaprov headless > "$out/server.out" 2>&1 &
spid=$!
trap 'kill -TERM $spid 2>/dev/null || true' EXIT
for _ in $(seq 600); do
  grep -q "headless servers running" "$out/server.out" 2>/dev/null && break
  kill -0 $spid 2>/dev/null || { log "the server died:"; tail -20 "$out/server.out" >&2; exit 1; }
  sleep 0.1
done
grep -q "headless servers running" "$out/server.out" || { log "servers not up after 60 s"; exit 1; }
if grep -q ": FAILED on" "$out/server.out"; then # e.g. a test run of another engineer holds a port
  log "a server failed to start:"; grep ": FAILED on" "$out/server.out" >&2; exit 1
fi
sleep 1 # let start-up JIT settle
cpu_start=$(cpu_s $spid)
log "servers up (pid $spid, $cpu_start s CPU at start); $mtas MTAs after $warmup warm-up MTAs, flow $flow, concurrency $concurrency"

# the servers' CPU is counted from the end of the warm-up: the simulator prints a line there and pauses
: > "$out/sim.out"
( if ((warmup > 0)); then
    until grep -q '^warm-up done' "$out/sim.out" 2>/dev/null; do kill -0 $spid 2>/dev/null || exit 0; sleep 0.02; done
  fi
  cpu_s $spid > "$out/server-cpu-start" ) &
watcher=$!
t0=$(date +%s.%N)
set +e
MTAPROV_SIM_VMARGS="-XX:StartFlightRecording=settings=profile,filename=$out/sim.jfr ${MTAPROV_SIM_VMARGS:-}" \
  ./mtaprov sim --mtas "$mtas" --flow "$flow" --concurrency "$concurrency" --rate "$rate" --warmup "$warmup" \
  --base-mac 02:4d:54:40:00:00 --csv "$out/mtas.csv" --stats "$out/sim.stats" "${sim_args[@]}" | tee -a "$out/sim.out"
sim_status=${PIPESTATUS[0]}
set -e
kill $watcher 2>/dev/null || true # still waiting: the simulator ended before its warm-up did (an error)
wait $watcher 2>/dev/null || true
cpu0=$(cat "$out/server-cpu-start" 2>/dev/null || echo "$cpu_start")
t1=$(date +%s.%N)
cpu1=$(cpu_s $spid)
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"

sleep 1 # the trace store commits every 250 ms
"$JAVA_HOME/bin/jcmd" $spid GC.heap_info > "$out/heap-info.txt" 2>&1 || true
"$JAVA_HOME/bin/jcmd" $spid GC.class_histogram 2>/dev/null | head -25 > "$out/heap-histogram.txt" || true # after a full GC: what stays
"$JAVA_HOME/bin/jcmd" $spid JFR.dump name=storm filename="$out/server.jfr" > /dev/null 2>&1 || true
h2_live=$(du -k "$ws/.mtaprov/mtaprov.mv.db" | cut -f1)
trace_live=$(du -k "$ws/.mtaprov/trace.mv.db" 2>/dev/null | cut -f1 || echo 0)
threads=$(ls /proc/$spid/task | wc -l)

log "stopping the server with SIGTERM"
kill -TERM $spid
stop0=$(date +%s.%N)
for _ in $(seq 600); do kill -0 $spid 2>/dev/null || break; sleep 0.1; done
if kill -0 $spid 2>/dev/null; then log "server still alive 60 s after SIGTERM"; kill -KILL $spid; fi
wait $spid 2>/dev/null || true
trap - EXIT
stop_s=$(echo "$(date +%s.%N) - $stop0" | bc)
cp "$ws/.mtaprov/headless.log" "$out/headless.log"
clean=yes
for want in "TFTP server: STOPPED" "DHCP server: STOPPED" "store closed" "framework stopped (clean)"; do
  grep -q "$want" "$out/headless.log" || { clean="no (missing: $want)"; break; }
done
h2_closed=$(du -k "$ws/.mtaprov/mtaprov.mv.db" | cut -f1)
trace_closed=$(du -k "$ws/.mtaprov/trace.mv.db" 2>/dev/null | cut -f1 || echo 0)

# rows in the store after the clean close
h2jar=$(ls "${MTAPROV_PRODUCT:-product/target/products/io.mtaprov.console/linux/gtk/x86_64}"/plugins/com.h2database_*.jar)
rows=$("$JAVA_HOME/bin/java" -cp "$h2jar" org.h2.tools.Shell -url "jdbc:h2:file:$ws/.mtaprov/mtaprov" -user mtaprov \
  -sql "SELECT (SELECT COUNT(*) FROM lease) AS l, (SELECT COUNT(*) FROM generated_file) AS f, (SELECT COUNT(*) FROM prov_result) AS r, (SELECT COUNT(*) FROM trace_event) AS t" 2>&1 \
  | sed -n 2p | tr -s ' |' ' ')
read -r leases files results traces <<< "${rows:-? ? ? ?}"
if [ -f "$ws/.mtaprov/trace.mv.db" ]; then # trace events have their own database file
  traces=$("$JAVA_HOME/bin/java" -cp "$h2jar" org.h2.tools.Shell -url "jdbc:h2:file:$ws/.mtaprov/trace" -user mtaprov \
    -sql "SELECT COUNT(*) AS t FROM trace_event" 2>&1 | sed -n 2p | tr -d ' ')
fi

# peak heap: the largest "before" figure of the GC log (G1: "Pause ... 312M->45M(1024M)")
peak_heap=$(grep -oE '[0-9]+M->[0-9]+M' "$out/server-gc.log" | cut -dM -f1 | sort -n | tail -1)
heap_end=$(grep -oE 'used [0-9]+K' "$out/heap-info.txt" | head -1 | grep -oE '[0-9]+' || echo 0)
gcs=$(grep -c "Pause" "$out/server-gc.log" || true)

jfr=$JAVA_HOME/bin/jfr
"$jfr" view --width 200 hot-methods "$out/server.jfr" > "$out/hot-methods.txt" 2>&1 || true
if command -v python3 >/dev/null; then
  "$jfr" print --json --events jdk.ExecutionSample --stack-depth 64 "$out/server.jfr" > "$out/samples.json" 2>/dev/null &&
    python3 releng/bench/jfr_callers.py "$out/samples.json" > "$out/hot-callers.txt" 2>&1 || true
  "$jfr" print --json --events jdk.ExecutionSample --stack-depth 64 "$out/sim.jfr" > "$out/samples.json" 2>/dev/null &&
    python3 releng/bench/jfr_callers.py "$out/samples.json" > "$out/sim-hot-callers.txt" 2>&1 || true
  rm -f "$out/samples.json"
fi

stat() { grep -E "^$1=" "$out/sim.stats" | head -1 | cut -d= -f2-; }
wall=$(stat wall_s); rate_done=$(stat mtas_per_s); sim_cpu=$(stat cpu_s)
srv_cpu=$(echo "$cpu1 - $cpu0" | bc)
# steady state: completions between the 10th and the 90th percentile of end times (no warm-up, no tail)
steady=$(awk -F, 'NR > 1 && $17 == "completed" { print $5 }' "$out/mtas.csv" | sort -n |
  awk '{ t[NR] = $1 } END { if (NR < 10) { print "?"; exit } a = int(NR * 0.1); b = int(NR * 0.9);
       if (t[b] > t[a]) printf "%.0f", (b - a) * 1000 / (t[b] - t[a]); else print "?" }')
ms_per() { echo "scale=2; $1 * 1000 / $mtas" | bc; }
failed_by=$(grep -E '^failed\.' "$out/sim.stats" | sed 's/failed\.\([0-9]*\)=\(.*\)/step \1: \2/' | paste -sd, - | sed 's/,/, /g' || true)
{
  echo "Run of $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'));"
  echo "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(sed -n 1p "$out/machine.txt"), $(grep 'load after' "$out/machine.txt")."
  echo "\`./mtaprov bench storm --mtas $mtas --flow $flow --concurrency $concurrency --rate $rate --warmup $warmup${scopes:+ --scopes $(basename "$scopes")}${sim_args[*]:+ ${sim_args[*]}}\`; server heap $heap;"
  echo "the figures count the $mtas MTAs after the $warmup warm-up MTAs (the store rows include those)."
  echo
  echo "| figure | value |"
  echo "|---|---:|"
  echo "| MTAs provisioned / started | $(stat completed) / $(stat mtas) |"
  echo "| failed (lost), by step | $(stat failed)${failed_by:+ ($failed_by)} |"
  echo "| wall time (sim: first start to last result) | $wall s |"
  echo "| **MTAs provisioned per second** | **$rate_done** |"
  echo "| MTAs per second, steady state (10th to 90th percentile of completions) | $steady |"
  echo "| per MTA p50 / p95 / p99 / max | $(stat mta.p50) / $(stat mta.p95) / $(stat mta.p99) / $(stat mta.max) ms |"
  echo "| server CPU during the run (headless, /proc stat) | $srv_cpu s ($(ms_per "$srv_cpu") ms per MTA) |"
  echo "| simulator CPU (whole process) | $sim_cpu s ($(ms_per "$sim_cpu") ms per MTA) |"
  echo "| server heap: peak before GC / used at end / max | ${peak_heap:-?} MB / $((heap_end / 1024)) MB / $heap ($gcs GC pauses) |"
  echo "| server threads at end | $threads |"
  echo "| H2 files (store + trace): after the run / after the clean close | $((h2_live / 1024)) + $((trace_live / 1024)) MB / $((h2_closed / 1024)) + $((trace_closed / 1024)) MB |"
  echo "| store rows: leases / files / results / trace events | $leases / $files / $results / $traces |"
  echo "| SIGTERM to exit; clean shutdown | $stop_s s; $clean |"
  echo
  echo "| step | n | p50 ms | p95 ms | p99 ms | max ms |"
  echo "|---|---:|---:|---:|---:|---:|"
  for n in $(grep -oE '^step\.[0-9]+\.count' "$out/sim.stats" | cut -d. -f2 | sort -n); do
    echo "| $n $(stat "step.$n.title") | $(stat "step.$n.count") | $(stat "step.$n.p50") | $(stat "step.$n.p95") | $(stat "step.$n.p99") | $(stat "step.$n.max") |"
  done
} > "$out/report.md"
cat "$out/report.md"

if ((docs)); then
  doc=docs/benchmarks.md
  if ! grep -q '<!-- storm:begin -->' "$doc"; then
    printf '\n## Reboot storm\n\n<!-- storm:begin -->\n<!-- storm:end -->\n' >> "$doc"
  fi
  awk -v f="$out/report.md" '
    /<!-- storm:begin -->/ { print; while ((getline l < f) > 0) print l; skip = 1; next }
    /<!-- storm:end -->/ { skip = 0 }
    !skip' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
  log "updated the Reboot storm table of $doc"
fi
log "files in $out (workspace $ws kept for inspection)"
exit "$sim_status"
