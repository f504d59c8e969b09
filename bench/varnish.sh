#!/usr/bin/env bash
# Benchmark (issue 17): Debian's varnishd with the shipped VCL (packaging/examples/varnish/portald.vcl)
# in front of portald, both on 127.0.0.1, set up as tests/integration/public/test_varnish_origin.cpp
# does. In the same run:
#   1. the home page and one article page with wrk, through Varnish and from portald directly, each
#      coding (gzip as browsers ask, identity), ROUNDS rounds in alternating order, best round of each:
#      req/s, p50, p99 and the ratio Varnish/portald (after checking both answer the same bytes);
#   2. purge on publish while `portaldctl import articles` writes 10,000 new articles into the running
#      daemon's store: purges portald sent (portald_cache_purges_total) and their keys per second, the
#      failures (portald_cache_purge_failures_total, should be 0), how long after the import's end the
#      purger caught up, Varnish's own counters, and the article page's req/s through Varnish while
#      that runs against a quiet run just before.
# portald's purges pass through bench/purge_recorder.py on their way to Varnish, which logs each one
# (arrival, keys, Varnish's answer): Varnish's own log cuts a header at 255 bytes.
#   bench/varnish.sh [DURATION] [CONNECTIONS] [ROUNDS]   (BUILD_DIR=DIR: an existing release build;
#                                                          COUNT=N: articles to import, default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
. bench/common.sh
duration=${1:-10}
conns=${2:-64}
rounds=${3:-3}
count=${COUNT:-10000}
command -v wrk >/dev/null && command -v varnishd >/dev/null && command -v varnishstat >/dev/null &&
  ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1 || {
  apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk varnish varnish-modules >/dev/null
}
if [ -n "${BUILD_DIR:-}" ]; then bin=$BUILD_DIR; else scripts/build release >/dev/null; bin=$root/build/release; fi
ctl="$bin/daemon/cli/portaldctl"
work=$(mktemp -d /tmp/portald-bench.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
now() { date +%s.%N; }
calc() { python3 -c "print($1)"; }

# portald on the demo store with the 2,000-article corpus, purging the Varnish node started next. Pages
# are kept 600 s (cache-s-maxage, as with purging in production): a page can only leave Varnish's cache
# early by a purge, so a MISS after the import proves one.
"$ctl" --data-dir "$work/data" init --demo >/dev/null
"$ctl" --data-dir "$work/data" import articles "$root/../shared/corpus/articles.jsonl" >/dev/null
pport=$(free_port)
vport=$(free_port)
rport=$(free_port)
# portald's purges go through bench/purge_recorder.py (port rport), which passes them on to Varnish and
# logs when each arrived, its keys and Varnish's answer.
"$bin/daemon/portald" --data-dir "$work/data" --listen "127.0.0.1:$pport" --max-connections-per-ip 0 \
  --trusted-proxies 127.0.0.1 --cache-s-maxage 600 --cache-nodes "127.0.0.1:$rport" \
  --log-level warning 2>"$work/portald.log" &
wait_healthy "$pport"

# varnishd in the foreground with its own work dir (-n), no jail, the VCL's backend pointed at portald.
grep -q '\.port = "8080";' packaging/examples/varnish/portald.vcl || { echo "bench: the VCL's backend port moved" >&2; exit 1; }
sed "s/\\.port = \"8080\";/.port = \"$pport\";/" packaging/examples/varnish/portald.vcl >"$work/portald.vcl"
varnishd -F -j none -n "$work/varnish" -a "127.0.0.1:$vport" -T 127.0.0.1:0 -f "$work/portald.vcl" \
  -s malloc,256m >"$work/varnishd.log" 2>&1 &
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$vport/healthz" >/dev/null && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$vport/healthz" >/dev/null || { cat "$work/varnishd.log" >&2; echo "bench: varnishd does not answer" >&2; exit 1; }
python3 bench/purge_recorder.py "$rport" "$vport" "$work/purges.log" &

article=$(curl -fs "http://127.0.0.1:$pport/" | grep -o 'href="/tin-tuc/[^"]*"' | head -1 | cut -d'"' -f2)
[ -n "$article" ] || { echo "bench: no article link on the home page" >&2; exit 1; }
# Same bytes through Varnish as from portald, for each page and coding, and served from Varnish's cache.
for p in / "$article"; do
  for ae in gzip identity; do
    curl -fs -H "Accept-Encoding: $ae" "http://127.0.0.1:$vport$p" >/dev/null   # fetch into the cache
    cmp -s <(curl -fs -H "Accept-Encoding: $ae" "http://127.0.0.1:$vport$p") \
      <(curl -fs -H "Accept-Encoding: $ae" "http://127.0.0.1:$pport$p") ||
      { echo "bench: Varnish serves other bytes for $p ($ae)" >&2; exit 1; }
    xc=$(curl -fsI -H "Accept-Encoding: $ae" "http://127.0.0.1:$vport$p" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache" {print $2}')
    [ "$xc" = HIT ] || { echo "bench: $p ($ae) is not served from Varnish's cache (X-Cache: $xc)" >&2; exit 1; }
  done
done

run_wrk() {  # run_wrk URL CODING [SECONDS]: prints "rps p50_ms p99_ms non2xx"
  wrk -t2 -c"$conns" -d"${3:-$duration}s" --latency -H "Accept-Encoding: $2" "$1" | wrk_figures
}
for p in "$pport" "$vport"; do wrk -t1 -c4 -d1s "http://127.0.0.1:$p$article" >/dev/null; done  # warm both

echo "== 1. through Varnish vs portald alone: wrk -t2 -c$conns -d${duration}s, best of $rounds rounds, $(nproc) cores"
table=$(printf '%-8s %-9s %-8s %10s %9s %9s %7s %14s\n' page coding server req/s p50_ms p99_ms non2xx varnish/portald)
for coding in gzip identity; do
  for name in home article; do
    p=/; [ "$name" = article ] && p=$article
    best_v="0 0 0 0"; best_p="0 0 0 0"
    for r in $(seq "$rounds"); do
      # Alternate which goes first, so a drift of the machine hits both alike.
      if [ $((r % 2)) -eq 1 ]; then order="varnish portald"; else order="portald varnish"; fi
      for which in $order; do
        port=$pport; [ "$which" = varnish ] && port=$vport
        res=$(run_wrk "http://127.0.0.1:$port$p" "$coding")
        echo "round $r $name $coding $which: $res (req/s p50_ms p99_ms non2xx)"
        if [ "$which" = varnish ]; then
          [ "${res%% *}" -gt "${best_v%% *}" ] && best_v=$res
        else
          [ "${res%% *}" -gt "${best_p%% *}" ] && best_p=$res
        fi
      done
    done
    read -r v_rps v_p50 v_p99 v_bad <<<"$best_v"
    read -r p_rps p_p50 p_p99 p_bad <<<"$best_p"
    table+=$'\n'$(printf '%-8s %-9s %-8s %10s %9s %9s %7s %14s' "$name" "$coding" varnish "$v_rps" "$v_p50" "$v_p99" "$v_bad" \
      "$(calc "f'{$v_rps/$p_rps:.2f}x'")")
    table+=$'\n'$(printf '%-8s %-9s %-8s %10s %9s %9s %7s %14s' "$name" "$coding" portald "$p_rps" "$p_p50" "$p_p99" "$p_bad" "")
  done
done

# ---- 2. purge on publish during an import into the running daemon's store ----
metric() { curl -fs "http://127.0.0.1:$pport/metrics" | awk -v m="$1" '$1==m {print $2}'; }
vstat() { varnishstat -n "$work/varnish" -1 -f "$1" | awk '{print $2}'; }
# New ids (offset past the corpus's 1..2000), so all 10,000 are created, not updated.
python3 "$root/../shared/corpus/gen_corpus.py" --count "$count" --seed 20261204 | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line); a["id"] = 1000000 + a["id"]; print(json.dumps(a, ensure_ascii=False))' >"$work/import.jsonl"
home_keys=$(curl -fsI "http://127.0.0.1:$pport/" | tr -d '\r' | awk -F': ' 'tolower($1)=="xkey" {print $2}')
article_keys=$(curl -fsI "http://127.0.0.1:$pport$article" | tr -d '\r' | awk -F': ' 'tolower($1)=="xkey" {print $2}')
curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:$vport/" >/dev/null   # the home page is in the cache

echo "== 2. import of $count articles into the running daemon, article page through Varnish meanwhile"
quiet=$(run_wrk "http://127.0.0.1:$vport$article" gzip)
purges0=$(metric portald_cache_purges_total)
fails0=$(metric portald_cache_purge_failures_total)
npurges0=$(vstat MAIN.n_purges)
nobj0=$(vstat MAIN.n_obj_purged)
# wrk for as long as the import and its purges last (a long -d, stopped with SIGINT: wrk then prints).
wrk -t2 -c"$conns" -d600s --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:$vport$article" >"$work/busy.wrk" &
busy_pid=$!
sleep 0.5
t0=$(now)
"$ctl" --data-dir "$work/data" import articles "$work/import.jsonl" >"$work/import.out"
t1=$(now)
# Caught up: the purge counters have not moved for 7 s (the purger reads the change log every 0.2 s;
# a failing node is retried after 0.25, 1 and 5 s).
last_p=$purges0; last_f=$fails0; t_last=$t1; quiet_since=$t1
while [ "$(calc "$(now) - $quiet_since >= 7")" = False ]; do
  p=$(metric portald_cache_purges_total); f=$(metric portald_cache_purge_failures_total)
  if [ "$p" != "$last_p" ] || [ "$f" != "$last_f" ]; then last_p=$p; last_f=$f; t_last=$(now); quiet_since=$t_last; fi
  sleep 0.1
done
kill -INT "$busy_pid"; wait "$busy_pid" || true
busy=$(wrk_figures <"$work/busy.wrk")
purges=$((last_p - purges0))
fails=$((last_f - fails0))
npurges=$(($(vstat MAIN.n_purges) - npurges0))
nobj=$(($(vstat MAIN.n_obj_purged) - nobj0))
import_s=$(calc "round($t1 - $t0, 2)")
# From the recorder's log ("ARRIVED KEYS BYTES STATUS Invalidated N objects"): the purges of this import.
awk -v t0="$t0" '$1 >= t0' "$work/purges.log" >"$work/import_purges.log"
accepted=$(awk '$4==200' "$work/import_purges.log" | wc -l)
keys=$(awk '{n += $2} END {print n+0}' "$work/import_purges.log")
invalidated=$(awk '$4==200 {n += $6} END {print n+0}' "$work/import_purges.log")
max_keys=$(awk '$2 > m {m = $2} END {print m+0}' "$work/import_purges.log")
max_bytes=$(awk '$3 > m {m = $3} END {print m+0}' "$work/import_purges.log")
# The last purge's arrival after portaldctl exited (negative: before, its last commit was already purged).
t_purge=$(awk -v t="$t1" 'NR == 1 || $1 > m {m = $1} END {print (NR ? m : t)}' "$work/import_purges.log")
catchup_s=$(calc "round($t_purge - $t1, 2)")
span_s=$(calc "round(max($t_purge, $t1) - $t0, 2)")
# Why the purger cuts its keys (purge::split_keys, 4,000 bytes a PURGE): 1000 article keys in one header,
# sent by hand, as Varnish takes it with its default http_req_hdr_len.
big_status=$(python3 -c '
import socket, sys
keys = " ".join(f"article-{i}" for i in range(10001, 11001)) + " articles"
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(f"PURGE / HTTP/1.1\r\nHost: bench\r\nxkey: {keys}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode())
r = s.recv(4096).split(b"\r\n", 1)[0].decode("latin-1")
print(f"{len(keys)} bytes: {r or \"connection closed without an answer\"}")' "$vport" 2>/dev/null) ||
  big_status="the connection was reset without an answer"
home_after=$(curl -fsI -H 'Accept-Encoding: gzip' "http://127.0.0.1:$vport/" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache" {print $2}')
read -r q_rps q_p50 q_p99 q_bad <<<"$quiet"
read -r b_rps b_p50 b_p99 b_bad <<<"$busy"

echo
echo "Varnish $(varnishd -V 2>&1 | head -1 | grep -o 'varnish-[0-9.]*') in front of portald on 127.0.0.1, $(nproc) cores; pages: / $article"
echo "$table"
echo
echo "import: $(cat "$work/import.out")"
printf '%-44s %s\n' "import duration" "${import_s} s" \
  "purges sent (portald_cache_purges_total)" "$purges ($(calc "round($purges / $span_s, 2)")/s over ${span_s} s)" \
  "purge failures (..._purge_failures_total)" "$fails" \
  "PURGEs Varnish answered 200" "$accepted" \
  "keys in those PURGEs" "$keys ($(calc "round($keys / $span_s)")/s), at most $max_keys keys ($max_bytes bytes) in one" \
  "objects invalidated (xkey's answers)" "$invalidated" \
  "varnishstat MAIN.n_purges / n_obj_purged" "$npurges / $nobj (xkey's purges do not count there)" \
  "last purge after the import's end" "${catchup_s} s (then the purger had caught up)" \
  "1000 keys in one PURGE (by hand)" "$big_status" \
  "home page through Varnish right after" "X-Cache: ${home_after:-?} (a MISS: it was purged)"
printf '%-26s %10s %9s %9s %7s\n' "article via Varnish" req/s p50_ms p99_ms non2xx
printf '%-26s %10s %9s %9s %7s\n' "quiet (${duration} s)" "$q_rps" "$q_p50" "$q_p99" "$q_bad"
printf '%-26s %10s %9s %9s %7s\n' "during import+purges" "$b_rps" "$b_p50" "$b_p99" "$b_bad"
echo "ratio during/quiet req/s: $(calc "f'{$b_rps/$q_rps:.2f}'")"
echo "keys: home page '$home_keys'; article page '$article_keys'"
if [ "$fails" -gt 0 ]; then
  echo "purge failures logged by portald (first 3):"
  grep 'cache.purge_failed' "$work/portald.log" | head -3 | cut -c1-300
fi
