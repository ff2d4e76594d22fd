#!/usr/bin/env python3
"""Stress corpora for wiretrace's scale benchmarks, in make_scale_corpus.py's format (JSON lines with
id, url, title, outlet, published, text; a FILE.gold.jsonl sidecar with id, story, parent, op).

    python3 bench/make_stress_corpus.py storm  --base BIG.jsonl --copies 2000 --seed 5 --out STORM.jsonl
    python3 bench/make_stress_corpus.py light  --src ../shared/data/bbc-news-2225 --stories 5 --copies 100000 --out LIGHT.jsonl
    python3 bench/make_stress_corpus.py huge   --src ../shared/data/bbc-news-2225 --mb 30 --out HUGE.jsonl

storm: the base corpus (and its sidecar) plus one story republished COPIES times: its origin is a new
  record, each copy derives from the origin or an earlier copy and is verbatim, trimmed (last
  paragraphs cut) or lightly edited (a few words replaced); copies are spread through the file.
light: STORIES stories (paragraphs of BBC articles) and COPIES light edits of them (1-3 words changed
  per copy, each from the story's origin).
huge: one article of MB megabytes of plain text (BBC paragraphs one after another, quotes included)
  and a copy of it with a few words changed, so that every stage (explain too) works on the pair.

The texts are made at run time from the evaluation data; nothing of them belongs in the project.
"""

import argparse
import datetime as dt
import json
import os
import random
import sys

sys.path.insert(0, "/work/shared/bench")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench"))
import textlib  # noqa: E402

START = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)


def gold_path(out):
    return (out[:-6] if out.endswith(".jsonl") else out) + ".gold.jsonl"


def record(rid, title, text, minute, outlet):
    pub = (START + dt.timedelta(minutes=minute)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"id": rid, "url": f"https://www.{outlet}.example/{rid}", "title": title, "outlet": outlet,
            "published": pub, "text": text}


def light_edit(rng, paras, vocab, words=None):
    paras = [p.split(" ") for p in paras]
    for _ in range(words if words is not None else 1 + rng.randrange(3)):
        p = paras[rng.randrange(len(paras))]
        p[rng.randrange(len(p))] = vocab[rng.randrange(len(vocab))]
    return [" ".join(p) for p in paras]


def pool(src):
    sources, _ = textlib.load_sources(src)
    vocab = [w for s in sources for p in s.paras for w in p.split(" ") if w.isalpha() and w.islower()]
    return sources, vocab


def storm(a):
    rng = random.Random(a.seed)
    base = [json.loads(line) for line in open(a.base, encoding="utf-8") if line.strip()]
    gold = [json.loads(line) for line in open(gold_path(a.base), encoding="utf-8") if line.strip()]
    origin = base[rng.randrange(len(base))]
    paras = origin["text"].split("\n\n")
    vocab = [w for r in base[:2000] for w in r["text"].split() if w.isalpha() and w.islower()]
    minute0 = 100
    copies = []  # (rid, paras)
    inserts = {}
    for c in range(a.copies):
        rid = f"storm{c:05d}"
        src_id, src_paras = (copies[rng.randrange(len(copies))] if copies and rng.random() < 0.5
                             else (origin["id"], paras))
        r = rng.random()
        if r < 0.4:
            op, ps = "verbatim", list(src_paras)
        elif r < 0.7 and len(src_paras) > 2:
            op, ps = "truncate", src_paras[:max(2, len(src_paras) - 1 - rng.randrange(len(src_paras) - 2))]
        else:
            op, ps = "light_edit", light_edit(rng, src_paras, vocab)
        copies.append((rid, ps))
        rec = record(rid, origin["title"], "\n\n".join(ps), minute0 + 60 + c, f"outlet{c % 500}")
        at = rng.randrange(len(base) + 1)
        inserts.setdefault(at, []).append((rec, {"id": rid, "story": None, "parent": src_id, "op": op}))
    story_of = {g["id"]: g["story"] for g in gold}
    with open(a.out, "w", encoding="utf-8") as out, open(gold_path(a.out), "w", encoding="utf-8") as gout:
        def put(rec, g):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            gout.write(json.dumps(g) + "\n")
        for i in range(len(base) + 1):
            for rec, g in inserts.get(i, []):
                g["story"] = story_of[origin["id"]]
                put(rec, g)
            if i < len(base):
                put(base[i], gold[i])
    print(f"wrote {a.out}: {len(base)} base records + {a.copies} copies of {origin['id']}")


def light(a):
    rng = random.Random(a.seed)
    sources, vocab = pool(a.src)
    stories = []
    for s in range(a.stories):
        src = sources[rng.randrange(len(sources))]
        stories.append((f"light{s}", src.title, src.paras[:8]))
    with open(a.out, "w", encoding="utf-8") as out, open(gold_path(a.out), "w", encoding="utf-8") as gout:
        for s, (sid, title, paras) in enumerate(stories):
            out.write(json.dumps(record(f"{sid}o", title, "\n\n".join(paras), s * 1000, "origin"),
                                 ensure_ascii=False) + "\n")
            gout.write(json.dumps({"id": f"{sid}o", "story": sid, "parent": None, "op": "new"}) + "\n")
        for c in range(a.copies):
            s = c % len(stories)
            sid, title, paras = stories[s]
            rid = f"{sid}c{c:06d}"
            rec = record(rid, title, "\n\n".join(light_edit(rng, paras, vocab)), s * 1000 + 10 + c % 900,
                         f"outlet{c % 700}")
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            gout.write(json.dumps({"id": rid, "story": sid, "parent": f"{sid}o", "op": "light_edit"}) + "\n")
    print(f"wrote {a.out}: {a.stories} stories, {a.copies} light edits")


def huge(a):
    rng = random.Random(a.seed)
    sources, _ = pool(a.src)
    target = int(a.mb * 1_000_000)
    parts, size = [], 0
    while size < target:
        p = sources[rng.randrange(len(sources))].paras
        p = p[rng.randrange(len(p))]
        parts.append(p)
        size += len(p.encode("utf-8")) + 2
    vocab = [w for p in parts[:200] for w in p.split(" ") if w.isalpha() and w.islower()]
    rec = record("huge0", "One very long text", "\n\n".join(parts), 0, "archive")
    copy = record("huge1", "One very long text", "\n\n".join(light_edit(rng, parts, vocab, 20)), 90, "mirror")
    with open(a.out, "w", encoding="utf-8") as out, open(gold_path(a.out), "w", encoding="utf-8") as gout:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        out.write(json.dumps(copy, ensure_ascii=False) + "\n")
        gout.write(json.dumps({"id": "huge0", "story": "huge", "parent": None, "op": "new"}) + "\n")
        gout.write(json.dumps({"id": "huge1", "story": "huge", "parent": "huge0", "op": "light_edit"}) + "\n")
    print(f"wrote {a.out}: one article of {size / 1e6:.1f} MB ({len(parts)} paragraphs)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="kind", required=True)
    s = sub.add_parser("storm")
    s.add_argument("--base", required=True)
    s.add_argument("--copies", type=int, default=2000)
    l_ = sub.add_parser("light")
    l_.add_argument("--src", required=True)
    l_.add_argument("--stories", type=int, default=5)
    l_.add_argument("--copies", type=int, default=100000)
    h = sub.add_parser("huge")
    h.add_argument("--src", required=True)
    h.add_argument("--mb", type=float, default=30.0)
    for p in (s, l_, h):
        p.add_argument("--seed", type=int, default=5)
        p.add_argument("--out", required=True)
    a = ap.parse_args()
    {"storm": storm, "light": light, "huge": huge}[a.kind](a)


if __name__ == "__main__":
    main()
