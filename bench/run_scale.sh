#!/usr/bin/env bash
# Candidates stage on a make_scale_corpus.py corpus: wiretrace vs rensa (MinHash-LSH), same corpus, one run.
#
#   bash bench/run_scale.sh CORPUS.jsonl [REPEAT]
#
# CORPUS.jsonl and its gold sidecar CORPUS.gold.jsonl come from
# `python3 ../shared/bench/make_scale_corpus.py --src ../shared/data/bbc-news-2225 --seed 11 --articles N --out CORPUS.jsonl`.
# Prints reuse-bench's figures (fingerprint + candidates, candidates per article, then alignment) and
# rensa's (bench/compare.py), each with docs/s, docs per CPU-second and recall of derived pairs.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS="$1"
REPEAT="${2:-1}"
GOLD="${CORPUS%.jsonl}.gold.jsonl"
VENV="${VENV:-bench/.venv}"  # e.g. VENV=target/venv: a virtualenv of your own
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check rensa
cargo build --release --quiet -p wiretrace-bench --bin reuse-bench
BIN="${CARGO_TARGET_DIR:-target}/release/reuse-bench"
echo "== machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%M:%SZ)"
"$BIN" --scale "$CORPUS" --repeat "$REPEAT"
"$VENV/bin/python" bench/compare.py "$CORPUS" --engine rensa --repeat "$REPEAT" --gold "$GOLD"
