#!/usr/bin/env bash
# JMH: per-request cost of a route's policy chain with 0, 5, 14 and 15 policy kinds through the
# real ProxyHandler (see bench/README.md). Extra arguments go to JMH (e.g. -p policies=0,15 -prof gc).
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
. "$here/lib.sh"
. "$bench_root/bin/lib/java.sh"
agw_find_jdk
# package, not install: other builds share ~/.m2.
if [ -z "${AGW_BENCH_SKIP_BUILD:-}" ] || [ ! -f "$bench_root/bench/target/benchmarks.jar" ]; then
  (cd "$bench_root" && ./mvnw -B -q -DskipTests -pl bench -am package) >&2
fi
exec "$JAVA_HOME/bin/java" -jar "$bench_root/bench/target/benchmarks.jar" PolicyChainBench "$@"
