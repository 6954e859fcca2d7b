#!/usr/bin/env bash
# Memory under idle load: holds N idle keep-alive connections and M SSE streams through our proxy
# and reports the proxy's RSS and heap (before, while holding, and heap after a full GC).
#
#   bench/memory.sh [idle-connections] [sse-streams] [hold-seconds]   (defaults: 10000 1000 20)
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
. "$here/lib.sh"
. "$bench_root/bin/lib/java.sh"
agw_find_jdk

idle=${1:-10000}
sse=${2:-1000}
hold=${3:-20}
# Each held connection is a descriptor in the client and in the proxy: raise the soft limit as far
# as this shell may.
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((idle + 2 * sse + 1000)) ]; then
  echo "bench: open-file limit $(ulimit -n) is too low for $idle + $sse connections" >&2
  exit 1
fi

jar="$bench_root/bench/target/benchmarks.jar"
(cd "$bench_root" && ./mvnw -B -q -DskipTests -pl bench -am install) >&2

bench_workdir agw-mem

up_port=$(bench_free_port)
agw_port=$(bench_free_port)
"$JAVA_HOME/bin/java" -cp "$jar" dev.agentgateway.bench.MemoryProbe upstream "$up_port" >"$work/upstream.log" 2>&1 &
bench_pids+=($!)
bench_start_agw "$agw_port" "$up_port"
bench_wait_http "$up_port"
bench_wait_http "$agw_port"

rss_mib() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$agw_pid/status"; }
heap_mib() { "$JAVA_HOME/bin/jcmd" "$agw_pid" GC.heap_info 2>/dev/null |
  awk '/(generation|heap|PSYoungGen|ParOldGen) +total/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); sum += v } }
       END { printf "%.1f", sum / 1024 }'; }

echo "proxy pid $agw_pid, JVM options: ${AGW_JAVA_OPTS:-launcher defaults}"
echo "baseline:        RSS $(rss_mib) MiB, heap used $(heap_mib) MiB"
"$JAVA_HOME/bin/java" -cp "$jar" dev.agentgateway.bench.MemoryProbe clients "$agw_port" "$idle" "$sse" "$hold" >"$work/clients.log" 2>&1 &
client_pid=$!
bench_pids+=("$client_pid")
for _ in $(seq 1 600); do grep -q holding "$work/clients.log" && break; sleep 0.5; done
grep -q holding "$work/clients.log" || { echo "clients never got to holding:"; cat "$work/clients.log"; exit 1; }
sleep $((hold / 2))
echo "holding $idle idle + $sse SSE: RSS $(rss_mib) MiB, heap used $(heap_mib) MiB"
"$JAVA_HOME/bin/jcmd" "$agw_pid" GC.run >/dev/null
echo "after full GC:   RSS $(rss_mib) MiB, heap used $(heap_mib) MiB (live set)"
if [ -n "${AGW_MEM_HISTOGRAM:-}" ]; then
  echo "largest classes on the heap while holding:"
  "$JAVA_HOME/bin/jcmd" "$agw_pid" GC.class_histogram | head -n 25
fi
wait "$client_pid" || true
cat "$work/clients.log"
