#!/usr/bin/env bash
# Benchmark: portald's search against peers measured in the same run on the same machine.
#   1. Full reindex (portaldctl reindex, the daemon's rebuild code) of COUNT generated articles, as
#      articles/s and peak memory, with one shard and with one per core (search-shards), against plain
#      Xapian indexing the same articles without folding (bench/search/search_reference index) on one
#      thread, and in one process per core each writing its share into its own database: how far Xapian
#      writes scale on this machine, the ceiling for shards.
#   2. Uncached search over HTTP: wrk with CONNECTIONS connections on /api/v1/search, cycling through
#      more distinct queries (one-word, multi-word, phrase, filtered) than the result cache holds,
#      against the same queries run directly with Xapian on the same index (search_reference query,
#      one thread per core: Xapian's own limit).
#   3. Popular queries: a handful repeated, so the result cache answers.
#   4. Quoted phrases with and without phrase pairs (search-phrase-pairs): the reindex rate and index
#      size each way, and the phrase queries alone, at one connection per core.
#   2b. The same uncached load timed per answer by bench/search/search_load, refusals apart: with
#      portald's search-queue-wait, then with a short one (--short-wait) for clients that ask again at
#      once and for clients that wait the Retry-After they were given.
# Usage: bench/search.sh [--count N] [--duration SECONDS] [--connections N] [--queue-wait MS] [--short-wait MS]
#        (default 100000, 10, 64, portald's default search-queue-wait, 30)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
count=100000 duration=10 conns=64 queue_wait=() short_wait=30
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) conns=$2; shift 2 ;;
    --queue-wait) queue_wait=(--search-queue-wait "$2"); shift 2 ;;
    --short-wait) short_wait=$2; shift 2 ;;
    *) echo "usage: bench/search.sh [--count N] [--duration SECONDS] [--connections N] [--queue-wait MS] [--short-wait MS]" >&2
       exit 2 ;;
  esac
done
command -v wrk >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
}
[ -x /usr/bin/time ] || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >/dev/null
}
scripts/build release >/dev/null
bin=$root/build/release
cmake --build "$bin" --target search_reference search_load >/dev/null
ref=$bin/bench/search/search_reference
load=$bin/bench/search/search_load
ctl=$bin/daemon/cli/portaldctl
work=$(mktemp -d /tmp/portald-search-bench.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
ratio() { python3 -c "a,b=$1,$2; print(f'{a/b:.2f}x' if b else 'n/a')"; }
# peak_anon PID: the largest RssAnon (KiB) seen while PID runs. Peak RSS alone would count the LMDB
# map's file pages that portald reads (the whole store during a reindex), which the reference does not
# map at all.
peak_anon() {
  local pid=$1 max=0 v
  while kill -0 "$pid" 2>/dev/null; do
    v=$(awk '/^RssAnon:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${v:-0}" -gt "$max" ] && max=$v
    sleep 0.2
  done
  echo "$max"
}

echo "search benchmark: $count articles, $(nproc) cores, wrk -c$conns -d${duration}s on 127.0.0.1"
python3 ../shared/corpus/gen_corpus.py --count "$count" --out "$work/corpus.jsonl"
"$ctl" --data-dir "$work/data" init >/dev/null
"$ctl" --data-dir "$work/data" import articles "$work/corpus.jsonl" >/dev/null

python3 bench/search_queries.py "$work/corpus.jsonl" "$work"

# 1. Full reindex against plain Xapian. One shard first, with Xapian's direct search speed on it (section
# 2 prints it beside the sharded index's); then the default, one shard per core, which stays live.
"$ctl" --data-dir "$work/data" --search-shards 1 reindex >"$work/reindex-1.out"
one_rate=$(sed -n 's/.*(\([0-9]*\) items\/s.*/\1/p' "$work/reindex-1.out")
one_secs=$(sed -n 's/.* in \([0-9.]*\) s (.*/\1/p' "$work/reindex-1.out")
one_ref=$("$ref" query "$work/data/search" "$work/queries.txt" "$duration" "$(nproc)") \
  || { echo "bench: search_reference query failed (exit $?): $one_ref" >&2; exit 1; }
read -r _ _ _ one_q_rps _ one_q_p50 _ one_q_p99 <<<"$one_ref"
/usr/bin/time -f '%M' -o "$work/reindex.kib" "$ctl" --data-dir "$work/data" reindex >"$work/reindex.out" &
for _ in $(seq 50); do ctl_pid=$(pgrep -P $! -x portaldctl) && break; sleep 0.02; done
p_anon=$(peak_anon "${ctl_pid:-$!}")
wait $!
p_rate=$(sed -n 's/.*(\([0-9]*\) items\/s.*/\1/p' "$work/reindex.out")
p_secs=$(sed -n 's/.* in \([0-9.]*\) s (.*/\1/p' "$work/reindex.out")
p_kib=$(cat "$work/reindex.kib")
"$ref" index "$work/corpus.jsonl" "$work/xapian-plain" >"$work/plain.out" &
x_anon=$(peak_anon $!)
wait $!
read -r _ _ _ x_secs _ x_rate _ x_kib <"$work/plain.out"
rm -rf "$work/xapian-plain"
split -n "l/$(nproc)" -d "$work/corpus.jsonl" "$work/part."
start=$(date +%s.%N)
for part in "$work"/part.*; do "$ref" index "$part" "$part.db" >/dev/null & done
wait
xn_secs=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")
xn_rate=$(python3 -c "print(round($count / $xn_secs))")
rm -rf "$work"/part.*
shards=$(nproc)
echo
echo "1. full reindex of $count articles"
printf '%-34s %10s %10s %14s %14s\n' "" articles/s seconds peak_RSS_MiB peak_anon_MiB
printf '%-34s %10s %10s %14s %14s\n' "portald, 1 shard" "$one_rate" "$one_secs" "-" "-"
printf '%-34s %10s %10s %14s %14s\n' "portald, $shards shards (default)" "$p_rate" "$p_secs" "$((p_kib / 1024))" "$((p_anon / 1024))"
printf '%-34s %10s %10s %14s %14s\n' "Xapian alone, 1 thread" "$x_rate" "$x_secs" "$((x_kib / 1024))" "$((x_anon / 1024))"
printf '%-34s %10s %10s %14s %14s\n' "Xapian alone, $shards processes" "$xn_rate" "$xn_secs" "-" "-"
echo "ratio $shards shards/1 shard: portald $(ratio "$p_rate" "$one_rate"); Xapian alone $(ratio "$xn_rate" "$x_rate")"\
  "(each process its share of the corpus: how far Xapian's writes scale on this machine)"
echo "ratio portald/Xapian: $(ratio "$p_rate" "$xn_rate") articles/s at $shards writers, $(ratio "$one_rate" "$x_rate") at one;"\
  "$(ratio "$p_anon" "$x_anon") peak anonymous memory"
echo "(portald's peak RSS also counts the LMDB map pages it reads: the whole store, $(($(stat -c %s "$work/data/store/data.mdb") / 1048576)) MiB on disk)"

cat >"$work/cycle.lua" <<'LUA'
-- Each wrk thread walks the list from its own part (Lua's random seed is the same in every thread:
-- random offsets would make both threads ask the same queries, and the second would hit the cache).
local paths, i, threads = {}, 0, 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = ((id or 0) * math.floor(#paths / 2)) % #paths
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA

pport=$(free_port)
start_portald() {  # extra options...
  "$bin/daemon/portald" --data-dir "$work/data" --listen "127.0.0.1:$pport" --max-connections-per-ip 0 \
    --log-level warning "$@" 2>>"$work/portald.log" &
  portald_pid=$!
  for _ in $(seq 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$pport/api/v1/search?q=x")" = 200 ] && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$pport/api/v1/search?q=x" >/dev/null || { echo "bench: search never became ready" >&2; exit 1; }
}
start_portald "${queue_wait[@]}"

run_wrk() {  # list file -> "rps p50_ms p99_ms non2xx refused_pct"
  wrk -t2 -c"$conns" -d"${duration}s" --latency -s "$work/cycle.lua" "http://127.0.0.1:$pport" -- "$1" | awk '
    /Requests\/sec/ {rps=$2}
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    $1=="50%" {p50=ms($2)} $1=="99%" {p99=ms($2)}
    /requests in/ {n=$1}
    /Non-2xx/ {bad=$NF}  # "Non-2xx or 3xx responses: N"
    END { printf "%.0f %.2f %.2f %s %.1f\n", rps, p50, p99, bad+0, n ? 100 * bad / n : 0 }'
}

# 2. Uncached: 10,000 distinct queries a run cycle through a 4,096-entry cache, so nearly every one misses.
# The first third goes to the 64-connection run, the second to a run with one connection per core (the
# latency of a search with no queue in front of it: at 64 connections most of p50 is waiting in line),
# the third to the client that times answers and refusals apart.
head -n 10000 "$work/queries.txt" >"$work/queries-a.txt"
sed -n 10001,20000p "$work/queries.txt" >"$work/queries-b.txt"
tail -n +20001 "$work/queries.txt" >"$work/queries-c.txt"
read -r h_rps h_p50 h_p99 h_bad h_ref <<<"$(run_wrk "$work/queries-a.txt")"
saved_conns=$conns conns=$(nproc)
read -r l_rps l_p50 l_p99 l_bad l_ref <<<"$(run_wrk "$work/queries-b.txt")"
conns=$saved_conns
ref_out=$("$ref" query "$work/data/search" "$work/queries.txt" "$duration" "$(nproc)") \
  || { echo "bench: search_reference query failed (exit $?): $ref_out" >&2; exit 1; }
read -r _ _ _ r_rps _ r_p50 _ r_p99 <<<"$ref_out"
echo
echo "2. uncached search, a mix of one-word, multi-word, phrase and filtered queries"
printf '%-32s %10s %9s %9s %8s %10s\n' "" searches/s p50_ms p99_ms non2xx refused_%
printf '%-32s %10s %9s %9s %8s %10s\n' "portald over HTTP (wrk)" "$h_rps" "$h_p50" "$h_p99" "$h_bad" "$h_ref"
printf '%-32s %10s %9s %9s %8s %10s\n' "portald, $(nproc) connections" "$l_rps" "$l_p50" "$l_p99" "$l_bad" "$l_ref"
printf '%-32s %10s %9s %9s %8s %10s\n' "Xapian direct, $(nproc) threads" "$r_rps" "$r_p50" "$r_p99" "-" "-"
printf '%-32s %10s %9s %9s %8s %10s\n' "the same on the 1-shard index" "$one_q_rps" "$one_q_p50" "$one_q_p99" "-" "-"
echo "ratio portald/Xapian: $(ratio "$h_rps" "$r_rps") searches/s (target >= 0.7x), p99 ${h_p99} ms (target < 50 ms)"
echo "refused (503 + Retry-After: 1 from the admission gate, search-concurrency / search-queue-wait): ${h_ref}% of"\
  "searches at $conns connections; wrk's p99 counts the refusals too, which answer at once"
# The same load timed per answer (bench/search/search_load), refusals apart: the issue's p99 target is
# for the searches that were answered. Three runs on the last third of the queries, each from its own
# place in it (the result cache keeps none of the previous run's): portald's search-queue-wait, clients
# that ask again at once when refused; then a short wait (--short-wait), the same clients; then the
# short wait with clients that wait the Retry-After they were given, as a reader's browser would.
timed_load() {  # queries-file [retry-after] -> "asked/s answered/s p50 p99 refused_pct other"
  "$load" "$pport" "$1" "$conns" "$duration" "${2:-}"
}
third=$(($(wc -l <"$work/queries-c.txt") / 3))
for k in 1 2 3; do
  { tail -n +$(((k - 1) * third + 1)) "$work/queries-c.txt"; head -n $(((k - 1) * third)) "$work/queries-c.txt"; } \
    >"$work/queries-c$k.txt"
done
read -r d_asked d_ok d_p50 d_p99 d_ref d_other <<<"$(timed_load "$work/queries-c1.txt")"
kill "$portald_pid"; wait "$portald_pid" 2>/dev/null || true
start_portald --search-queue-wait "$short_wait"
read -r s_asked s_ok s_p50 s_p99 s_ref s_other <<<"$(timed_load "$work/queries-c2.txt")"
read -r r_asked r_ok r_p50 r_p99 r_ref r_other <<<"$(timed_load "$work/queries-c3.txt" retry-after)"
kill "$portald_pid"; wait "$portald_pid" 2>/dev/null || true
start_portald "${queue_wait[@]}"
default_wait=$("$bin/daemon/portald" --help 2>&1 | python3 -c \
  'import re,sys; m=re.search(r"--search-queue-wait=N.*?default (\d+)", sys.stdin.read(), re.S); print(m[1] if m else "")')
echo
echo "2b. uncached search at $conns connections, each answer timed (bench/search/search_load); target: p99 < 50 ms"
printf '%-44s %8s %10s %8s %8s %10s %6s\n' "search-queue-wait, clients" asked/s answered/s p50_ms p99_ms refused_% other
printf '%-44s %8s %10s %8s %8s %10s %6s\n' "${queue_wait[1]:-${default_wait:-default}} ms, ask again at once" \
  "$d_asked" "$d_ok" "$d_p50" "$d_p99" "$d_ref" "$d_other"
printf '%-44s %8s %10s %8s %8s %10s %6s\n' "$short_wait ms, ask again at once" \
  "$s_asked" "$s_ok" "$s_p50" "$s_p99" "$s_ref" "$s_other"
printf '%-44s %8s %10s %8s %8s %10s %6s\n' "$short_wait ms, wait Retry-After when refused" \
  "$r_asked" "$r_ok" "$r_p50" "$r_p99" "$r_ref" "$r_other"
echo "(at $conns connections a request waits for about $conns / searches/s = $(python3 -c "print(round($conns*1000/max($h_rps,1)))") ms"\
  "on average if none is refused)"

# 3. Popular queries: the result cache answers (warm it first).
wrk -t1 -c4 -d1s -s "$work/cycle.lua" "http://127.0.0.1:$pport" -- "$work/popular.txt" >/dev/null
read -r c_rps c_p50 c_p99 c_bad c_ref <<<"$(run_wrk "$work/popular.txt")"
echo
echo "3. 10 popular queries repeated (result cache)"
printf '%-32s %10s %9s %9s %8s %10s\n' "portald over HTTP (wrk)" "$c_rps" "$c_p50" "$c_p99" "$c_bad" "$c_ref"
echo "ratio cached/uncached: $(ratio "$c_rps" "$h_rps"); cached/Xapian direct: $(ratio "$c_rps" "$r_rps") (target >= 5000 searches/s)"

# 4. Phrases: the quoted queries of the mix (two title words, with or without diacritics) with the
# index built both ways. One connection per core: the cost of the search, not the queue.
grep '%22' "$work/queries.txt" >"$work/phrases.txt"
live_dir() { sed -n 's/^auto //p' "$work/data/search/XAPIANDB"; }
on_mib=$(du -sm "$work/data/search/$(live_dir)" | cut -f1)
saved_conns=$conns conns=$(nproc)
read -r on_rps on_p50 on_p99 _ _ <<<"$(run_wrk "$work/phrases.txt")"
kill "$portald_pid"; wait "$portald_pid" 2>/dev/null || true
"$ctl" --data-dir "$work/data" --search-phrase-pairs off reindex >"$work/reindex-off.out"
off_rate=$(sed -n 's/.*(\([0-9]*\) items\/s.*/\1/p' "$work/reindex-off.out")
off_mib=$(du -sm "$work/data/search/$(live_dir)" | cut -f1)
start_portald --search-phrase-pairs off "${queue_wait[@]}"
read -r off_rps off_p50 off_p99 _ _ <<<"$(run_wrk "$work/phrases.txt")"
conns=$saved_conns
echo
echo "4. $(wc -l <"$work/phrases.txt") quoted two-word phrases, $(nproc) connections; reindex and index size each way"
printf '%-28s %12s %10s %10s %10s %10s\n' "search-phrase-pairs" reindex_items/s index_MiB phrases/s p50_ms p99_ms
printf '%-28s %12s %10s %10s %10s %10s\n' "on (default)" "$p_rate" "$on_mib" "$on_rps" "$on_p50" "$on_p99"
printf '%-28s %12s %10s %10s %10s %10s\n' "off" "$off_rate" "$off_mib" "$off_rps" "$off_p50" "$off_p99"
echo "ratio on/off: $(ratio "$on_rps" "$off_rps") phrases/s, p99 $(ratio "$on_p99" "$off_p99"),"\
  "reindex $(ratio "$p_rate" "$off_rate"), index size $(ratio "$on_mib" "$off_mib")"
