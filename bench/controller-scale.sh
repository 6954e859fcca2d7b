#!/usr/bin/env bash
# Controller at scale: the real controller against the fabric8 mock API server (CRUD mode) in one
# JVM; G Gateways and R HTTPRoutes created at once; time until every status is written and every
# Gateway's snapshot holds all its routes, heap held once converged, and one route change to
# snapshot (median of the changes).
#
#   bench/controller-scale.sh [gateways] [routes] [threads] [changes]   (defaults: 50 5000 4 5)
#
# Extra JVM options go in AGW_BENCH_JAVA_OPTS (e.g. -XX:StartFlightRecording=filename=scale.jfr).
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
. "$here/lib.sh"
. "$bench_root/bin/lib/java.sh"
agw_find_jdk
# package, not install: the reactor resolves the sibling modules without touching ~/.m2.
(cd "$bench_root" && ./mvnw -B -q -DskipTests -pl bench -am package) >&2
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$JAVA_HOME/bin/java" ${AGW_BENCH_JAVA_OPTS:-} -cp "$bench_root/bench/target/benchmarks.jar" \
  dev.agentgateway.bench.ControllerScaleBench "${1:-50}" "${2:-5000}" "${3:-4}" "${4:-5}"
