#!/usr/bin/env python3
"""Copy pairs of a real-news gold against what the engine knows (issue #11). Prints no article text.

    W trace ARTICLES.jsonl --with-text --out rn.json --quiet >/dev/null
    cargo run --release -q -p wiretrace-stories --example copy_study -- rn.json > study.jsonl
    python3 bench/copy_diag.py GOLD.json rn.json study.jsonl

1. Listed pairs (the export's `pairs`) within and outside gold copy groups, same- and cross-language, by
   method: recall and per-pair precision.
2. Each gold copy pair missed: same story?, a reuse pair?, the anchored figures (shared facts, containment, cohesion,
   order, shift, length ratio, sentences, aligned sentences and their coverage, encoder cosine when the study
   has it), and for each figure how many same-event non-copy pairs of the same language kind score at least as
   well (higher is better, except the shift).
"""
import json, sys
from collections import defaultdict, Counter
from itertools import combinations


def norm(p):
    return p.replace("\\", "/").lstrip("./")


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        sys.exit(2)
    gold = json.load(open(sys.argv[1], encoding="utf-8"))
    export = json.load(open(sys.argv[2], encoding="utf-8"))
    study = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")]
    g = {norm(a["path"]): a for a in gold["articles"]}

    def gold_path(p):
        p = norm(p)
        if p in g:
            return p
        hits = [k for k in g if p.endswith(k)]
        return hits[0] if len(hits) == 1 else None

    id2path = {a["id"]: gold_path(a["path"]) for a in export["articles"]}

    def kind(a, b):
        ga, gb = g[a], g[b]
        cross = ga.get("language") != gb.get("language")
        copy = bool(ga.get("copy_group")) and ga.get("copy_group") == gb.get("copy_group")
        return cross, copy, ga["event"] == gb["event"]

    # 1. listed pairs
    tally = Counter()
    listed = set()
    for pr in export.get("pairs", []):
        a, b = id2path.get(pr["a"]), id2path.get(pr["b"])
        if not a or not b:
            continue
        listed.add(frozenset((a, b)))
        cross, copy, same_ev = kind(a, b)
        tally[(pr.get("method", "text"), cross, copy)] += 1
    total = Counter()
    groups = defaultdict(list)
    for p, a in g.items():
        if a.get("copy_group"):
            groups[a["copy_group"]].append(p)
    gold_pairs = []
    for mem in groups.values():
        for a, b in combinations(sorted(mem), 2):
            gold_pairs.append((a, b))
            total[kind(a, b)[0]] += 1
    for cross in (False, True):
        name = "cross-language" if cross else "same-language"
        found = sum(1 for a, b in gold_pairs if kind(a, b)[0] == cross and frozenset((a, b)) in listed)
        within = sum(v for (m, c, cp), v in tally.items() if c == cross and cp)
        outside = sum(v for (m, c, cp), v in tally.items() if c == cross and not cp)
        by_method = ", ".join(f"{m} {v}/{tally[(m, cross, False)]}" for m in sorted({k[0] for k in tally})
                              for v in [tally[(m, cross, True)]])
        prec = within / (within + outside) if within + outside else 1.0
        print(f"{name}: gold copy pairs listed {found}/{total[cross]}; listed pairs within / outside copy groups "
              f"{within} / {outside} (precision {prec:.3f}; by method within/outside: {by_method})")

    # 2. per missed pair
    st = {}
    for s in study:
        a, b = gold_path(s["path_a"]), gold_path(s["path_b"])
        if a and b:
            st[frozenset((a, b))] = s
    figs = ["shared_facts", "fact_containment", "fact_cohesion", "fact_order", "fact_shift", "length_ratio", "aligned",
            "coverage_min", "mean_similarity"]
    if any(s.get("encoder_cosine") is not None for s in study):
        figs.append("encoder_cosine")

    def val(s, f):
        if f == "coverage_min":
            return min(s["coverage_a"], s["coverage_b"])
        return s.get(f)

    # same-event non-copies, by language kind
    pool = defaultdict(list)
    for key, s in st.items():
        a, b = sorted(key)
        cross, copy, same_ev = kind(a, b)
        if same_ev and not copy:
            pool[cross].append(s)
    print(f"same-event non-copy pairs sharing a fact: same-language {len(pool[False])}, cross-language {len(pool[True])}")
    print("missed gold copy pairs (figure [non-copies at least as good]):")
    for a, b in gold_pairs:
        if frozenset((a, b)) in listed:
            continue
        cross = kind(a, b)[0]
        s = st.get(frozenset((a, b)))
        head = f"  {g[a]['copy_group']:26} {a.split('#')[-1]:>4}-{b.split('#')[-1]:<4} {g[a]['language']}-{g[b]['language']}"
        if s is None:
            print(head, "no shared fact")
            continue
        parts = [f"story {'same' if s['same_story'] else 'apart'}", f"listed {s['listed'] or '-'}"]
        for f in figs:
            v = val(s, f)
            if v is None:
                continue
            lower_better = f == "fact_shift"
            beat = sum(1 for o in pool[cross] if val(o, f) is not None and
                       (val(o, f) <= v if lower_better else val(o, f) >= v))
            parts.append(f"{f} {v:.2f}[{beat}]" if isinstance(v, float) else f"{f} {v}[{beat}]")
        print(head, "; ".join(parts))


if __name__ == "__main__":
    main()
