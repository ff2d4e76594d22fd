"""Benchmark: the Spark driver on local[2] against `wiretrace trace` on the same scale corpus.

    python3 bench/spark_vs_trace.py --articles 20000 [--bin target/release/wiretrace] [--work target/spark-bench]
    python3 bench/spark_vs_trace.py --corpus /work/scale/s200000.jsonl   # an existing corpus (read only)

Writes the corpus with ../shared/bench/make_scale_corpus.py (seed 11), runs `wiretrace trace` and
the driver (`spark/wiretrace_spark.py --master local[2]`) one after the other on this machine, then
prints both wall times, the driver's time per stage (what runs where), the overhead, and whether the
two results agree (spark/compare_results.py). Needs pyspark and Java 17 (.ci/run installs them).
"""

import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

#: Where each driver stage runs, for the report.
WHERE = {
    "discover": "driver",
    "extract": "executors (partitioned)",
    "sketch": "executors (partitioned)",
    "candidates": "executors (4 pipes) + 3 shuffles of bundles",
    "grade": "executors (df pipes, the grade pipe) + joins of the articles",
    "rescue": "joins",
    "analyze": "one task (whole corpus)",
}


def timed(cmd, **kw):
    """(wall seconds, CPU seconds user + sys of the command and the children it waited for)."""
    before = os.times()
    started = time.time()
    subprocess.run(cmd, check=True, **kw)
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return time.time() - started, cpu


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--articles", type=int, default=20000)
    p.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "wiretrace"))
    p.add_argument("--work", default=os.path.join(ROOT, "target", "spark-bench"))
    p.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    p.add_argument("--partitions", type=int, default=None, help="the driver's --partitions (default: its own)")
    p.add_argument("--corpus", default=None, help="an existing corpus (JSON lines; not written, not removed)")
    a = p.parse_args()
    os.makedirs(a.work, exist_ok=True)
    if a.corpus:
        corpus = os.path.abspath(a.corpus)
        with open(corpus) as f:
            a.articles = sum(1 for line in f if line.strip())
    else:
        corpus = os.path.join(a.work, f"scale-{a.articles}.jsonl")
    if not os.path.exists(corpus):
        subprocess.run(
            [sys.executable, os.path.join(a.shared, "bench", "make_scale_corpus.py"), "--src",
             os.path.join(a.shared, "data", "bbc-news-2225"), "--seed", "11", "--articles", str(a.articles),
             "--out", corpus],
            check=True,
        )
    trace_json = os.path.join(a.work, f"trace-{a.articles}.json")
    t_trace, c_trace = timed([a.bin, "--quiet", "trace", corpus, "--out", trace_json], stdout=subprocess.DEVNULL)
    out = os.path.join(a.work, f"spark-{a.articles}")
    subprocess.run(["rm", "-rf", out], check=True)
    timings = os.path.join(a.work, f"spark-{a.articles}-timings.json")
    t_spark, c_spark = timed(
        [sys.executable, os.path.join(ROOT, "spark", "wiretrace_spark.py"), "--master", "local[2]", "--wiretrace",
         a.bin, "--out", out, "--no-parquet", "--timings", timings, corpus]
        + (["--partitions", str(a.partitions)] if a.partitions else []),
        stderr=open(os.path.join(a.work, f"spark-{a.articles}.log"), "w"),
    )
    stages = json.load(open(timings))
    db = os.path.join(a.work, f"spark-{a.articles}.db")
    for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f):
            os.remove(f)
    subprocess.run([a.bin, "--quiet", "--db", db, "import", os.path.join(out, "final")], check=True,
                   stdout=subprocess.DEVNULL)
    spark_json = os.path.join(a.work, f"spark-{a.articles}.json")
    subprocess.run([a.bin, "--quiet", "--db", db, "export", "-o", spark_json], check=True)
    agree = subprocess.run([sys.executable, os.path.join(ROOT, "spark", "compare_results.py"), trace_json,
                            spark_json], capture_output=True, text=True)
    print(f"corpus: {a.articles} articles ({corpus})")
    print(f"wiretrace trace (all cores):      {t_trace:8.1f} s wall, {c_trace:8.1f} CPU-s")
    print(f"spark driver, local[2] (process): {t_spark:8.1f} s wall, {c_spark:8.1f} CPU-s"
          f"  (overhead x{t_spark / t_trace:.2f} wall, x{c_spark / max(c_trace, 1e-9):.2f} CPU)")
    for name, where in WHERE.items():
        if name in stages:
            print(f"  {name:<11} {stages[name]:8.1f} s  {where}")
    print("results:", "equal" if agree.returncode == 0 else "DIFFERENT")
    print(agree.stdout.strip())


if __name__ == "__main__":
    main()
