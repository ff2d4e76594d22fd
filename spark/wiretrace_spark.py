"""wiretrace on Spark: the `wiretrace trace` pipeline split into stages a cluster can spread.

Each stage pipes partitions through a `wiretrace stage` command (the same library code the
single-machine run uses) or is a Spark shuffle; each writes its records under OUT/stages/NAME and
is skipped when that directory is complete (a `_SUCCESS` marker), so a failed run resumes where it
stopped. The result (OUT/final: articles, pairs, stories, changes as JSON lines; OUT/parquet: the
same as Parquet) equals `wiretrace trace` on the same inputs; `wiretrace import OUT/final` loads it
into a store for `serve`, `story`, `explain`.

| stage      | where                       | how |
|------------|-----------------------------|-----|
| discover   | driver                      | `stage discover`: the input files, canonical and sorted (the store's order) |
| extract    | executors, per partition    | `stage extract`; ids 1..n by (file, record) order, as the store gives them |
| sketch     | executors, per partition    | `stage sketch`: sampled word 5-gram fingerprints |
| candidates | executors + 3 shuffles      | `stage postings` (keyed by fingerprint shard) → `stage pair-counts` (each pair's evidence in its shard, keyed by first article) → `stage offers` (summed; candidates offered to both articles) → `stage top-k` (each article's strongest `max_candidates`): the batch index's rule, with its functions |
| grade      | executors, per partition    | `stage holder-dfs` → `stage df-lists` (each article's fingerprint dfs, over fingerprint shards), two joins with the articles, then `stage grade`: alignment of each candidate pair with the corpus's df of its fingerprints |
| rescue     | joins                       | a weak pair (common shared text) is kept when a third article is strongly paired with both |
| analyze    | one task                    | `stage analyze`: stories, lineage and changes over the whole corpus (anchor rarity and boilerplate recurrence are corpus statistics, so this stage is not partitioned; it reads only articles and pairs) |

Usage (see README "Spark"):
    spark-submit spark/wiretrace_spark.py --wiretrace /path/to/wiretrace --out OUT INPUT...
    python3 spark/wiretrace_spark.py --master 'local[2]' --out OUT examples/corpus

Inputs: files or directories in any format `wiretrace` reads (JSON lines, WARC, HTML, text, feeds),
and Parquet files or directories (`*.parquet`, one article per row with the JSON-lines field names),
which are written out as JSON lines first.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import time

#: Rows of Parquet input written per JSON-lines file handed to `extract`.
PARQUET_ROWS_PER_FILE = 50_000

STAGES = ("discover", "extract", "sketch", "candidates", "grade", "rescue", "analyze", "final")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("inputs", nargs="+", help="files or directories (any wiretrace format, or Parquet)")
    p.add_argument("--out", required=True, help="output directory (reused stage by stage when it exists)")
    p.add_argument(
        "--wiretrace",
        default=os.environ.get("WIRETRACE_BIN", shutil.which("wiretrace") or "wiretrace"),
        help="the wiretrace binary, present at this path on every executor (default: $WIRETRACE_BIN or PATH)",
    )
    p.add_argument("--master", default=None, help="Spark master when not run by spark-submit, e.g. local[2]")
    p.add_argument(
        "--partitions",
        type=int,
        default=None,
        help="partitions of the per-article stages (default: the context's default parallelism × 2)",
    )
    p.add_argument("--no-parquet", action="store_true", help="write JSON lines only")
    p.add_argument("--timings", default=None, help="write each stage's wall time (seconds) to this JSON file")
    return p.parse_args(argv)


class Run:
    """One driver run: the Spark context, the output directory and the wiretrace binary."""

    def __init__(self, sc, spark, args):
        self.sc = sc
        self.spark = spark
        self.out = os.path.abspath(args.out)
        self.bin = os.path.abspath(args.wiretrace) if os.path.exists(args.wiretrace) else args.wiretrace
        self.partitions = args.partitions or max(2, sc.defaultParallelism * 2)
        self.timings = {}

    def dir(self, name):
        return os.path.join(self.out, "stages", name)

    def done(self, name):
        return os.path.exists(os.path.join(self.dir(name), "_SUCCESS"))

    def stage(self, name, compute):
        """The records of stage `name` (JSON strings): read back when finished, else computed and saved."""
        path = self.dir(name)
        if self.done(name):
            log(f"{name}: reusing {path}")
            return self.sc.textFile(path)
        if os.path.exists(path):
            shutil.rmtree(path)  # an unfinished attempt
        started = time.time()
        compute().saveAsTextFile(path)
        self.timings[name] = round(time.time() - started, 2)
        log(f"{name}: {self.timings[name]} s")
        return self.sc.textFile(path)

    def pipe(self, rdd, stage):
        """Pipes each partition's lines through `wiretrace stage STAGE`; fails when it fails."""
        # RDD.pipe runs the command with an empty environment: pass the encoder's directory and
        # its cost bound on, so the analyze stage weighs what `wiretrace trace` weighs.
        names = ("WIRETRACE_ENCODER", "WIRETRACE_ENCODER_MAX_ARTICLES")
        env = {k: os.environ[k] for k in names if os.environ.get(k)}
        return rdd.pipe(f"{self.bin} --quiet stage {stage}", env=env, checkCode=True)

    def local(self, stage, lines):
        """Runs `wiretrace stage STAGE` on the driver over a few lines."""
        res = subprocess.run(
            [self.bin, "--quiet", "stage", stage],
            input="".join(l + "\n" for l in lines),
            capture_output=True,
            text=True,
            check=False,
        )
        if res.returncode != 0:
            raise RuntimeError(f"wiretrace stage {stage} failed: {res.stderr.strip()}")
        return [json.loads(l) for l in res.stdout.splitlines() if l.strip()]


def log(msg):
    print(f"wiretrace-spark: {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- inputs


def parquet_as_jsonl(run, inputs):
    """Parquet inputs written as JSON-lines files under OUT/parquet-input (read by `extract`); other
    inputs unchanged."""
    out, parquet = [], []
    for p in inputs:
        if p.endswith(".parquet") or (os.path.isdir(p) and any(f.endswith(".parquet") for f in os.listdir(p))):
            parquet.append(p)
        else:
            out.append(p)
    for k, p in enumerate(parquet):
        target = os.path.join(run.out, "parquet-input", str(k))
        if not os.path.exists(os.path.join(target, "_SUCCESS")):
            shutil.rmtree(target, ignore_errors=True)
            df = run.spark.read.parquet(p)
            rows = df.rdd.map(lambda r: json.dumps(r.asDict(recursive=True), default=str, ensure_ascii=False))
            parts = max(1, df.count() // PARQUET_ROWS_PER_FILE + 1)
            rows.repartition(parts).saveAsTextFile(target)
        for f in sorted(os.listdir(target)):
            if f.startswith("part-"):
                src = os.path.join(target, f)
                os.replace(src, src + ".jsonl")
        out.append(target)
    return out


# ---------------------------------------------------------------- stages


def discover(run, inputs):
    files = run.local("discover", [json.dumps({"path": os.path.abspath(p)}) for p in inputs])
    errors = [f["error"] for f in files if "error" in f]
    for e in errors:
        log(f"skipped: {e}")
    return [(f["file"], f["index"]) for f in files if "file" in f]


def record_key(path, file_index):
    """(file index, record number) of an article path: `file` or `file#N`."""
    f, _, rec = path.rpartition("#")
    if f in file_index and rec.isdigit():
        return (file_index[f], int(rec))
    return (file_index.get(path, -1), -1)


def is_jsonl(path):
    return path.lower().endswith((".jsonl", ".ndjson"))


def jsonl_jobs(run, path):
    """One `extract` job per record of a JSON-lines file, read by Spark in splits (a corpus is often
    one large file): `record` counts non-blank lines from 0, as the file reader does."""
    lines = run.sc.textFile(path, run.partitions).filter(lambda l: l.strip())
    return lines.zipWithIndex().map(lambda lk: json.dumps({"path": path, "record": lk[1], "line": lk[0]}))


def extract(run, files):
    """Articles with ids 1..n in (file, record) order, the order the store numbers them in."""
    index = run.sc.broadcast(dict(files))
    jobs = run.sc.parallelize([json.dumps({"path": f}) for f, _ in files if not is_jsonl(f)], run.partitions)
    for f, _ in files:
        if is_jsonl(f):
            jobs = jobs.union(jsonl_jobs(run, f))
    records = run.pipe(jobs, "extract").map(json.loads)
    errors = records.filter(lambda r: "error" in r and "text" not in r)
    for e in errors.map(lambda r: r["error"]).collect():
        log(f"skipped: {e}")
    articles = records.filter(lambda r: "text" in r)
    ordered = articles.sortBy(lambda a: record_key(a["path"], index.value), numPartitions=run.partitions)

    def number(pair):
        a, k = pair
        a["id"] = f"a{k + 1}"
        return json.dumps(a, ensure_ascii=False)

    return ordered.zipWithIndex().map(number)


def position(article_id):
    """The article's position 0..n-1 from its id `aN` (the batch position find_pairs uses)."""
    return int(article_id[1:]) - 1


def keyed_bundles(run, lines):
    """`SHARD<TAB>items` lines of a candidate stage → their items, partition SHARD holding every
    bundle keyed for it (the shuffle: a few large records, not one per posting or pair)."""

    def split(line):
        tab = line.index("\t")
        return (int(line[:tab]), line[tab + 1 :])

    return lines.map(split).partitionBy(run.partitions, lambda k: k).values()


def candidates(run, sketch_lines, sketches, n):
    """Candidate pairs `(i, j)` (positions, i < j), as the reuse crate's batch index chooses them.

    Four `wiretrace stage` pipes with the reuse crate's functions (`wiretrace_reuse::shard`) and
    three shuffles of bundled records: postings keyed by fingerprint shard → each pair's evidence
    from its shard, combined there, keyed by its first article → summed, the candidates offered to
    both articles, keyed by article → each article's `max_candidates` strongest (a pair kept by both
    comes twice: `distinct`)."""
    p = run.partitions
    postings = keyed_bundles(run, run.pipe(sketch_lines, f"postings --shards {p}"))
    evidence = keyed_bundles(run, run.pipe(postings, f"pair-counts --shards {p} --articles {n}"))
    # Every article's fingerprint count (the strength's union), first line of each offers input.
    sizes = [0] * n
    for pos, size in sketches.map(lambda s: (position(s["article"]), len(s["fingerprints"]))).collect():
        sizes[pos] = size
    header = run.sc.broadcast("sizes\t" + " ".join(map(str, sizes)))
    with_sizes = evidence.mapPartitions(lambda it: itertools.chain([header.value], it))
    offers = keyed_bundles(run, run.pipe(with_sizes, f"offers --shards {p}"))
    return run.pipe(offers, "top-k").distinct(p)


def grade_jobs(run, articles, sketch_lines, cands, settings):
    """One `grade` job per candidate pair: both articles and the corpus df of their fingerprints
    (each article's list from `stage holder-dfs` over fingerprint shards, gathered by `stage df-lists`)."""
    p = run.partitions
    postings = keyed_bundles(run, run.pipe(sketch_lines, f"postings --shards {p}"))
    holders = keyed_bundles(run, run.pipe(postings, f"holder-dfs --shards {p}"))
    art_df = run.pipe(holders, "df-lists").map(json.loads).map(lambda r: (r[0], r[1]))
    by_pos = articles.map(lambda a: (position(a["id"]), a)).leftOuterJoin(art_df, p).mapValues(
        lambda v: (v[0], v[1] or [])
    )
    max_df = settings["max_df"]
    first = cands.map(lambda c: (c[0], c[1])).join(by_pos, p).map(lambda kv: (kv[1][0], kv[1][1]))
    both = first.join(by_pos, p)

    def job(kv):
        (a, dfa), (b, dfb) = kv[1]
        return json.dumps({"a": a, "b": b, "df": dfa + dfb, "max_df": max_df}, ensure_ascii=False)

    return both.map(job)


def rescue(run, graded):
    """The pairs find_pairs keeps: every strong pair, and a weak one when a third article is
    strongly paired with both of its articles."""
    # Keyed by positions (numbers): ids compared as strings would order a10 before a9.
    ends = graded.filter(lambda g: "pair" in g).map(
        lambda g: ((position(g["pair"]["a"]), position(g["pair"]["b"])), g)
    )
    strong = ends.filter(lambda kv: kv[1]["strong"])
    weak = ends.filter(lambda kv: not kv[1]["strong"])
    adjacent = strong.flatMap(lambda kv: [(kv[0][0], kv[0][1]), (kv[0][1], kv[0][0])])
    strong_keys = strong.map(lambda kv: (kv[0], True))
    # (x, y) weak, c a strong neighbour of x: kept when (y, c) is strong too.
    p = run.partitions
    via = weak.map(lambda kv: (kv[0][0], kv[0])).join(adjacent, p)
    probes = via.map(lambda kv: ((min(kv[1][0][1], kv[1][1]), max(kv[1][0][1], kv[1][1])), kv[1][0]))
    rescued = probes.join(strong_keys, p).map(lambda kv: (kv[1][0], True)).distinct(p)
    kept_weak = weak.join(rescued, p).map(lambda kv: (kv[0], kv[1][0]))
    return strong.union(kept_weak).map(lambda kv: kv[1]["pair"])


def analyze(run, articles, pairs):
    """Stories (with lineage) and changes from the whole corpus, in one task."""
    tagged = articles.map(lambda a: json.dumps({"type": "article", "data": json.loads(a)}, ensure_ascii=False)).union(
        pairs.map(lambda p: json.dumps({"type": "pair", "data": json.loads(p)}, ensure_ascii=False))
    )
    return run.pipe(tagged.coalesce(1), "analyze")


# ---------------------------------------------------------------- output


def write_final(run, articles, pairs, analysis, parquet):
    final = os.path.join(run.out, "final")
    sets = {
        "articles": articles,
        # The reuse pairs, then the anchored pairs (translations) the analyze stage found in stories.
        "pairs": pairs.map(json.loads).union(
            analysis.map(json.loads).filter(lambda r: r["type"] == "pair").map(lambda r: r["data"])
        ).sortBy(lambda p: (position(p["a"]), position(p["b"])), numPartitions=1).map(
            lambda p: json.dumps(p, ensure_ascii=False)
        ),
        "stories": analysis.map(json.loads).filter(lambda r: r["type"] == "story").map(
            lambda r: json.dumps(r["data"], ensure_ascii=False)
        ),
        "changes": analysis.map(json.loads).filter(lambda r: r["type"] == "change").map(
            lambda r: json.dumps(r["data"], ensure_ascii=False)
        ),
    }
    for name, rdd in sets.items():
        target = os.path.join(final, name)
        if not os.path.exists(os.path.join(target, "_SUCCESS")):
            shutil.rmtree(target, ignore_errors=True)
            rdd.saveAsTextFile(target)
        if parquet:
            write_parquet(run, name, run.sc.textFile(target))


def flat_record(record):
    """A record with nested values (metadata, passages, lineage, spans) kept as JSON text, so every
    Parquet column has one type whatever the inputs held."""
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for k, v in record.items()}


def write_parquet(run, name, lines):
    target = os.path.join(run.out, "parquet", name)
    if os.path.exists(os.path.join(target, "_SUCCESS")):
        return
    rows = lines.map(lambda l: json.dumps(flat_record(json.loads(l)), ensure_ascii=False))
    if rows.isEmpty():
        return
    run.spark.read.json(rows).write.mode("overwrite").parquet(target)


# ---------------------------------------------------------------- main


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("wiretrace").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    run = Run(spark.sparkContext, spark, args)
    os.makedirs(run.out, exist_ok=True)
    started = time.time()

    inputs = parquet_as_jsonl(run, args.inputs)
    files = run.stage("discover", lambda: run.sc.parallelize(
        [json.dumps(f) for f in discover(run, inputs)], 1)).map(json.loads).collect()
    articles = run.stage("extract", lambda: extract(run, files))
    n = articles.count()
    log(f"{n} articles from {len(files)} files")
    sketch_lines = run.stage("sketch", lambda: run.pipe(articles, "sketch"))
    sketches = sketch_lines.map(json.loads)
    settings = run.local("settings", [json.dumps({"articles": n})])[0]
    cands = run.stage("candidates", lambda: candidates(run, sketch_lines, sketches, n)).map(
        lambda l: tuple(json.loads(l))
    )
    graded = run.stage(
        "grade",
        lambda: run.pipe(grade_jobs(run, articles.map(json.loads), sketch_lines, cands, settings), "grade"),
    ).map(json.loads)
    pairs = run.stage("rescue", lambda: rescue(run, graded).map(lambda p: json.dumps(p, ensure_ascii=False)))
    analysis = run.stage("analyze", lambda: analyze(run, articles, pairs))
    write_final(run, articles, pairs, analysis, not args.no_parquet)
    run.timings["total"] = round(time.time() - started, 2)
    log(f"done in {run.timings['total']} s: {os.path.join(run.out, 'final')}")
    if args.timings:
        with open(args.timings, "w") as f:
            json.dump(run.timings, f)
    spark.stop()


if __name__ == "__main__":
    main()
