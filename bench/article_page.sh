#!/usr/bin/env bash
# Benchmark: one article page from portald against nginx serving the same page saved as a static
# file, both on 127.0.0.1 in the same run, measured with wrk (Debian). Prints requests/s, p50, p99
# and the ratio portald/nginx. Bounded: each run lasts DURATION seconds (default 10) per server.
#   bench/article_page.sh [DURATION] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
duration=${1:-10}
conns=${2:-64}
command -v wrk >/dev/null && command -v nginx >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk nginx-light >/dev/null
}
scripts/build release >/dev/null
bin=$root/build/release
work=$(mktemp -d /tmp/portald-bench.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

"$bin/daemon/cli/portaldctl" --data-dir "$work/data" init >/dev/null
"$bin/daemon/cli/portaldctl" --data-dir "$work/data" import articles "$root/../shared/corpus/articles.jsonl" >/dev/null
pport=$(free_port)
"$bin/daemon/portald" --data-dir "$work/data" --listen "127.0.0.1:$pport" --max-connections-per-ip 0 \
  --log-level warning 2>"$work/portald.log" &
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$pport/healthz" >/dev/null && break; sleep 0.1; done
path=$(curl -fs "http://127.0.0.1:$pport/" | grep -o 'href="/tin-tuc/[^"]*"' | head -1 | cut -d'"' -f2)
[ -n "$path" ] || { echo "bench: no article link on the home page" >&2; exit 1; }
mkdir -p "$work/www$(dirname "$path")"
curl -fs "http://127.0.0.1:$pport$path" -o "$work/www$path.html"
# nginx workers run as an unprivileged user: let them read the page (mktemp -d made the dir 0700).
chmod 755 "$work"; chmod -R a+rX "$work/www"

nport=$(free_port)
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  default_type text/html;
  sendfile on;
  keepalive_requests 100000;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server { listen 127.0.0.1:$nport; root $work/www; location / { try_files \$uri.html =404; } }
}
CONF
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$nport$path" >/dev/null && break; sleep 0.1; done
cmp -s <(curl -fs "http://127.0.0.1:$nport$path") "$work/www$path.html" || { echo "bench: nginx serves another page" >&2; exit 1; }

run_wrk() {  # prints "rps p50_ms p99_ms"
  wrk -t2 -c"$conns" -d"${duration}s" --latency "$1" | awk '
    /Requests\/sec/ {rps=$2}
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    $1=="50%" {p50=ms($2)} $1=="99%" {p99=ms($2)}
    /Non-2xx/ {bad=$4}
    END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, bad+0 }'
}
wrk -t1 -c4 -d1s "http://127.0.0.1:$pport$path" >/dev/null   # warm the page cache
read -r p_rps p_p50 p_p99 p_bad <<<"$(run_wrk "http://127.0.0.1:$pport$path")"
read -r n_rps n_p50 n_p99 n_bad <<<"$(run_wrk "http://127.0.0.1:$nport$path")"
size=$(stat -c %s "$work/www$path.html")
echo "article page $path ($size bytes), wrk -t2 -c$conns -d${duration}s on 127.0.0.1, $(nproc) cores"
printf '%-8s %10s %9s %9s %8s\n' server req/s p50_ms p99_ms non2xx
printf '%-8s %10s %9s %9s %8s\n' portald "$p_rps" "$p_p50" "$p_p99" "$p_bad"
printf '%-8s %10s %9s %9s %8s\n' nginx "$n_rps" "$n_p50" "$n_p99" "$n_bad"
python3 -c "print(f'ratio portald/nginx: {$p_rps/$n_rps:.2f}x req/s, p99 {$p_p99/$n_p99:.2f}x')"
