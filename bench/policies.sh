#!/usr/bin/env bash
# End-to-end cost of policies: requests/s and p99 through our proxy on a route with JWT (RS256,
# inline JWKS) + a local rate limit (high enough never to reject) + CORS ("policies"), against a
# route without policies ("none") on the same proxy, and a route with the same minus JWT ("nojwt",
# to tell the signature check's share), measured in one run with wrk in alternating rounds so
# machine noise hits all alike. Every route forwards to the same nginx backend serving 1 KB, and
# every request carries the same headers (bearer token, Origin), so only the policies differ.
#
#   bench/policies.sh [rounds] [seconds-per-run] [connections]     (defaults: 3 5 32)
#   AGW_BENCH_SKIP_BUILD=1 reuses the jars already built; AGW_JAVA_OPTS sets the proxy's JVM options.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
. "$here/lib.sh"
. "$bench_root/bin/lib/java.sh"
agw_find_jdk

rounds=${1:-3}
seconds=${2:-5}
conns=${3:-32}
threads=2

bench_need wrk nginx curl bc
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

jar="$bench_root/bench/target/benchmarks.jar"
# package, not install: the proxy jar the launcher runs is built in the same reactor.
if [ -z "${AGW_BENCH_SKIP_BUILD:-}" ] || [ ! -f "$jar" ]; then
  (cd "$bench_root" && ./mvnw -B -q -DskipTests -pl bench -am package) >&2
fi

bench_workdir agw-policies
chmod 755 "$work" # nginx workers run as an unprivileged user and must read the body file
backend_port=$(bench_free_port)
agw_port=$(bench_free_port)
head -c 1024 /dev/zero | tr '\0' 'a' >"$work/1k.txt"

cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; multi_accept on; }
http {
  access_log off;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_requests 1000000; keepalive_timeout 65;
  client_body_temp_path $work/body; proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fcgi; uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  server { listen 127.0.0.1:$backend_port; location / { root $work; try_files /1k.txt =404; } }
}
CONF
"$nginx_bin" -c "$work/nginx.conf" -p "$work" -e "$work/nginx-error.log"

# agw.yaml: routes /none (no policies), /policies (cors, jwtAuth, localRateLimit), /nojwt (cors,
# localRateLimit); token: a bearer token /policies accepts.
"$JAVA_HOME/bin/java" -cp "$jar" dev.agentgateway.bench.PolicyWorkload "$work" "$agw_port" "$backend_port"
token=$(cat "$work/token")
origin=https://app.bench.example

"$bench_root/bin/agentgateway" -f "$work/agw.yaml" >"$work/agw.log" 2>&1 &
bench_pids+=($!)
bench_wait_http "$backend_port"
bench_wait_http "$agw_port" /none || { tail -20 "$work/agw.log" >&2; exit 1; }

# The policies really run: no token is refused, a good request passes with CORS headers.
denied=$(curl -s -o /dev/null -w '%{http_code}' -H "Origin: $origin" "http://127.0.0.1:$agw_port/policies")
passed=$(curl -s -D "$work/head.txt" -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
  -H "Origin: $origin" "http://127.0.0.1:$agw_port/policies")
if [ "$denied" != 401 ] || [ "$passed" != 200 ] || ! grep -qi '^access-control-allow-origin:' "$work/head.txt"; then
  echo "bench: policy route check failed (no token: $denied, with token: $passed, or no CORS header)" >&2
  tail -20 "$work/agw.log" >&2
  exit 1
fi

url_of() { echo "http://127.0.0.1:$agw_port/$1"; }
run_wrk() { # name duration [--latency]
  wrk -t"$threads" -c"$conns" -d"$2" ${3:-} -H "Authorization: Bearer $token" -H "Origin: $origin" \
    "$(url_of "$1")"
}

echo "bench: load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "bench: warming up our proxy (JIT) for 3 x 10 s..." >&2
run_wrk none 10s >/dev/null
run_wrk policies 10s >/dev/null
run_wrk nojwt 10s >/dev/null

names=(none policies nojwt)
declare -A rps_sum p99_sum
for name in "${names[@]}"; do rps_sum[$name]=0; p99_sum[$name]=0; done

printf '%-6s %-10s %12s %10s %10s\n' round route requests/s p99_ms non-2xx
for round in $(seq 1 "$rounds"); do
  for name in "${names[@]}"; do
    run_wrk "$name" "${seconds}s" --latency >"$work/wrk.txt"
    read -r rps p99 < <(bench_parse_wrk <"$work/wrk.txt")
    bad=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$work/wrk.txt")
    printf '%-6s %-10s %12.0f %10.2f %10s\n' "$round" "$name" "$rps" "$p99" "${bad:-0}"
    rps_sum[$name]=$(echo "${rps_sum[$name]} + $rps" | bc -l)
    p99_sum[$name]=$(echo "${p99_sum[$name]} + $p99" | bc -l)
  done
done

echo
printf '%-10s %12s %10s\n' route "mean req/s" "mean p99"
for name in "${names[@]}"; do
  printf '%-10s %12.0f %10.2f\n' "$name" "$(echo "${rps_sum[$name]} / $rounds" | bc -l)" \
    "$(echo "${p99_sum[$name]} / $rounds" | bc -l)"
done
echo
ratio() { echo "scale=3; $1 / $2" | bc -l; }
echo "policies/none requests/s: $(ratio "${rps_sum[policies]}" "${rps_sum[none]}")x   p99: $(ratio "${p99_sum[policies]}" "${p99_sum[none]}")x"
echo "nojwt/none    requests/s: $(ratio "${rps_sum[nojwt]}" "${rps_sum[none]}")x   p99: $(ratio "${p99_sum[nojwt]}" "${p99_sum[none]}")x"
echo "(policies: jwtAuth RS256 + localRateLimit + cors; nojwt: localRateLimit + cors; $rounds rounds x ${seconds}s, $conns connections, wrk -t$threads, 1 KB body; $(nproc) cores; load average at the end $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%F))"
