# Shared by the bench scripts: a free TCP port, waiting for a daemon, and wrk's figures.
# Source it: . bench/common.sh

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

wait_healthy() {  # wait_healthy PORT: up to 10 s for /healthz
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$1/healthz" >/dev/null && return 0; sleep 0.1; done
  echo "bench: nothing answers on port $1" >&2
  return 1
}

wrk_figures() {  # wrk --latency ... | wrk_figures: prints "rps p50_ms p99_ms non2xx"
  awk '
    /Requests\/sec/ {rps=$2}
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    $1=="50%" {p50=ms($2)} $1=="99%" {p99=ms($2)}
    /Non-2xx/ {bad=$4}
    END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, bad+0 }'
}
