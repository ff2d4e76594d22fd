"""Checks a Spark run equals `wiretrace trace` on the same inputs.

    python3 spark/compare_results.py TRACE_EXPORT.json SPARK_EXPORT.json

Both are exports (schema v1): `wiretrace trace … --out`, and `wiretrace --db D import OUT/final`
then `wiretrace --db D export`. Articles are matched by path (ids may differ), then compared:
stories (member sets), lineage (each article's source), pairs (the two articles and their scores),
and changes counted by (article, source, kind). Prints one line per set and exits 1 on a difference.
"""

import collections
import json
import sys


def keyed(export):
    path = {a["id"]: a["path"] for a in export["articles"]}
    stories = {frozenset(path[m] for m in s["articles"]) for s in export["stories"]}
    lineage = {
        path[e["article"]]: (path[e["source"]] if e["source"] else None)
        for s in export["stories"]
        for e in s["lineage"]
    }
    pairs = {}
    for p in export["pairs"]:
        a, b = sorted((path[p["a"]], path[p["b"]]))
        pairs[(a, b)] = round(p["similarity"], 4), len(p["passages"])
    changes = collections.Counter(
        (path[c["article"]], path[c["source"]] if c.get("source") else None, c["kind"]) for c in export["changes"]
    )
    return {
        "articles": set(path.values()),
        "stories": stories,
        "lineage": lineage,
        "pairs": pairs,
        "changes": changes,
    }


def differences(trace, spark):
    t, s = keyed(trace), keyed(spark)
    out = {}
    for name in t:
        if t[name] != s[name]:
            if isinstance(t[name], dict):
                keys = set(t[name]) | set(s[name])
                diff = sorted((k for k in keys if t[name].get(k) != s[name].get(k)), key=str)
            else:
                diff = sorted(set(t[name]) ^ set(s[name]), key=str)
            out[name] = diff
    return out, t


def main():
    trace = json.load(open(sys.argv[1]))
    spark = json.load(open(sys.argv[2]))
    diff, t = differences(trace, spark)
    for name, value in t.items():
        n = sum(value.values()) if name == "changes" else len(value)
        status = "equal" if name not in diff else f"DIFFERENT ({len(diff[name])} differ, e.g. {diff[name][:3]})"
        print(f"{name}: {n} {status}")
    same = {k: trace[k] == spark[k] for k in ("articles", "stories", "pairs", "changes")}
    print("exports identical field by field:", ", ".join(f"{k} {'yes' if v else 'no'}" for k, v in same.items()))
    sys.exit(1 if diff else 0)


if __name__ == "__main__":
    main()
