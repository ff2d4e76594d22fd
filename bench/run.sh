#!/usr/bin/env bash
# Reuse-detection benchmark: wiretrace vs MinHash-LSH (rensa, datasketch) on one generated corpus.
#
#   bash bench/run.sh [ARTICLES] [DATASKETCH_LIMIT] [REPEAT]
#
# ARTICLES (default 200000) articles are generated with wiretrace_bench::gen (seed 1) and written to
# bench-out/corpus.jsonl; `reuse-bench` prints wiretrace's figures, then bench/compare.py prints
# rensa's (all articles) and datasketch's (the first DATASKETCH_LIMIT articles, default 20000: it
# runs at a few hundred docs/s). Throughput is the best of REPEAT runs (default 3) for wiretrace's
# fingerprint+candidates and for rensa, since the machine may be shared. The virtualenv bench/.venv
# is created on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES="${1:-200000}"
DS_LIMIT="${2:-20000}"
REPEAT="${3:-3}"
OUT=bench-out
mkdir -p "$OUT"

if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv
fi
bench/.venv/bin/pip install --quiet --disable-pip-version-check rensa datasketch

cargo build --release --quiet -p wiretrace-bench --bin reuse-bench
BIN="${CARGO_TARGET_DIR:-target}/release/reuse-bench"
echo "== machine: $(nproc) cores; $(date -u +%Y-%m-%dT%H:%M:%SZ)"
"$BIN" --articles "$ARTICLES" --write "$OUT/corpus.jsonl" --write-only
# Measured from the JSONL, like the Python baselines, so that peak memory compares like with like.
"$BIN" --input "$OUT/corpus.jsonl" --repeat "$REPEAT"
bench/.venv/bin/python bench/compare.py "$OUT/corpus.jsonl" --engine rensa --repeat "$REPEAT"
bench/.venv/bin/python bench/compare.py "$OUT/corpus.jsonl" --engine datasketch --limit "$DS_LIMIT"
