# Shared helpers for the bench scripts (sourced).

bench_root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)

# Installs Debian packages that are missing (wrk, nginx, ...). Needs root, as on these machines.
bench_need() {
  local missing=()
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("$tool")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "bench: installing ${missing[*]}" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Prints a TCP port that is free right now.
bench_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Waits until something answers HTTP on 127.0.0.1:$1$2 (default path /), up to 60 s.
bench_wait_http() {
  local port=$1 path=${2:-/}
  for _ in $(seq 1 600); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port$path" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "bench: nothing answered on port $port" >&2
  return 1
}

# Prints one line "<requests/s> <p99 ms>" from wrk --latency output on stdin.
bench_parse_wrk() {
  awk '
    /Requests\/sec:/ { rps = $2 }
    /^ +99%/ { v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v);
               if (unit == "us") v = v / 1000; else if (unit == "s") v = v * 1000; p99 = v }
    END { printf "%s %s\n", rps, p99 }'
}

# Makes a scratch directory $work (prefix $1) and, on exit, stops every pid in bench_pids and any
# process whose pid file is $work/*.pid (e.g. nginx's), then removes $work.
bench_workdir() {
  work=$(mktemp -d "/tmp/$1.XXXXXX")
  bench_pids=()
  trap bench_cleanup EXIT
}

bench_cleanup() {
  local pid file
  for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for file in "$work"/*.pid; do
    [ -f "$file" ] && { kill "$(cat "$file")" 2>/dev/null || true; }
  done
  wait 2>/dev/null || true
  rm -rf "$work"
}

# Starts our proxy in the background on port $1 forwarding everything to 127.0.0.1:$2, without
# admin endpoints and logging only warnings; sets agw_pid. Its output goes to $work/agw.log.
bench_start_agw() {
  cat >"$work/agw.yaml" <<CONF
config:
  adminAddr: "off"
  statsAddr: "off"
  readinessAddr: "off"
  logging:
    level: warn
binds:
- port: $1
  listeners:
  - routes:
    - backends:
      - host: 127.0.0.1:$2
CONF
  "$bench_root/bin/agentgateway" -f "$work/agw.yaml" >"$work/agw.log" 2>&1 &
  agw_pid=$!
  bench_pids+=("$agw_pid")
}

# Waits until something accepts TCP connections on 127.0.0.1:$1, up to 60 s (for servers, like
# MCP endpoints, that answer a plain GET with an error).
bench_wait_port() {
  for _ in $(seq 1 600); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "bench: nothing listens on port $1" >&2
  return 1
}

# Prints the resident set size of process $1 in MiB.
bench_rss_mib() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
