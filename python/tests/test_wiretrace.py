"""Tests of the installed `wiretrace` package (run by .ci/run in a fresh virtual environment).

The articles are fictional, written for these tests: a wire item, an outlet's copy that changes
one figure and a quotation, and an unrelated article.
"""

import os
import pathlib

import pandas as pd
import pytest

import wiretrace

ROOT = pathlib.Path(__file__).resolve().parents[2]

WIRE = (
    "The northern rail line between Eskdale and Port Merrin will close for eleven weeks from 3 March "
    "while engineers replace two viaducts, the operator Tarn Valley Railways said on Monday. "
    "Replacement buses will run every thirty minutes and season tickets will be refunded in part.\n\n"
    '"We know this is a long closure, but the viaducts are more than a century old," said the '
    "operator's chief engineer, Mara Quillon. The work is expected to cost 48 million pounds and will "
    "allow heavier freight trains to use the line from the autumn."
)
COPY = WIRE.replace("48 million", "58 million").replace("a long closure", "a very long closure")
OTHER = (
    "A community orchard in Lowmoor has planted forty heritage apple trees donated by a retired "
    "nurseryman, and volunteers plan to hold the first harvest festival there in two years, the parish "
    "council announced. Schoolchildren helped label each tree with the name of its variety."
)


def records():
    return [
        {"id": "wire-1", "title": "Rail line to close for viaduct work", "text": WIRE,
         "outlet": "Tarn Wire", "published": "2026-02-02T09:00:00Z"},
        {"id": "copy-1", "title": "Eleven-week rail closure announced", "text": COPY,
         "outlet": "Merrin Gazette", "published": "2026-02-02T15:30:00Z"},
        {"id": "orchard", "title": "Orchard plants heritage apples", "text": OTHER,
         "outlet": "Lowmoor Times", "published": "2026-02-05T08:00:00Z"},
    ]


def test_records_trace_to_one_story_with_its_source_and_changes():
    r = wiretrace.trace(records())
    assert len(r.articles) == 3
    story = r.stories[r.stories["size"] == 2]
    assert len(story) == 1
    lineage = r.lineage.set_index("article")
    path_of = dict(zip(r.articles["id"], r.articles["path"]))
    copy_id = next(i for i, p in path_of.items() if p.endswith("#1"))
    wire_id = next(i for i, p in path_of.items() if p.endswith("#0"))
    assert lineage.loc[copy_id, "source"] == wire_id
    assert pd.isna(lineage.loc[wire_id, "source"])
    assert len(r.pairs) == 1
    kinds = set(r.changes[r.changes["article"] == copy_id]["kind"])
    assert "number_changed" in kinds
    assert "quote_altered" in kinds
    # The export dict is the same analysis.
    assert r.export["version"] == 1
    assert len(r.export["stories"]) == len(r.stories)


def test_dataframe_input_gives_the_same_result_as_records():
    df = pd.DataFrame(records())
    df["published"] = pd.to_datetime(df["published"])
    from_df = wiretrace.trace(df)
    from_records = wiretrace.trace(records())
    assert from_df.articles["path"].tolist() == from_records.articles["path"].tolist()
    assert from_df.lineage["source"].tolist() == from_records.lineage["source"].tolist()
    assert len(from_df.changes) == len(from_records.changes) > 0
    assert from_df.articles["published"].notna().all()
    # Row numbers name the records.
    assert from_df.articles["path"].tolist() == ["records#0", "records#1", "records#2"]


def test_folder_input(tmp_path):
    for name, (title, text) in {
        "wire.txt": ("Rail line to close for viaduct work", WIRE),
        "copy.txt": ("Eleven-week rail closure announced", COPY),
    }.items():
        (tmp_path / name).write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    r = wiretrace.trace(tmp_path)
    assert len(r.articles) == 2
    assert len(r.pairs) == 1
    assert r.stories["size"].max() == 2


def test_example_corpus_matches_the_command_line_figures():
    corpus = ROOT / "examples" / "corpus"
    if not corpus.exists():
        pytest.skip("examples/corpus is not beside the tests")
    r = wiretrace.trace(str(corpus), with_text=True)
    assert len(r.articles) == 22
    assert "text" in r.articles.columns
    assert (r.stories["size"] > 1).sum() >= 3


def test_bad_record_raises_naming_it():
    bad = records()
    bad[1] = {"title": "A headline without any text"}
    with pytest.raises(wiretrace.InputError, match=r"records#1"):
        wiretrace.trace(bad)
    # Not strict: the others are traced and the bad one is reported.
    r = wiretrace.trace(bad, strict=False)
    assert len(r.articles) == 2
    assert len(r.skipped) == 1 and "records#1" in r.skipped[0]


def test_missing_path_raises_naming_it(tmp_path):
    missing = tmp_path / "no-such-folder"
    with pytest.raises(wiretrace.InputError, match="no-such-folder"):
        wiretrace.trace(missing)
    with pytest.raises(wiretrace.InputError, match="not a path"):
        wiretrace.trace([42])


def test_compare_scores_a_copy_above_an_unrelated_article():
    wire, copy, other = records()
    same = wiretrace.compare(wire, copy)
    different = wiretrace.compare(wire, other)
    assert 0.0 <= different["story_similarity"] < same["story_similarity"] <= 1.0
    assert same["reuse"] > 0.5
    with pytest.raises(wiretrace.InputError, match="b: the record has no text"):
        wiretrace.compare(wire, {"title": "only a title"})


def test_compare_reads_files(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(f"Rail line to close\n\n{WIRE}\n", encoding="utf-8")
    score = wiretrace.compare(os.fspath(a), records()[1])
    assert score["story_similarity"] > 0.5
