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
