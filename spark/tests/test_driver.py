"""Tests of the Spark driver on local[2]: equal to `wiretrace trace`, resumable, Parquet in and out.

Needs pyspark, pandas, pyarrow, Java 17 and a built binary: WIRETRACE_BIN (default
target/release/wiretrace). The articles are fictional, written for these tests.
"""

import json
import os
import pathlib
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DRIVER = HERE.parent / "wiretrace_spark.py"
BIN = os.environ.get("WIRETRACE_BIN", str(ROOT / "target" / "release" / "wiretrace"))

sys.path.insert(0, str(HERE.parent))
import compare_results  # noqa: E402

WIRE = (
    "Harbour officials in Port Merrin said on Tuesday that the old lighthouse will be restored over two "
    "summers at a cost of 2.4 million pounds, after storms cracked its lantern room last winter. The "
    "keeper's cottage will become a small museum about the coast's shipwrecks, run by volunteers.\n\n"
    '"The light has guided boats into this harbour since 1862 and it will do so again," said the harbour '
    "master, Idris Calloway. Scaffolding goes up in May and the path to the headland stays open."
)
COPY = WIRE.replace("2.4 million", "2.6 million")
OTHER = (
    "The Lowmoor chess club won the county league for the third year running, beating Eskdale in a final "
    "round that lasted past midnight. Its youngest player, aged eleven, won all seven of her games and has "
    "been invited to a national junior training camp in the summer holidays."
)
RECORDS = [
    {"id": "w1", "title": "Lighthouse to be restored", "text": WIRE, "outlet": "Coast Wire",
     "published": "2026-03-03T08:00:00Z"},
    {"id": "c1", "title": "Lighthouse restoration announced", "text": COPY, "outlet": "Merrin Echo",
     "published": "2026-03-03T12:00:00Z"},
    {"id": "o1", "title": "Chess club keeps its title", "text": OTHER, "outlet": "Lowmoor Times",
     "published": "2026-03-04T09:00:00Z"},
]


def run_driver(out, *inputs):
    res = subprocess.run(
        [sys.executable, str(DRIVER), "--master", "local[2]", "--wiretrace", BIN, "--out", str(out), *map(str, inputs)],
        capture_output=True, text=True,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    return res.stderr


def export_of(final, db):
    subprocess.run([BIN, "--quiet", "--db", str(db), "import", str(final)], check=True, capture_output=True)
    out = db.with_suffix(".json")
    subprocess.run([BIN, "--quiet", "--db", str(db), "export", "-o", str(out)], check=True)
    return json.loads(out.read_text())


def trace_of(inputs, out):
    subprocess.run([BIN, "--quiet", "trace", *map(str, inputs), "--out", str(out)], check=True, capture_output=True)
    return json.loads(out.read_text())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    (d / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS[:2]), encoding="utf-8")
    (d / "chess.txt").write_text(f"{RECORDS[2]['title']}\n\n{OTHER}\n", encoding="utf-8")
    return d


def test_equal_to_trace_and_resumable(corpus, tmp_path):
    if not os.path.exists(BIN):
        pytest.skip(f"no wiretrace binary at {BIN} (set WIRETRACE_BIN)")
    out = tmp_path / "out"
    run_driver(out, corpus)
    expected = trace_of([corpus], tmp_path / "trace.json")
    got = export_of(out / "final", tmp_path / "a.db")
    diff, keyed = compare_results.differences(expected, got)
    assert not diff, diff
    assert len(keyed["pairs"]) == 1 and len(keyed["articles"]) == 3
    assert any(c[2] == "number_changed" for c in keyed["changes"])
    for name in ("articles", "pairs", "stories", "changes"):
        assert (out / "parquet" / name / "_SUCCESS").exists() or name == "changes" and not got["changes"]

    # A rerun after the last stages were lost redoes only those, from the kept earlier stages.
    for lost in ("analyze",):
        subprocess.run(["rm", "-rf", str(out / "stages" / lost)], check=True)
    subprocess.run(["rm", "-rf", str(out / "final"), str(out / "parquet")], check=True)
    log = run_driver(out, corpus)
    for kept in ("discover", "extract", "sketch", "candidates", "grade", "rescue"):
        assert f"{kept}: reusing" in log, log[-2000:]
    assert "analyze: reusing" not in log
    again = export_of(out / "final", tmp_path / "b.db")
    assert again == got


def test_parquet_input(tmp_path):
    if not os.path.exists(BIN):
        pytest.skip(f"no wiretrace binary at {BIN} (set WIRETRACE_BIN)")
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    src = tmp_path / "news.parquet"
    pd.DataFrame(RECORDS).to_parquet(src)
    out = tmp_path / "out"
    run_driver(out, src)
    got = export_of(out / "final", tmp_path / "p.db")
    assert len(got["articles"]) == 3
    assert {a["title"] for a in got["articles"]} == {r["title"] for r in RECORDS}
    assert len(got["pairs"]) == 1
    sizes = sorted(len(s["articles"]) for s in got["stories"])
    assert sizes == [1, 2]
