#!/usr/bin/env python3
"""Where lineage picks the wrong parent, and which ties no text can settle.

    python3 bench/lineage_errors.py GOLD.json EXPORT.json

GOLD.json is a generated gold in the format `../shared/bench/score.py` reads (articles with `path`, `parent`,
`published`; `operations` with `path`, `op`). EXPORT.json is a `wiretrace trace --out` export.

Prints, for every gold copy whose predicted source is not its gold parent, the kind of error (the predicted
source is an ancestor, a sibling, a descendant, or none of these), the gold parent's and the predicted
source's operations, and the lineage reason. Then the tie statistics: copies whose gold parent has at least
one other version with the same text (a chain of `verbatim` operations) published before the copy, and how
often the gold parent is the earliest / the latest of those equal versions (a text identical to another
carries no evidence of which one was copied; this is the convention the gold follows). Prints no article text.
"""
import json
import sys


def norm(p):
    p = p.replace("\\", "/")
    i = p.find("corpus/")
    return p[i:] if i >= 0 else p.lstrip("./")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    gold = json.load(open(sys.argv[1], encoding="utf-8"))
    pred = json.load(open(sys.argv[2], encoding="utf-8"))
    arts = {norm(a["path"]): a for a in gold["articles"]}
    ops = {}
    for o in gold.get("operations", []):
        ops.setdefault(norm(o["path"]), []).append(o["op"])
    path_of = {a["id"]: norm(a["path"]) for a in pred["articles"]}
    source, reason = {}, {}
    for s in pred["stories"]:
        for e in s["lineage"]:
            p = path_of[e["article"]]
            source[p] = path_of.get(e["source"]) if e.get("source") else None
            reason[p] = e.get("reason", "")

    def parent(p):
        q = arts[p].get("parent")
        return norm(q) if q else None

    def ancestors(p):
        out = []
        while parent(p):
            p = parent(p)
            out.append(p)
        return out

    kinds = {}
    wrong = 0
    derived = [p for p in arts if parent(p)]
    for p in sorted(derived):
        got, want = source.get(p), parent(p)
        if got == want:
            continue
        wrong += 1
        if got in ancestors(p):
            kind = "ancestor"
        elif got and parent(got) == want:
            kind = "sibling"
        elif got and p in ancestors(got):
            kind = "descendant"
        else:
            kind = "other"
        kinds[kind] = kinds.get(kind, 0) + 1
        print(f"{kind:10} {p}")
        print(f"           gold {want} ops {ops.get(want, [])}")
        print(f"           pred {got} ops {ops.get(got, []) if got else None}")
        print(f"           {reason.get(p, '')[:200]}")
    print(f"\nwrong parents {wrong}/{len(derived)} (accuracy {1 - wrong / max(1, len(derived)):.4f}): {kinds}")

    # Ties: versions sharing one text through `verbatim` operations.
    def text_root(p):
        while parent(p) and ops.get(p) == ["verbatim"]:
            p = parent(p)
        return p

    same_text = {}
    for p in arts:
        same_text.setdefault(text_root(p), []).append(p)
    n = earliest = latest = 0
    uniform = 0.0
    wrong_ties = 0
    for p in derived:
        want = parent(p)
        equal = sorted(
            (q for q in same_text[text_root(want)] if q != p and arts[q]["published"] < arts[p]["published"]),
            key=lambda q: arts[q]["published"],
        )
        if len(equal) < 2:
            continue
        n += 1
        earliest += equal[0] == want
        latest += equal[-1] == want
        uniform += 1 / len(equal)
        wrong_ties += source.get(p) != want and source.get(p) in equal
    print(
        f"copies whose parent has an identical earlier version: {n}; the gold parent is the earliest of them "
        f"{earliest}, the latest {latest} (a uniform choice would give {uniform:.1f}); "
        f"predicted another of the identical versions: {wrong_ties}"
    )


if __name__ == "__main__":
    main()
