#!/usr/bin/env bash
# MCP gateway overhead and capacity, against the reference MCP server (server-everything over
# streamable HTTP) measured in the same run:
#  1. tools/call (echo) latency, the server directly vs through the gateway, alternating rounds;
#  2. tools/list fan-out: the gateway multiplexing 5 servers (5 node processes) vs one server directly;
#  3. N sessions through the gateway each holding a GET event stream: the gateway's RSS and heap,
#     and a tools/call while they are held.
#
#   bench/mcp.sh [calls-per-round] [concurrency] [sse-sessions]   (defaults: 500 1 1000)
#   AGW_MCP_ROUNDS (default 3) sets the rounds; AGW_JAVA_OPTS the gateway's JVM options (e.g. JFR);
#   AGW_MEM_HISTOGRAM=1 prints the top of the gateway's class histogram while the sessions are held.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
. "$here/lib.sh"
. "$bench_root/bin/lib/java.sh"
agw_find_jdk

calls=${1:-500}
conc=${2:-1}
sse=${3:-1000}
rounds=${AGW_MCP_ROUNDS:-3}
servers=5

bench_need bc
command -v node >/dev/null && command -v npm >/dev/null ||
  { echo "bench: node and npm are needed for the MCP server" >&2; exit 1; }
# Each held session is a connection in the client, two in the gateway (client side, and its
# upstream session's event stream) and one in the server: raise the soft limit as far as allowed.
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((2 * sse + 1000)) ]; then
  echo "bench: open-file limit $(ulimit -n) is too low for $sse sessions" >&2
  exit 1
fi

npm_dir="$bench_root/npm"
if [ ! -f "$npm_dir/node_modules/.package-lock.json" ] ||
  [ "$npm_dir/package-lock.json" -nt "$npm_dir/node_modules/.package-lock.json" ]; then
  (cd "$npm_dir" && npm ci --no-audit --no-fund) >&2
fi
server_js="$npm_dir/node_modules/@modelcontextprotocol/server-everything/dist/index.js"

jar="$bench_root/bench/target/benchmarks.jar"
# package, not install: the proxy jar the launcher runs is built in the same reactor.
(cd "$bench_root" && ./mvnw -B -q -DskipTests -pl bench -am package) >&2

bench_workdir agw-mcp
server_ports=()
server_pids=()
for i in $(seq 1 "$servers"); do
  port=$(bench_free_port)
  PORT=$port node "$server_js" streamableHttp >"$work/server$i.log" 2>&1 &
  server_pids+=($!)
  bench_pids+=($!)
  server_ports+=("$port")
done
one_port=$(bench_free_port)
fan_port=$(bench_free_port)
{
  cat <<CONF
config:
  adminAddr: "off"
  statsAddr: "off"
  readinessAddr: "off"
  logging:
    level: warn
binds:
- port: $one_port
  listeners:
  - routes:
    - backends:
      - mcp:
          targets:
          - name: everything
            mcp:
              host: http://127.0.0.1:${server_ports[0]}/mcp
- port: $fan_port
  listeners:
  - routes:
    - backends:
      - mcp:
          targets:
CONF
  for i in $(seq 1 "$servers"); do
    printf '          - name: s%d\n            mcp:\n              host: http://127.0.0.1:%s/mcp\n' \
      "$i" "${server_ports[$((i - 1))]}"
  done
} >"$work/agw.yaml"
"$bench_root/bin/agentgateway" -f "$work/agw.yaml" >"$work/agw.log" 2>&1 &
agw_pid=$!
bench_pids+=("$agw_pid")
for port in "${server_ports[@]}" "$one_port" "$fan_port"; do
  bench_wait_port "$port" || { tail -20 "$work/agw.log" >&2; exit 1; }
done

# User + system CPU time of process $1 in ms (from /proc, in clock ticks).
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }
load() { "$JAVA_HOME/bin/java" -cp "$jar" dev.agentgateway.bench.McpLoad "$@"; }
direct="http://127.0.0.1:${server_ports[0]}/mcp"
heap_mib() { "$JAVA_HOME/bin/jcmd" "$agw_pid" GC.heap_info 2>/dev/null |
  awk '/(generation|heap) +total/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); sum += v } }
       END { printf "%.1f", sum / 1024 }'; }

echo "== tools/call echo: server directly vs through the gateway ($rounds rounds x $calls calls, concurrency $conc)"
idle_from=$(cpu_ms "$agw_pid") && sleep 5 && idle_rate=$(echo "($(cpu_ms "$agw_pid") - $idle_from) / 5" | bc -l)
agw_cpu=$(cpu_ms "$agw_pid")
call_start=$(date +%s.%N)
load compare call "$direct" echo "http://127.0.0.1:$one_port/mcp" echo "$calls" "$conc" "$rounds"
# CPU the gateway spent per call (machine noise inflates wall time, much less CPU time); the
# driver makes max(calls/2, conc) warm-up calls, then rounds x calls.
gw_calls=$(( (calls / 2 > conc ? calls / 2 : conc) + rounds * calls ))
call_secs=$(echo "$(date +%s.%N) - $call_start" | bc -l)
echo "gateway CPU per tools/call: $(echo "scale=3; ($(cpu_ms "$agw_pid") - $agw_cpu - $idle_rate * $call_secs) / $gw_calls" | bc -l) ms" \
  "($gw_calls calls; its idle CPU, $(printf %.0f "$idle_rate") ms/s, subtracted; its JIT included)"

echo
echo "== tools/list: one server directly vs the gateway fanning out to $servers servers (separate node processes)"
list_calls=$((calls / 4 > 100 ? calls / 4 : 100))
load compare list "$direct" - "http://127.0.0.1:$fan_port/mcp" - "$list_calls" "$conc" "$rounds"

echo
echo "== $sse sessions through the gateway, each holding a GET event stream"
"$JAVA_HOME/bin/jcmd" "$agw_pid" GC.run >/dev/null
echo "before:  gateway RSS $(bench_rss_mib "$agw_pid") MiB, heap used $(heap_mib) MiB (after a full GC); server RSS $(bench_rss_mib "${server_pids[0]}") MiB"
load sessions "http://127.0.0.1:$one_port/mcp" "$sse" 20 echo >"$work/sessions.log" 2>&1 &
client_pid=$!
bench_pids+=("$client_pid")
for _ in $(seq 1 1200); do
  grep -q '^holding' "$work/sessions.log" && break
  kill -0 "$client_pid" 2>/dev/null || break
  sleep 0.5
done
grep -q '^holding' "$work/sessions.log" || { cat "$work/sessions.log"; tail -20 "$work/agw.log"; exit 1; }
sleep 5
echo "holding: gateway RSS $(bench_rss_mib "$agw_pid") MiB, heap used $(heap_mib) MiB; server RSS $(bench_rss_mib "${server_pids[0]}") MiB; gateway threads $(awk '/Threads/ { print $2 }' "/proc/$agw_pid/status"), fds $(ls "/proc/$agw_pid/fd" | wc -l)"
"$JAVA_HOME/bin/jcmd" "$agw_pid" GC.run >/dev/null
if [ -n "${AGW_MEM_HISTOGRAM:-}" ]; then
  echo "largest classes on the gateway's heap while holding:"
  "$JAVA_HOME/bin/jcmd" "$agw_pid" GC.class_histogram | head -n 25
fi
echo "holding, after a full GC: gateway RSS $(bench_rss_mib "$agw_pid") MiB, heap used $(heap_mib) MiB (live set)"
wait "$client_pid" || true
cat "$work/sessions.log"
if grep -qiE 'exception|error' "$work/agw.log"; then
  echo "gateway log has errors (first 5):"; grep -iE 'exception|error' "$work/agw.log" | head -5
fi
echo
echo "($(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%F))"
