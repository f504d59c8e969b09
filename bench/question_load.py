#!/usr/bin/env python3
"""Citizens sending questions at a steady rate, and readers listing them, against one portald.

  bench/question_load.py PORT RATE SECONDS

Posts the public question form (as a browser does, with its form token) RATE times a second, and
fetches /hoi-dap once for every 10 posts, for SECONDS; prints what was sent and how it was answered.
The daemon must run with --question-min-fill-time 0 and limits above RATE (see bench/questions.sh).
"""
import http.client
import re
import sys
import threading
import time
import urllib.parse

port, rate, seconds = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
lock = threading.Lock()
counts = {}


def count(key):
    with lock:
        counts[key] = counts.get(key, 0) + 1


def token():
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request("GET", "/hoi-dap/gui-cau-hoi")
    page = c.getresponse().read().decode()
    return re.search(r'name="t" value="([^"]+)"', page).group(1)


def worker(offset, step, start, form_token):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    n = offset
    while True:
        due = start + n / rate
        if due - start >= seconds:
            return
        time.sleep(max(0.0, due - time.time()))
        body = urllib.parse.urlencode({
            "t": form_token, "ten": "Nguyễn Văn Thử", "email": f"nguoi.hoi.{n}@example.vn", "dien-thoai": "",
            "linh-vuc": "Y tế", "co-quan": "", "tieu-de": f"Câu hỏi thử tải số {n}",
            "noi-dung": "Tôi muốn hỏi về thủ tục cấp giấy phép hành nghề khám bệnh, chữa bệnh.",
            "cong-khai": "1", "dong-y": "1", "website": ""})
        try:
            c.request("POST", "/hoi-dap/gui-cau-hoi", body, {"Content-Type": "application/x-www-form-urlencoded"})
            r = c.getresponse()
            r.read()
            count(f"post {r.status}")
            if n % 10 == 0:
                c.request("GET", "/hoi-dap")
                r = c.getresponse()
                r.read()
                count(f"list {r.status}")
        except OSError:
            count("error")
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        n += step


form_token = token()
threads = 8
start = time.time()
workers = [threading.Thread(target=worker, args=(i, threads, start, form_token)) for i in range(threads)]
for w in workers:
    w.start()
for w in workers:
    w.join()
elapsed = time.time() - start
print(" ".join(f"{k}: {v}" for k, v in sorted(counts.items())), f"in {elapsed:.1f} s")
