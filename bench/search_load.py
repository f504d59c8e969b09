#!/usr/bin/env python3
"""Uncached searches from CONNECTIONS keep-alive connections for SECONDS, timing each answer.

  bench/search_load.py PORT QUERIES.txt CONNECTIONS SECONDS

wrk's latency mixes the refusals of the admission gate (503, answered at once) into its percentiles;
this client keeps them apart and prints one line:
  searches/s answered/s p50_answered_ms p99_answered_ms refused_pct other_non200
Each connection walks the query list from its own offset, so the result cache rarely answers.
"""
import asyncio
import sys
import time

port, queries_file, conns, seconds = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
paths = [line.strip() for line in open(queries_file) if line.strip()]
answered, refused, other = [], 0, 0


async def client(offset, deadline):
    global refused, other
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    i = offset
    while time.monotonic() < deadline:
        path = paths[i % len(paths)]
        i += 1
        t0 = time.monotonic()
        writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        status_line = await reader.readline()
        length = 0
        while (line := await reader.readline()) not in (b"\r\n", b""):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        await reader.readexactly(length)
        elapsed_ms = (time.monotonic() - t0) * 1000
        status = int(status_line.split()[1])
        if status == 200:
            answered.append(elapsed_ms)
        elif status == 503:
            refused += 1
        else:
            other += 1
    writer.close()


async def main():
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(client(k * len(paths) // conns, deadline) for k in range(conns)))


start = time.monotonic()
asyncio.run(main())
took = time.monotonic() - start
answered.sort()
total = len(answered) + refused + other
pct = lambda p: answered[min(len(answered) - 1, int(p * len(answered)))] if answered else 0
print(f"{total / took:.0f} {len(answered) / took:.0f} {pct(0.5):.2f} {pct(0.99):.2f} "
      f"{100 * refused / max(total, 1):.1f} {other}")
