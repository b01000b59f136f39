#!/usr/bin/env bash
# Servers side by side (docs/benchmarks.md, "Servers side by side"): our embedded servers against
# ISC Kea (DHCP, perfdhcp), NSD (DNS, dnsperf) and tftpd-hpa (TFTP, one Commons Net load generator
# for both), all on loopback, in one run on the same machine.
#   releng/bench/servers/run.sh dhcp|dns|tftp|all
# Environment: SERVER_CORE (default 0) and LOAD_CORE (default 1): taskset pinning of the server
# under test and of the load generator; DURATION (s per measurement, default 10); DHCP_RATES
# (perfdhcp offered rates, default "1000 2000 4000 8000"); TFTP_THREADS (default 8);
# BENCH_BUILD=0 skips the product build (then the product's jars must exist); BENCH_JAVA_OPTS: JVM options
# of our servers (e.g. -XX:StartFlightRecording=filename=/tmp/dhcp.jfr,settings=profile to profile).
# Installs its Debian packages when run as root. Results: stdout and $RESULTS (default
# releng/bench/servers/target/results.txt).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
# shellcheck source=../../java-home.sh
source "$root/releng/java-home.sh"
java="$JAVA_HOME/bin/java"
server_core=${SERVER_CORE:-0}
load_core=${LOAD_CORE:-1}
duration=${DURATION:-10}
rates=${DHCP_RATES:-1000 2000 4000 8000}
tftp_threads=${TFTP_THREADS:-8}
plugins=$root/product/target/products/io.mtaprov.console/linux/gtk/x86_64/plugins
mkdir -p "$here/target"
results=${RESULTS:-$here/target/results.txt}
work=$(mktemp -d /tmp/mtaprov-servers-bench.XXXXXX)
pids=()

cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

say() { echo "$*" | tee -a "$results"; }

need_packages() { # installs missing Debian packages, or says how
  local missing=() p
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "bench: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "bench: missing Debian packages: ${missing[*]}  (sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
}

free_udp_port() { # a UDP and TCP port on 127.0.0.1 that nothing listens on, from $1 upwards
  local p=$1
  while ss -Hlnu "sport = :$p" | grep -q . || ss -Hlnt "sport = :$p" | grep -q .; do p=$((p + 1)); done
  echo "$p"
}

# (servers are started with taskset directly, never through a function: "$!" must be the server)
pin_load() { taskset -c "$load_core" "$@"; }

classpath() {
  local j cp=""
  for j in io.mtaprov.core io.mtaprov.protocol io.mtaprov.store.h2 io.mtaprov.server.dhcp io.mtaprov.server.dns \
           io.mtaprov.server.tftp com.h2database org.xbill.dns slf4j.api slf4j.simple org.osgi.service.event \
           org.eclipse.osgi; do
    cp="$cp$(ls "$plugins/${j}"_*.jar | head -1):"
  done
  echo "$cp"
}

# Our servers: ServersMain on the product's jars, pinned; stops when fd 7 closes.
start_ours() { # args for ServersMain
  mkfifo "$work/ours.in"
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list, e.g. -XX:StartFlightRecording=filename=x.jfr
  taskset -c "$server_core" "$java" -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$(classpath)" "$here/ServersMain.java" dir="$work/ours-store" "$@" \
    < "$work/ours.in" > "$work/ours.log" 2>&1 &
  ours_pid=$!
  pids+=("$ours_pid")
  exec 7>"$work/ours.in"
  local i
  for i in $(seq 1 600); do
    grep -q '^READY' "$work/ours.log" && break
    kill -0 "$ours_pid" 2>/dev/null || { cat "$work/ours.log" >&2; exit 1; }
    sleep 0.1
  done
  grep '^READY' "$work/ours.log" >&2 || { echo "our servers did not start" >&2; cat "$work/ours.log" >&2; exit 1; }
}

stop_ours() {
  exec 7>&-
  wait "$ours_pid" || true
  grep -E '^ServerStatus|traces dropped' "$work/ours.log" >&2 || true
  rm -rf "$work/ours.in" "$work/ours-store"
}

# ---------------------------------------------------------------- DHCP
perfdhcp_run() { # label port rate [extra perfdhcp options]; one line of results
  local label=$1 port=$2 rate=$3
  shift 3
  local relay out
  relay=$(free_udp_port 20068)
  out=$(pin_load perfdhcp -4 -g single -l 127.0.0.1 -L "$relay" -N "$port" -R 50000 -r "$rate" -p "$duration" \
        -W 2000000 -o 82,1300 "$@" 127.0.0.1 2>&1) || true
  echo "$out" > "$work/perfdhcp-$label-$rate.txt"
  awk -v label="$label" -v rate="$rate" -v d="$duration" '
    /^sent packets:/ { s[++ns] = $3 } /^received packets:/ { r[++nr] = $3 }
    END { if (ns < 2 || s[1] == 0) { printf "%-26s %6d/s offered: no report\n", label, rate; exit }
          printf "%-26s %6d/s offered: %8.0f leases/s (ACKs), DISCOVER %d -> OFFER %d, REQUEST %d -> ACK %d, lost %.2f %%\n",
                 label, rate, r[2] / d, s[1], r[1], s[2], r[2], 100 * (s[1] - r[2]) / s[1] }' <<< "$out"
}

bench_dhcp() {
  need_packages kea-dhcp4-server kea-admin
  local port mta
  mta=$(printf 'pktc1.5:051f0101010201020901010b04060903040c01010d01010f010110010912020007' | od -An -tx1 | tr -d ' \n')
  say "== DHCP: perfdhcp (relay on 127.0.0.1, RFC 8357 relay port, 50,000 clients, ${duration} s per rate," \
      "server on core $server_core, perfdhcp on core $load_core)"
  # ours: a relay scope for giaddr 127.0.0.1 in 198.18.0.0/15 (RFC 2544 range), H2 store, traces persisted
  cat > "$work/scopes.properties" <<SCOPES
scopes=bench
scope.bench.relays=127.0.0.1
scope.bench.subnet=198.18.0.0/15
scope.bench.leaseTime=3600
scope.bench.pool.other=198.18.0.10-198.18.255.250
scope.bench.pool.pktc=198.19.0.10-198.19.255.250
default=false
SCOPES
  port=$(free_udp_port 20067)
  start_ours dhcp="$port" scopes="$work/scopes.properties"
  local r
  perfdhcp_run warm-up "$port" 1000 -o "60,$mta" > /dev/null # JIT and caches, not counted (same for Kea)
  for r in $rates; do say "$(perfdhcp_run ours-plain "$port" "$r")"; done
  for r in $rates; do say "$(perfdhcp_run ours-emta+opt122 "$port" "$r" -o "60,$mta")"; done
  stop_ours
  # Kea 2.2, memfile (CSV appended per lease), one thread, logging at WARN, same subnet and lease time
  mkdir -p "$work/kea"
  port=$(free_udp_port 20167)
  cat > "$work/kea/kea-dhcp4.json" <<KEA
{ "Dhcp4": {
  "interfaces-config": { "interfaces": [ "lo" ], "dhcp-socket-type": "udp" },
  "lease-database": { "type": "memfile", "persist": true, "name": "$work/kea/leases4.csv", "lfc-interval": 0 },
  "multi-threading": { "enable-multi-threading": false },
  "valid-lifetime": 3600,
  "subnet4": [ { "id": 1, "subnet": "198.18.0.0/15", "pools": [ { "pool": "198.18.0.10 - 198.19.255.250" } ],
                 "relay": { "ip-addresses": [ "127.0.0.1" ] } } ],
  "loggers": [ { "name": "kea-dhcp4", "output_options": [ { "output": "$work/kea/kea.log" } ], "severity": "WARN" } ]
} }
KEA
  KEA_PIDFILE_DIR="$work/kea" KEA_LOCKFILE_DIR="$work/kea" taskset -c "$server_core" kea-dhcp4 -c "$work/kea/kea-dhcp4.json" -p "$port" \
    > "$work/kea/stdout.log" 2>&1 &
  local kea_pid=$!
  pids+=("$kea_pid")
  local i
  for i in $(seq 1 100); do ss -Hlnu "sport = :$port" | grep -q . && break; sleep 0.1; done
  ss -Hlnu "sport = :$port" | grep -q . || { cat "$work/kea/stdout.log" >&2; exit 1; }
  say "kea: $(kea-dhcp4 -v)"
  perfdhcp_run warm-up "$port" 1000 -o "60,$mta" > /dev/null
  for r in $rates; do say "$(perfdhcp_run kea-plain "$port" "$r")"; done
  for r in $rates; do say "$(perfdhcp_run kea-emta "$port" "$r" -o "60,$mta")"; done
  kill "$kea_pid"; wait "$kea_pid" 2>/dev/null || true
}

# ---------------------------------------------------------------- DNS
bench_dns() {
  need_packages nsd dnsperf bind9-dnsutils
  local port nsd_port
  port=$(free_udp_port 20053)
  say "== DNS: dnsperf (${duration} s, 1 client thread, 100 queries in flight), server on core $server_core," \
      "dnsperf on core $load_core"
  start_ours dns="$port"
  # the zone files for NSD: what our server answers, record for record
  mkdir -p "$work/nsd"
  local q
  : > "$work/nsd/mtaprov.lab.zone"
  : > "$work/nsd/hybrid.2.zone"
  for q in "mtaprov.lab SOA" "mtaprov.lab NS" "ns.mtaprov.lab A" "mps.mtaprov.lab A" "kdc.mtaprov.lab A" \
           "tftp.mtaprov.lab A"; do
    # shellcheck disable=SC2086
    dig @127.0.0.1 -p "$port" +norecurse +noall +answer $q >> "$work/nsd/mtaprov.lab.zone"
  done
  for q in "HYBRID.2 SOA" "HYBRID.2 NS" "_kerberos._udp.HYBRID.2 SRV"; do
    # shellcheck disable=SC2086
    dig @127.0.0.1 -p "$port" +norecurse +noall +answer $q >> "$work/nsd/hybrid.2.zone"
  done
  # NS targets outside a zone need no glue here; NSD loads what dig printed
  cp "$work/nsd/"*.zone "$here/target/" 2>/dev/null || true
  # queries: 6 answers, 4 NXDOMAIN (MTA names without a lease), repeated
  : > "$work/queries.txt"
  for q in $(seq 1 100); do
    printf '%s\n' "mps.mtaprov.lab A" "kdc.mtaprov.lab A" "tftp.mtaprov.lab A" "_kerberos._udp.HYBRID.2 SRV" \
      "mtaprov.lab SOA" "mtaprov.lab NS" "mta-00109500$(printf %04x "$q").mtaprov.lab A" \
      "mta-00109501$(printf %04x "$q").mtaprov.lab A" "nothing$q.mtaprov.lab A" "x$q.HYBRID.2 A" >> "$work/queries.txt"
  done
  dnsperf_run() { # label port
    local out
    out=$(pin_load dnsperf -s 127.0.0.1 -p "$2" -d "$work/queries.txt" -l "$duration" -c 1 -q 100 2>&1) || true
    echo "$out" > "$work/dnsperf-$1.txt"
    awk -v label="$1" '/Queries sent:/ { s = $3 } /Queries completed:/ { c = $3 } /Queries lost:/ { l = $3 }
      /Queries per second:/ { q = $4 } /Average Latency/ { lat = $4 }
      /NOERROR/ { codes = $0 } END { printf "%-8s %10.0f queries/s, sent %d, completed %d, lost %d, mean latency %s s;%s\n",
      label, q, s, c, l, lat, codes }' <<< "$out"
  }
  dnsperf_run warm-up "$port" > /dev/null # JIT, not counted (same for NSD)
  say "$(dnsperf_run ours "$port")"
  stop_ours
  nsd_port=$(free_udp_port 20153)
  cat > "$work/nsd/nsd.conf" <<NSD
server:
  ip-address: 127.0.0.1
  port: $nsd_port
  server-count: 1
  do-ip6: no
  username: ""
  chroot: ""
  zonesdir: "$work/nsd"
  zonelistfile: "$work/nsd/zone.list"
  database: ""
  pidfile: "$work/nsd/nsd.pid"
  xfrdfile: "$work/nsd/xfrd.state"
  xfrdir: "$work/nsd"
  logfile: "$work/nsd/nsd.log"
  verbosity: 0
  hide-version: yes
  rrl-ratelimit: 0
  rrl-whitelist-ratelimit: 0
remote-control:
  control-enable: no
zone:
  name: "mtaprov.lab"
  zonefile: "mtaprov.lab.zone"
zone:
  name: "HYBRID.2"
  zonefile: "hybrid.2.zone"
NSD
  nsd-checkconf "$work/nsd/nsd.conf"
  taskset -c "$server_core" nsd -d -c "$work/nsd/nsd.conf" > "$work/nsd/stdout.log" 2>&1 &
  local nsd_pid=$!
  pids+=("$nsd_pid")
  local i
  for i in $(seq 1 100); do dig @127.0.0.1 -p "$nsd_port" +short +time=1 +tries=1 mps.mtaprov.lab A 2>/dev/null | grep -q . && break; sleep 0.1; done
  say "nsd: $(nsd -v 2>&1 | head -1)"
  dnsperf_run warm-up "$nsd_port" > /dev/null
  say "$(dnsperf_run nsd "$nsd_port")"
  kill "$nsd_pid"; wait "$nsd_pid" 2>/dev/null || true
}

# ---------------------------------------------------------------- TFTP
bench_tftp() {
  need_packages tftpd-hpa
  local port hpa_port name net
  net=$(ls "$plugins"/org.apache.commons.commons-net_*.jar | head -1):$(ls "$plugins"/org.apache.commons.commons-io_*.jar | head -1)
  port=$(free_udp_port 20069)
  say "== TFTP: 500-byte file, octet mode, TftpLoad (Commons Net, $tftp_threads clients, ${duration} s)," \
      "server on core $server_core, load on core $load_core"
  start_ours tftp="$port" fileSize=500
  name=$(sed -n 's/^READY.* file=\([^ ]*\).*/\1/p' "$work/ours.log")
  "$java" -cp "$net" "$here/TftpLoad.java" 127.0.0.1 "$port" "$name" 500 3 "$tftp_threads" >&2 # warm-up, not counted
  say "ours     $(pin_load "$java" -cp "$net" "$here/TftpLoad.java" 127.0.0.1 "$port" "$name" 500 "$duration" "$tftp_threads")"
  stop_ours
  mkdir -p "$work/tftp"
  head -c 500 /dev/urandom > "$work/tftp/$name"
  chmod 755 "$work" "$work/tftp"; chmod 644 "$work/tftp/$name"
  hpa_port=$(free_udp_port 20169)
  taskset -c "$server_core" in.tftpd -L -a "127.0.0.1:$hpa_port" -s "$work/tftp" > "$work/tftpd.log" 2>&1 &
  local hpa_pid=$!
  pids+=("$hpa_pid")
  local i
  for i in $(seq 1 100); do ss -Hlnu "sport = :$hpa_port" | grep -q . && break; sleep 0.1; done
  say "tftpd-hpa $(in.tftpd -V 2>&1 | head -1)"
  "$java" -cp "$net" "$here/TftpLoad.java" 127.0.0.1 "$hpa_port" "$name" 500 3 "$tftp_threads" >&2
  say "tftpd-hpa $(pin_load "$java" -cp "$net" "$here/TftpLoad.java" 127.0.0.1 "$hpa_port" "$name" 500 "$duration" "$tftp_threads")"
  kill "$hpa_pid"; wait "$hpa_pid" 2>/dev/null || true
}

cmd=${1:-}
case "$cmd" in dhcp|dns|tftp|all) ;; *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;; esac
need_packages util-linux iproute2
if [ "${BENCH_BUILD:-1}" != 0 ]; then
  echo "bench: building the product (releng/dev/build.sh verify -DskipTests)" >&2
  "$root/releng/dev/build.sh" -q verify -DskipTests >&2
fi
# measure while holding the build lock of releng/dev/build.sh, so no build of this working tree
# shares the two cores with the measurement (released when the script ends)
exec 9>/tmp/mtaprov-build.lock
echo "bench: waiting for the build lock /tmp/mtaprov-build.lock" >&2
flock 9
: > "$results"
say "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
say "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))," \
    "$("$java" -version 2>&1 | head -1)"
case "$cmd" in
  dhcp) bench_dhcp ;;
  dns) bench_dns ;;
  tftp) bench_tftp ;;
  all) bench_dhcp; bench_dns; bench_tftp ;;
esac
echo "results: $results" >&2
