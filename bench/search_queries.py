#!/usr/bin/env python3
"""The query mix of bench/search.sh: words from the corpus titles, typed with and without diacritics.

Writes OUT_DIR/queries.txt (30,000 distinct /api/v1/search targets: one-word, two- and three-word,
quoted phrases, and filtered by category, date range and newest-first) and OUT_DIR/popular.txt (the
first 10 of them). Deterministic for a given corpus.

Usage: bench/search_queries.py CORPUS.jsonl OUT_DIR
"""
import json, random, sys, unicodedata, urllib.parse
corpus, work = sys.argv[1], sys.argv[2]
rng = random.Random(20240601)
def fold(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
titles, cats, words = [], set(), set()
with open(corpus) as f:
    for i, line in enumerate(f):
        if i % 7: continue
        a = json.loads(line)
        t = [w.strip(",.:;“”\"()") for w in a["title"].split()]
        t = [w for w in t if len(w) > 1 and not any(c.isdigit() for c in w)]
        if len(t) >= 3: titles.append(t)
        cats.add(a["category"])
        words.update(t)
words, cats = sorted(words), sorted(cats)
def slug(s): return "-".join("".join(c if c.isalnum() else " " for c in fold(s)).split())
def maybe_fold(ws): return [fold(w) if rng.random() < 0.5 else w.lower() for w in ws]
queries = set()
while len(queries) < 30000:
    kind = rng.randrange(4)
    t = rng.choice(titles)
    i = rng.randrange(len(t) - 1)
    if kind == 0: q = {"q": " ".join(maybe_fold([rng.choice(words)]))}
    elif kind == 1: q = {"q": " ".join(maybe_fold(t[i:i + rng.choice([2, 3])]))}
    elif kind == 2: q = {"q": '"' + " ".join(maybe_fold(t[i:i + 2])) + '"'}
    else:
        q = {"q": " ".join(maybe_fold(t[i:i + 2])), "category": slug(rng.choice(cats))}
        if rng.random() < 0.5: q.update({"from": "2023-01-01", "to": "2024-12-31", "sort": "newest"})
    queries.add("/api/v1/search?" + urllib.parse.urlencode(q))
queries = sorted(queries)
rng.shuffle(queries)
open(work + "/queries.txt", "w").write("\n".join(queries) + "\n")
open(work + "/popular.txt", "w").write("\n".join(queries[:10]) + "\n")
