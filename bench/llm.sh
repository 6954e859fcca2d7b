#!/usr/bin/env bash
# LLM gateway added latency, against a provider stand-in called directly in the same run:
#  1. passthrough: OpenAI chat client -> gateway -> OpenAI stand-in, vs the client -> stand-in;
#  2. translated: OpenAI chat client -> gateway -> Anthropic stand-in, vs an Anthropic messages
#     client -> stand-in.
# Each non-streaming (time to the whole response) and streaming (time to the first content delta,
# and to the end of the stream), one request at a time over keep-alive connections, in alternating
# rounds after a warm-up. The stand-in (dev.agentgateway.bench.LlmBenchStandIn) answers recorded
# payloads at once, so the figures are the gateway's own cost plus the client's and loopback's.
#
#   bench/llm.sh [requests-per-round] [rounds] [warm-up]   (defaults: 200 3 600)
#   AGW_LLM_ROUNDS / AGW_LLM_WARMUP override rounds and warm-up too; AGW_JAVA_OPTS sets the
#   gateway's JVM options (e.g. "-XX:StartFlightRecording=filename=/tmp/llm.jfr,settings=profile");
#   AGW_BENCH_SKIP_BUILD=1 reuses the jars already built (repeated runs on a busy machine).
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
. "$here/lib.sh"
. "$bench_root/bin/lib/java.sh"
agw_find_jdk

requests=${1:-200}
rounds=${2:-${AGW_LLM_ROUNDS:-3}}
warmup=${3:-${AGW_LLM_WARMUP:-600}}

jar="$bench_root/bench/target/benchmarks.jar"
# package, not install: the proxy jar the launcher runs is built in the same reactor.
if [ -z "${AGW_BENCH_SKIP_BUILD:-}" ] || [ ! -f "$jar" ]; then
  (cd "$bench_root" && ./mvnw -B -q -DskipTests -pl bench -am package) >&2
fi

bench_workdir agw-llm
standin_port=$(bench_free_port)
agw_port=$(bench_free_port)
route_port=$(bench_free_port)
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx256m -cp "$jar" dev.agentgateway.bench.LlmBenchStandIn \
  "$standin_port" >"$work/standin.log" 2>&1 &
bench_pids+=($!)

# Upstream's llm: shortcut: one model per provider, both at the stand-in; the gateway injects the
# keys (the client sends none through it). A plain HTTP route to the stand-in on another port
# shows what the proxy's HTTP core alone adds to the same passthrough request.
cat >"$work/agw.yaml" <<CONF
config:
  adminAddr: "off"
  statsAddr: "off"
  readinessAddr: "off"
  logging:
    level: warn
llm:
  port: $agw_port
  models:
  - name: gpt-4o-mini
    provider: openAI
    params:
      apiKey: sk-bench-openai
      baseUrl: http://127.0.0.1:$standin_port/v1
  - name: claude-sonnet-4-5
    provider: anthropic
    params:
      apiKey: sk-ant-bench
      baseUrl: http://127.0.0.1:$standin_port/v1
binds:
- port: $route_port
  listeners:
  - routes:
    - backends:
      - host: 127.0.0.1:$standin_port
CONF
"$bench_root/bin/agentgateway" -f "$work/agw.yaml" >"$work/agw.log" 2>&1 &
agw_pid=$!
bench_pids+=("$agw_pid")
for port in "$standin_port" "$agw_port" "$route_port"; do
  bench_wait_port "$port" || { tail -20 "$work/agw.log" "$work/standin.log" >&2; exit 1; }
done

echo "== LLM gateway added latency: stand-in directly vs through the gateway"
echo "   ($rounds rounds x $requests requests per path, mode and target; $warmup warm-up each; concurrency 1)"
"$JAVA_HOME/bin/java" -cp "$jar" dev.agentgateway.bench.LlmLoad \
  "http://127.0.0.1:$standin_port" "http://127.0.0.1:$agw_port" "$requests" "$rounds" "$warmup" \
  "http://127.0.0.1:$route_port"
if grep -qiE 'exception|error' "$work/agw.log"; then
  echo "gateway log has errors (first 5):"; grep -iE 'exception|error' "$work/agw.log" | head -5
fi
echo
echo "($(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%F))"
