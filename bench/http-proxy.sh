#!/usr/bin/env bash
# HTTP proxy throughput and tail latency: the backend directly, nginx as a reverse proxy, and our proxy,
# measured in one run, alternating, so machine noise hits all three alike.
#
#   bench/http-proxy.sh [rounds] [seconds-per-run] [connections]     (defaults: 3 5 32)
#
# The backend is nginx serving a 1 KB body. Prints requests/s and p99 for each, then the ratios.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
. "$here/lib.sh"

rounds=${1:-3}
seconds=${2:-5}
conns=${3:-32}
threads=2

bench_need wrk nginx curl bc
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

bench_workdir agw-bench
chmod 755 "$work" # nginx workers run as an unprivileged user and must read the body file

backend_port=$(bench_free_port)
nginx_proxy_port=$(bench_free_port)
agw_port=$(bench_free_port)
head -c 1024 /dev/zero | tr '\0' 'a' >"$work/1k.txt"

# One nginx process serves both the backend and the nginx proxy (separate server blocks), tuned
# as one would in production: keep-alive upstream pool, no access log, sendfile.
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
  upstream backend { server 127.0.0.1:$backend_port; keepalive 128; keepalive_requests 1000000; }
  server { listen 127.0.0.1:$backend_port; location / { root $work; try_files /1k.txt =404; } }
  server {
    listen 127.0.0.1:$nginx_proxy_port;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering on;
    }
  }
}
CONF
"$nginx_bin" -c "$work/nginx.conf" -p "$work" -e "$work/nginx-error.log"

bench_start_agw "$agw_port" "$backend_port"

bench_wait_http "$backend_port"
bench_wait_http "$nginx_proxy_port"
bench_wait_http "$agw_port" || { tail -20 "$work/agw.log" >&2; exit 1; }

echo "bench: warming up our proxy (JIT) for 10 s..." >&2
wrk -t"$threads" -c"$conns" -d10s "http://127.0.0.1:$agw_port/" >/dev/null
wrk -t"$threads" -c"$conns" -d3s "http://127.0.0.1:$nginx_proxy_port/" >/dev/null

declare -A rps_sum p99_sum
for name in direct nginx agentgateway; do rps_sum[$name]=0; p99_sum[$name]=0; done
port_of() { case $1 in direct) echo "$backend_port";; nginx) echo "$nginx_proxy_port";; agentgateway) echo "$agw_port";; esac; }

printf '%-6s %-13s %12s %10s\n' round target requests/s p99_ms
for round in $(seq 1 "$rounds"); do
  for name in direct nginx agentgateway; do
    read -r rps p99 < <(wrk -t"$threads" -c"$conns" -d"${seconds}s" --latency "http://127.0.0.1:$(port_of "$name")/" | bench_parse_wrk)
    printf '%-6s %-13s %12.0f %10.2f\n' "$round" "$name" "$rps" "$p99"
    rps_sum[$name]=$(echo "${rps_sum[$name]} + $rps" | bc -l)
    p99_sum[$name]=$(echo "${p99_sum[$name]} + $p99" | bc -l)
  done
done

echo
printf '%-13s %12s %10s\n' target "mean req/s" "mean p99"
for name in direct nginx agentgateway; do
  printf '%-13s %12.0f %10.2f\n' "$name" "$(echo "${rps_sum[$name]} / $rounds" | bc -l)" "$(echo "${p99_sum[$name]} / $rounds" | bc -l)"
done
echo
ratio() { echo "scale=3; $1 / $2" | bc -l; }
echo "ours/nginx  requests/s: $(ratio "${rps_sum[agentgateway]}" "${rps_sum[nginx]}")x   p99: $(ratio "${p99_sum[agentgateway]}" "${p99_sum[nginx]}")x"
echo "ours/direct requests/s: $(ratio "${rps_sum[agentgateway]}" "${rps_sum[direct]}")x   p99: $(ratio "${p99_sum[agentgateway]}" "${p99_sum[direct]}")x"
echo "($rounds rounds x ${seconds}s, $conns connections, wrk -t$threads, 1 KB body; $(nproc) cores; $(date -u +%F))"
