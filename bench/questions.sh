#!/usr/bin/env bash
# Benchmark: do citizens' questions slow the public pages (issue 12)? One portald on the demo data plus
# the corpus; wrk reads an article page while nothing else happens, and again while
# bench/question_load.py sends RATE questions a second through the public form (and lists /hoi-dap once
# per 10), in alternating rounds of the same run. Prints req/s, p50, p99 of both, the ratio
# loaded/quiet (best rounds, and the sums of all rounds), and what the question load got back (every post
# must be a 303: stored).
#   bench/questions.sh [DURATION] [CONNECTIONS] [ROUNDS] [RATE]   (BUILD_DIR=DIR: an existing release build)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
duration=${1:-10}
conns=${2:-64}
rounds=${3:-3}
rate=${4:-100}
. bench/common.sh
command -v wrk >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
}
if [ -n "${BUILD_DIR:-}" ]; then bin=$BUILD_DIR; else scripts/build release >/dev/null; bin=$root/build/release; fi
work=$(mktemp -d /tmp/portald-bench.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

ctl() { "$bin/daemon/cli/portaldctl" --data-dir "$work/data" --personal-data-key "$work/keys/pd.key" "$@"; }
ctl init --demo >/dev/null
ctl import articles "$root/../shared/corpus/articles.jsonl" >/dev/null
ctl secrets keygen >/dev/null
port=$(free_port)
"$bin/daemon/portald" --data-dir "$work/data" --personal-data-key "$work/keys/pd.key" --listen "127.0.0.1:$port" \
  --max-connections-per-ip 0 --question-min-fill-time 0 --question-limit-per-address 10000 \
  --question-limit-global 100000 --log-level warning >/dev/null 2>>"$work/portald.log" &
wait_healthy "$port"
path=$(curl -fs "http://127.0.0.1:$port/" | grep -o 'href="/tin-tuc/[^"]*"' | head -1 | cut -d'"' -f2)
[ -n "$path" ] || { echo "bench: no article link on the home page" >&2; exit 1; }
url="http://127.0.0.1:$port$path"
wrk -t1 -c4 -d1s "$url" >/dev/null  # warm the page cache

best_quiet="0 0 0 0"; best_loaded="0 0 0 0"; load_report=""; sum_quiet=0; sum_loaded=0
for r in $(seq "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then order="quiet loaded"; else order="loaded quiet"; fi
  for which in $order; do
    if [ "$which" = loaded ]; then
      python3 bench/question_load.py "$port" "$rate" "$((duration + 1))" >"$work/load.txt" &
      load=$!
      sleep 0.5
    fi
    res=$(wrk -t2 -c"$conns" -d"${duration}s" --latency "$url" | wrk_figures)
    if [ "$which" = loaded ]; then
      wait "$load"
      load_report=$(cat "$work/load.txt")
      echo "round $r $which: $res (req/s p50_ms p99_ms non2xx); question load: $load_report"
      [ "${res%% *}" -gt "${best_loaded%% *}" ] && best_loaded=$res
      sum_loaded=$((sum_loaded + ${res%% *}))
    else
      echo "round $r $which: $res (req/s p50_ms p99_ms non2xx)"
      [ "${res%% *}" -gt "${best_quiet%% *}" ] && best_quiet=$res
      sum_quiet=$((sum_quiet + ${res%% *}))
    fi
  done
done
read -r q_rps q_p50 q_p99 q_bad <<<"$best_quiet"
read -r l_rps l_p50 l_p99 l_bad <<<"$best_loaded"
echo "article page $path, wrk -t2 -c$conns -d${duration}s x $rounds rounds, best round; $rate questions/s; $(nproc) cores"
printf '%-22s %10s %9s %9s %8s\n' "" req/s p50_ms p99_ms non2xx
printf '%-22s %10s %9s %9s %8s\n' quiet "$q_rps" "$q_p50" "$q_p99" "$q_bad"
printf '%-22s %10s %9s %9s %8s\n' "$rate questions/s" "$l_rps" "$l_p50" "$l_p99" "$l_bad"
awk -v a="$l_rps" -v b="$q_rps" -v sa="$sum_loaded" -v sb="$sum_quiet" \
  'BEGIN { printf "ratio loaded/quiet req/s: best rounds %.3f, all rounds %.3f\n", a / b, sa / sb }'
