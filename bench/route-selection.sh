#!/usr/bin/env bash
# JMH: route selection over 10, 1k and 10k routes. Extra arguments go to JMH (e.g. -f 1 -i 3).
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
. "$here/lib.sh"
. "$bench_root/bin/lib/java.sh"
agw_find_jdk
(cd "$bench_root" && ./mvnw -B -q -DskipTests -pl bench -am install) >&2
if [ $# -eq 0 ]; then set -- -f 1 -wi 3 -w 1 -i 5 -r 1; fi
exec "$JAVA_HOME/bin/java" -jar "$bench_root/bench/target/benchmarks.jar" RouteSelectionBench "$@"
