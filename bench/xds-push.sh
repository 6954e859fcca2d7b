#!/usr/bin/env bash
# xDS push cost: the controller's real xDS server and N Delta ADS clients of one Gateway on
# loopback; for each route count, time to converge and bytes sent for the initial push and for
# changing, adding and removing one route (median of the repetitions).
#
#   bench/xds-push.sh [route-counts] [clients] [repetitions]   (defaults: 500,5000,20000 10 5)
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
. "$here/lib.sh"
. "$bench_root/bin/lib/java.sh"
agw_find_jdk
# package, not install: the reactor resolves the sibling modules without touching ~/.m2.
(cd "$bench_root" && ./mvnw -B -q -DskipTests -pl bench -am package) >&2
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$JAVA_HOME/bin/java" ${AGW_BENCH_JAVA_OPTS:-} -cp "$bench_root/bench/target/benchmarks.jar" \
  dev.agentgateway.bench.XdsPushBench "${1:-500,5000,20000}" "${2:-10}" "${3:-5}"
