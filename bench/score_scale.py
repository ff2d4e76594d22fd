#!/usr/bin/env python3
"""Scores a wiretrace export of a `make_scale_corpus.py` corpus against its gold sidecar.

    python3 bench/score_scale.py CORPUS.gold.jsonl EXPORT.json

Articles are matched by record number (export path `NAME.jsonl#N` is the N-th line). Prints story
pairwise precision/recall/F1 (pairs of articles put in one story), derived-pair recall (the export
has a reuse pair between each derived record and its gold parent), lineage parent accuracy (the
inferred source of a derived record is its gold parent) and the candidate-free figure of pairs
between articles of different gold stories. Last line: a JSON summary.
"""

import json
import sys
from collections import Counter


def pairs_within(groups):
    return sum(c * (c - 1) // 2 for c in groups.values())


def main():
    gold_path, export_path = sys.argv[1], sys.argv[2]
    gold = [json.loads(line) for line in open(gold_path, encoding="utf-8") if line.strip()]
    exp = json.load(open(export_path, encoding="utf-8"))
    rec_of = {}
    for a in exp["articles"]:
        rec_of[a["id"]] = int(a["path"].rsplit("#", 1)[1])
    gid_at = {i: g["id"] for i, g in enumerate(gold)}
    story_of = {g["id"]: g["story"] for g in gold}
    parent_of = {g["id"]: g["parent"] for g in gold}
    pred_story = {}
    src_of = {}
    for s in exp["stories"]:
        for m in s["articles"]:
            pred_story[gid_at[rec_of[m]]] = s["id"]
        for e in s.get("lineage", []):
            if e["source"] is not None:
                src_of[gid_at[rec_of[e["article"]]]] = gid_at[rec_of[e["source"]]]
    ids = [gid_at[rec_of[a["id"]]] for a in exp["articles"]]
    for i, g in enumerate(ids):
        pred_story.setdefault(g, f"single{i}")
    both = Counter((story_of[g], pred_story[g]) for g in ids)
    tp = pairs_within(both)
    gp = pairs_within(Counter(story_of[g] for g in ids))
    pp = pairs_within(Counter(pred_story[g] for g in ids))
    prec = tp / pp if pp else 1.0
    rec = tp / gp if gp else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    found = set()
    cross = 0
    for p in exp["pairs"]:
        x, y = gid_at[rec_of[p["a"]]], gid_at[rec_of[p["b"]]]
        found.add((x, y))
        found.add((y, x))
        if story_of[x] != story_of[y]:
            cross += 1
    derived = [g for g in ids if parent_of[g] is not None]
    hit = sum(1 for g in derived if (g, parent_of[g]) in found)
    par = sum(1 for g in derived if src_of.get(g) == parent_of[g])
    summary = {
        "articles": len(ids),
        "story_precision": round(prec, 4),
        "story_recall": round(rec, 4),
        "story_f1": round(f1, 4),
        "derived_pair_recall": round(hit / len(derived), 4) if derived else 1.0,
        "parent_accuracy": round(par / len(derived), 4) if derived else 1.0,
        "pairs": len(exp["pairs"]),
        "pairs_across_gold_stories": cross,
    }
    print(f"stories: pairwise P {prec:.4f} R {rec:.4f} F1 {f1:.4f}")
    print(f"derived pairs found: {hit}/{len(derived)}; parent accuracy {par}/{len(derived)}")
    print(f"reuse pairs: {len(exp['pairs'])} ({cross} across gold stories)")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
