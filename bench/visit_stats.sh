#!/usr/bin/env bash
# Benchmark: what counting page views costs (issue 13). Two portald daemons on copies of the same data,
# one with visit-stats = on and one with off, take turns under wrk on the same article page (from the
# page cache, the path most readers take) in the same run; each round measures both, and the best round
# of each is compared. Every request carries another browser user agent (a wrk Lua script), so the
# visitors map grows as with real readers, and all come from 127.0.0.1, as behind a reverse proxy: one
# shard of the counter takes every request, the worst case for its lock. Prints req/s, p50, p99 and the
# ratio on/off (target: at least 0.95).
#   bench/visit_stats.sh [DURATION] [CONNECTIONS] [ROUNDS]   (BUILD_DIR=DIR to use an existing release build)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
duration=${1:-10}
conns=${2:-64}
rounds=${3:-3}
command -v wrk >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
}
if [ -n "${BUILD_DIR:-}" ]; then bin=$BUILD_DIR; else scripts/build release >/dev/null; bin=$root/build/release; fi
work=$(mktemp -d /tmp/portald-bench.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

"$bin/daemon/cli/portaldctl" --data-dir "$work/on" init --demo >/dev/null
"$bin/daemon/cli/portaldctl" --data-dir "$work/on" import articles "$root/../shared/corpus/articles.jsonl" >/dev/null
cp -a "$work/on" "$work/off"
start() {  # start DATA_DIR VISIT_STATS: sets port (a job of this shell, so the trap stops it)
  port=$(free_port)
  "$bin/daemon/portald" --data-dir "$1" --listen "127.0.0.1:$port" --max-connections-per-ip 0 \
    --visit-stats "$2" --log-level warning >/dev/null 2>>"$work/portald.log" &
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
}
start "$work/on" on
on_port=$port
start "$work/off" off
off_port=$port
path=$(curl -fs "http://127.0.0.1:$on_port/" | grep -o 'href="/tin-tuc/[^"]*"' | head -1 | cut -d'"' -f2)
[ -n "$path" ] || { echo "bench: no article link on the home page" >&2; exit 1; }
cmp -s <(curl -fs "http://127.0.0.1:$on_port$path") <(curl -fs "http://127.0.0.1:$off_port$path") \
  || { echo "bench: the two daemons serve other bytes" >&2; exit 1; }

cat >"$work/agents.lua" <<'LUA'
-- Another browser for every request: up to 200000 distinct visitors.
math.randomseed(os.time())
request = function()
  local ua = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/" .. math.random(1, 200000)
  return wrk.format(nil, nil, { ["User-Agent"] = ua })
end
LUA
run_wrk() {  # run_wrk URL: prints "rps p50_ms p99_ms non2xx"
  wrk -t2 -c"$conns" -d"${duration}s" --latency -s "$work/agents.lua" "$1" | awk '
    /Requests\/sec/ {rps=$2}
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    $1=="50%" {p50=ms($2)} $1=="99%" {p99=ms($2)}
    /Non-2xx/ {bad=$4}
    END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, bad+0 }'
}
# Measure the steady state: each daemon's first index build done (it takes both cores for seconds after
# a start), then a warm-up with the agents' script so the visitors map holds its readers, as on a portal
# that has been up for a while.
for p in "$on_port" "$off_port"; do
  for _ in $(seq 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$p/api/v1/search?q=tin")" = 200 ] && break
    sleep 0.1
  done
  wrk -t2 -c"$conns" -d3s -s "$work/agents.lua" "http://127.0.0.1:$p$path" >/dev/null
done
best_on="0 0 0 0"; best_off="0 0 0 0"
for r in $(seq "$rounds"); do
  # Alternate which goes first, so a drift of the machine hits both alike.
  if [ $((r % 2)) -eq 1 ]; then order="on off"; else order="off on"; fi
  for which in $order; do
    port=$on_port; [ "$which" = off ] && port=$off_port
    res=$(run_wrk "http://127.0.0.1:$port$path")
    echo "round $r visit-stats=$which: $res (req/s p50_ms p99_ms non2xx)"
    if [ "$which" = on ]; then
      [ "${res%% *}" -gt "${best_on%% *}" ] && best_on=$res
    else
      [ "${res%% *}" -gt "${best_off%% *}" ] && best_off=$res
    fi
  done
done
# The counting daemon did count: its figures, once the flusher has written (the setting shows them).
"$bin/daemon/cli/portaldctl" --data-dir "$work/on" settings set show_visit_counter 1 >/dev/null
sleep 3
figures=$(curl -fs "http://127.0.0.1:$on_port/api/v1/visits")
read -r on_rps on_p50 on_p99 on_bad <<<"$best_on"
read -r off_rps off_p50 off_p99 off_bad <<<"$best_off"
echo "article page $path from the page cache, wrk -t2 -c$conns -d${duration}s x $rounds rounds, best round, $(nproc) cores"
printf '%-16s %10s %9s %9s %8s\n' visit-stats req/s p50_ms p99_ms non2xx
printf '%-16s %10s %9s %9s %8s\n' on "$on_rps" "$on_p50" "$on_p99" "$on_bad"
printf '%-16s %10s %9s %9s %8s\n' off "$off_rps" "$off_p50" "$off_p99" "$off_bad"
awk -v a="$on_rps" -v b="$off_rps" 'BEGIN { printf "ratio on/off req/s: %.3f (target >= 0.95)\n", a / b }'
echo "figures of the counting daemon: $figures"
