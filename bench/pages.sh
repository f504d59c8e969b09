#!/usr/bin/env bash
# Benchmark: the home, a category and an article page from portald against nginx serving the same
# bytes as static files, all on 127.0.0.1 in the same run, measured with wrk (Debian); nginx in two
# configurations (its defaults, and tuned). For each page and server: requests/s, p50, p99; then the
# ratio portald/nginx for each, plain and with gzip (portald's
# pre-compressed cache against nginx's gzip_static of the same .gz bytes, when nginx has it), and
# portald's resident memory before and after the load (it should stay flat). Each row also gives the
# server's CPU time per request (user + system of all its processes, from /proc): wrk shares the two
# cores with the server, so requests/s swing with the scheduler while CPU per request stays put, and
# the last column's second ratio is nginx's CPU per request over portald's (above 1: portald does
# less work per request).
#   bench/pages.sh [DURATION] [CONNECTIONS]        (BUILD_DIR=DIR to use an existing release build;
#                                                   PORTALD_ARGS="--http-threads 2" to try options)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
duration=${1:-10}
conns=${2:-64}
command -v wrk >/dev/null && command -v nginx >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk nginx-light >/dev/null
}
if [ -n "${BUILD_DIR:-}" ]; then bin=$BUILD_DIR; else scripts/build release >/dev/null; bin=$root/build/release; fi
work=$(mktemp -d /tmp/portald-bench.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

"$bin/daemon/cli/portaldctl" --data-dir "$work/data" init --demo >/dev/null
"$bin/daemon/cli/portaldctl" --data-dir "$work/data" import articles "$root/../shared/corpus/articles.jsonl" >/dev/null
pport=$(free_port)
"$bin/daemon/portald" --data-dir "$work/data" --listen "127.0.0.1:$pport" --max-connections-per-ip 0 \
  --log-level warning ${PORTALD_ARGS:-} 2>"$work/portald.log" &
ppid_=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$pport/healthz" >/dev/null && break; sleep 0.1; done
# The fresh store's first search index is built in the background: measure after it, not beside it.
for _ in $(seq 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$pport/api/v1/search?q=x")" = 200 ] && break
  sleep 0.5
done
home=$(curl -fs "http://127.0.0.1:$pport/")
article=$(grep -o 'href="/tin-tuc/[^"]*"' <<<"$home" | head -1 | cut -d'"' -f2)
category=$(grep -o 'href="/chuyen-muc/[^"]*"' <<<"$home" | head -1 | cut -d'"' -f2)
[ -n "$article" ] && [ -n "$category" ] || { echo "bench: no article or category link on the home page" >&2; exit 1; }

# nginx serves each page's exact bytes (and the exact gzip bytes portald sends) from files.
save() {  # save URL_PATH FILE
  mkdir -p "$(dirname "$work/www$2")"
  curl -fs "http://127.0.0.1:$pport$1" -o "$work/www$2"
  curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:$pport$1" -o "$work/www$2.gz"
}
save / /index.html
save "$category" "$category.html"
save "$article" "$article.html"
chmod 755 "$work"; chmod -R a+rX "$work/www"
gzip_static=""
nginx -V 2>&1 | grep -q -- '--with-http_gzip_static_module' && gzip_static="gzip_static on;"

# Two nginx configurations (the issue measured both): "nginx" is nginx's own defaults as a sysadmin
# would start from (sendfile off, the access log on in its combined format, 1,000 requests per
# keep-alive connection), which writes an access line per request as portald does by default;
# "nginx-tuned" is the bench's earlier one (sendfile on, no access log, 100,000 requests per
# connection). Both run one worker per core.
start_nginx() {  # start_nginx NAME PORT DIRECTIVES...
  local name=$1 port=$2
  shift 2
  mkdir -p "$work/$name"
  cat >"$work/$name/nginx.conf" <<CONF
worker_processes auto;
pid $work/$name/nginx.pid;
error_log $work/$name/error.log;
events { worker_connections 1024; }
http {
  default_type text/html;
  $*
  $gzip_static
  client_body_temp_path $work/$name; proxy_temp_path $work/$name; fastcgi_temp_path $work/$name;
  uwsgi_temp_path $work/$name; scgi_temp_path $work/$name;
  server {
    listen 127.0.0.1:$port; root $work/www;
    location = / { try_files /index.html =404; }
    location / { try_files \$uri.html =404; }
  }
}
CONF
  nginx -c "$work/$name/nginx.conf" -g 'daemon off;' &
  eval "${name//-/_}_master=$!"
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
  for p in / "$category" "$article"; do
    cmp -s <(curl -fs "http://127.0.0.1:$port$p") <(curl -fs "http://127.0.0.1:$pport$p") \
      || { echo "bench: $name serves other bytes for $p" >&2; exit 1; }
  done
}
nport=$(free_port)
start_nginx nginx "$nport" "access_log $work/nginx/access.log;"
tport=$(free_port)
start_nginx nginx-tuned "$tport" "access_log off; sendfile on; keepalive_requests 100000;"

# cpu_ticks PID...: user + system clock ticks used so far by these processes (all their threads).
cpu_ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
tick=$(getconf CLK_TCK)
run_wrk() {  # run_wrk URL HEADER PID...: prints "rps p50_ms p99_ms non2xx cpu_us_per_request"
  local url=$1 extra=() before out
  [ -n "$2" ] && extra=(-H "$2")
  shift 2
  before=$(cpu_ticks "$@")
  out=$(wrk -t2 -c"$conns" -d"${duration}s" --latency "${extra[@]}" "$url")
  awk -v ticks=$(($(cpu_ticks "$@") - before)) -v hz="$tick" '
    /Requests\/sec/ {rps=$2}
    /requests in/ {n=$1}
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    $1=="50%" {p50=ms($2)} $1=="99%" {p99=ms($2)}
    /Non-2xx/ {bad=$NF}  # "Non-2xx or 3xx responses: N"
    END { printf "%.0f %.2f %.2f %s %.1f\n", rps, p50, p99, bad+0, (n ? ticks / hz * 1e6 / n : 0) }' <<<"$out"
}
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$ppid_/status"; }

for p in / "$category" "$article"; do wrk -t1 -c4 -d1s "http://127.0.0.1:$pport$p" >/dev/null; done  # warm the cache
rss_before=$(rss_kb)
echo "portald vs nginx, same bytes, wrk -t2 -c$conns -d${duration}s on 127.0.0.1, $(nproc) cores"
# Each nginx's processes: its master and the workers it started.
nginx_pids=("$nginx_master" $(pgrep -P "$nginx_master"))
tuned_pids=("$nginx_tuned_master" $(pgrep -P "$nginx_tuned_master"))
row() { printf '%-9s %-8s %-12s %8s %7s %7s %6s %7s  %s\n' "$@"; }
row page coding server req/s p50_ms p99_ms non2xx us/req "portald/ (req/s, nginx us/req over portald's)"
codings=(identity)
[ -n "$gzip_static" ] && codings+=(gzip)
for coding in "${codings[@]}"; do
  header=""
  [ "$coding" = gzip ] && header="Accept-Encoding: gzip"
  for name in home category article; do
    case $name in home) p=/ ;; category) p=$category ;; article) p=$article ;; esac
    read -r p_rps p_p50 p_p99 p_bad p_cpu <<<"$(run_wrk "http://127.0.0.1:$pport$p" "$header" "$ppid_")"
    read -r n_rps n_p50 n_p99 n_bad n_cpu <<<"$(run_wrk "http://127.0.0.1:$nport$p" "$header" "${nginx_pids[@]}")"
    read -r t_rps t_p50 t_p99 t_bad t_cpu <<<"$(run_wrk "http://127.0.0.1:$tport$p" "$header" "${tuned_pids[@]}")"
    row "$name" "$coding" portald "$p_rps" "$p_p50" "$p_p99" "$p_bad" "$p_cpu" ""
    row "$name" "$coding" nginx "$n_rps" "$n_p50" "$n_p99" "$n_bad" "$n_cpu" \
      "$(python3 -c "print(f'{$p_rps/$n_rps:.2f}x, {$n_cpu/$p_cpu:.2f}x')")"
    row "$name" "$coding" nginx-tuned "$t_rps" "$t_p50" "$t_p99" "$t_bad" "$t_cpu" \
      "$(python3 -c "print(f'{$p_rps/$t_rps:.2f}x, {$t_cpu/$p_cpu:.2f}x')")"
  done
done
echo "pages: / $category $article"
echo "portald RSS: ${rss_before} kB before load, $(rss_kb) kB after"
