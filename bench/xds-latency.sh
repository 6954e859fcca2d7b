#!/usr/bin/env bash
# xDS change-to-traffic latency: runs the end-to-end test that publishes 100 route changes through
# the controller's real xDS server to a real proxy (XdsEndToEndIT, all in one JVM on loopback) and
# times each publish until the first request that sees the change; prints its p50/p99 per run.
#
#   bench/xds-latency.sh [runs]   (default 3)
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
. "$here/lib.sh"
. "$bench_root/bin/lib/java.sh"
agw_find_jdk
runs=${1:-3}
test=XdsEndToEndIT#publishedRoutesServeTrafficAndEveryChangeArrives
output="$bench_root/e2e/target/surefire-reports/dev.agentgateway.e2e.XdsEndToEndIT-output.txt"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  # verify, not install: the reactor resolves the sibling modules without touching ~/.m2.
  (cd "$bench_root" && ./mvnw -B -q verify -pl e2e -am -Dtest="$test" \
    -Dsurefire.failIfNoSpecifiedTests=false) >&2
  echo "run $run:"
  grep -E '^xDS publish ->' "$output" | sed 's/^/  /'
done
