#!/usr/bin/env python3
"""MinHash-LSH baselines on a wiretrace generated corpus (JSON lines from `reuse-bench --write`).

For each article: lowercase word tokens (regex \\w+), word k-gram shingles (k = 3 by default),
a 128-permutation MinHash, insertion into an LSH index with threshold 0.5, then one query per
article; every returned key is a candidate pair. Timed: shingling, MinHash, insertion and queries
(loading the JSON is not). Prints docs/s, MB/s, peak memory (ru_maxrss) and the recall of the true
(derived, parent) pairs among the candidate pairs, in the same format as `reuse-bench`.

Usage: compare.py CORPUS.jsonl --engine rensa|datasketch [--limit N] [--shingle K]
       [--threshold 0.5] [--perms 128] [--repeat N] [--gold CORPUS.gold.jsonl]
"""

import argparse
import json
import re
import resource
import sys
import time

WORD = re.compile(r"\w+")


def shingles(text, k):
    words = WORD.findall(text.lower())
    if len(words) < k:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + k]) for i in range(len(words) - k + 1)]


def run_rensa(docs, k, perms, threshold):
    from rensa import RMinHash, RMinHashLSH

    lsh = RMinHashLSH(threshold=threshold, num_perm=perms, num_bands=16)
    sigs = []
    for i, d in enumerate(docs):
        m = RMinHash(num_perm=perms, seed=42)
        m.update(shingles(d["text"], k))
        lsh.insert(i, m)
        sigs.append(m)
    pairs = set()
    for i, m in enumerate(sigs):
        for j in lsh.query(m):
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return pairs


def run_datasketch(docs, k, perms, threshold):
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=perms)
    sigs = []
    for i, d in enumerate(docs):
        m = MinHash(num_perm=perms, seed=42)
        m.update_batch([s.encode("utf-8") for s in shingles(d["text"], k)])
        lsh.insert(i, m)
        sigs.append(m)
    pairs = set()
    for i, m in enumerate(sigs):
        for j in lsh.query(m):
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return pairs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--engine", choices=["rensa", "datasketch"], required=True)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles (0 = all)")
    ap.add_argument("--shingle", type=int, default=3, help="words per shingle")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--perms", type=int, default=128)
    ap.add_argument("--repeat", type=int, default=1, help="report the best of N runs (the machine may be shared)")
    ap.add_argument("--gold", help="parents from this sidecar (make_scale_corpus.py's FILE.gold.jsonl) instead of "
                    "the corpus's own `parent` fields")
    args = ap.parse_args()

    docs = []
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs.append(json.loads(line))
                if args.limit and len(docs) >= args.limit:
                    break
    index = {d["id"]: i for i, d in enumerate(docs)}
    if args.gold:
        with open(args.gold, encoding="utf-8") as f:
            parents = {g["id"]: g["parent"] for g in map(json.loads, filter(str.strip, f))}
        for d in docs:
            d["parent"] = parents.get(d["id"])
    truth = set()
    for i, d in enumerate(docs):
        p = d.get("parent")
        if p is not None and p in index:
            j = index[p]
            truth.add((min(i, j), max(i, j)))
    mb = sum(len(d["text"].encode("utf-8")) for d in docs) / 1e6

    run = run_rensa if args.engine == "rensa" else run_datasketch
    best = None
    for _ in range(max(1, args.repeat)):
        t = time.perf_counter()
        c = time.process_time()
        pairs = run(docs, args.shingle, args.perms, args.threshold)
        secs = time.perf_counter() - t
        cpu = time.process_time() - c
        if best is None or secs < best[0]:
            best = (secs, cpu)
    secs, cpu = best
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    found = len(truth & pairs)
    print(
        f"{args.engine} MinHash {args.perms} perms + LSH threshold {args.threshold} (word {args.shingle}-gram shingles, "
        f"{len(docs)} articles): {secs:.2f} s ({cpu:.2f} s CPU, {len(docs) / max(cpu, 1e-9):.0f} docs per CPU-second), {len(docs) / secs:.0f} docs/s, {mb / secs:.1f} MB/s, "
        f"peak memory {peak:.0f} MiB, {len(pairs)} candidate pairs, "
        f"recall of true derived pairs {found / max(1, len(truth)):.4f} ({found}/{len(truth)})"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
