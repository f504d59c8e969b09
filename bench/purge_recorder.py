#!/usr/bin/env python3
"""Sits between portald and a Varnish node for bench/varnish.sh: passes each PURGE on unchanged and
writes one line per purge, "ARRIVED_EPOCH KEYS BYTES STATUS REASON", with the number of keys in its xkey
header and its size (Varnish's own log cuts headers at vsl_reclen, 255 bytes, so it cannot count them).
portald sends one request per connection (Connection: close).
  purge_recorder.py LISTEN_PORT VARNISH_PORT LOG_FILE      (prints nothing; stop it with SIGTERM)
"""
import socket
import sys
import threading
import time


def handle(conn, varnish_port, log, lock):
    with conn:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return
            data += chunk
        arrived = time.time()
        head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
        xkey = ""
        for line in head.split("\r\n")[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "xkey":
                xkey = value.strip()
        reply = b""
        with socket.create_connection(("127.0.0.1", varnish_port)) as up:
            up.sendall(data)
            while True:
                chunk = up.recv(65536)
                if not chunk:
                    break
                reply += chunk
        conn.sendall(reply)
        # "HTTP/1.1 200 Invalidated 3 objects": xkey's answer says how many objects went.
        status_line = reply.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
        status = status_line[1] if len(status_line) > 1 else "none"
        reason = status_line[2] if len(status_line) > 2 else ""
        with lock:
            log.write(f"{arrived:.3f} {len(xkey.split())} {len(xkey)} {status} {reason}\n")
            log.flush()


def main():
    listen_port, varnish_port, log_path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    server = socket.create_server(("127.0.0.1", listen_port))
    lock = threading.Lock()
    with open(log_path, "a") as log:
        while True:
            conn, _ = server.accept()
            threading.Thread(target=handle, args=(conn, varnish_port, log, lock), daemon=True).start()


if __name__ == "__main__":
    main()
