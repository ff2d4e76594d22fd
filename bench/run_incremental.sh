#!/usr/bin/env bash
# Incremental analysis: the cost of adding 1 and 1,000 articles to an analysed store, for one or
# more wiretrace binaries (the first is the baseline), on one corpus, in one run.
#
#   bash bench/run_incremental.sh CORPUS.jsonl BASE_ARTICLES WORKDIR BIN [BIN...]
#
# For each binary: a store of the first BASE_ARTICLES records of CORPUS.jsonl is built
# (`add --no-analyze`, then `analyze`); then, each on a copy of that store, the next record and the
# next 1,000 records are added (`add --no-analyze`) and `analyze` is timed. Records come in the
# corpus' order (make_scale_corpus.py writes them by publication time: new articles are the next
# day's news). Prints wall and CPU seconds, peak RSS, the engine's stage times (`-v` log), the
# stories explained again, the furniture paragraphs decided and articles digested again, and the
# articles whose stories were clustered again (`None`: clustered in full).
# Stores live in WORKDIR (about 10 kB per article each) and are deleted at the end. Each analysis
# log is kept as WORKDIR/NAME-LABEL.log; LOG=-vv adds the stages' inner steps (debug lines).
set -euo pipefail
LOG="${LOG:--v}"
CORPUS="$1"; BASE="$2"; WORK="$3"; shift 3
mkdir -p "$WORK"
head -n "$BASE" "$CORPUS" > "$WORK/base.jsonl"
sed -n "$((BASE + 1))p" "$CORPUS" > "$WORK/add1.jsonl"
sed -n "$((BASE + 1)),$((BASE + 1000))p" "$CORPUS" > "$WORK/add1000.jsonl"
echo "== machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "== corpus: $CORPUS, store of $BASE articles, then +1 and +1000"
timed() { # label, command...
  local label="$1"; shift
  local log="$WORK/time.log"
  /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" > /dev/null 2> "$WORK/err.log" || { cat "$WORK/err.log"; exit 1; }
  read -r wall user sys rss < "$log"
  cp "$WORK/err.log" "$WORK/$(echo "$label" | tr -c 'A-Za-z0-9+\n' '_').log"
  local stages
  stages=$(sed -n 's/.*stage done stage="\{0,1\}\([a-z ]*\)"\{0,1\} seconds=\([0-9.e+-]*\).*/\1 \2/p' "$WORK/err.log" \
    | awk '{printf "%s %.1f, ", $1, $2}')
  stages="$stages$(grep -o '[0-9,]* stor[a-z]* explained again' "$WORK/err.log" || true)"
  stages="$stages$(sed -n 's/.*furniture paragraphs decided decided=\([0-9]*\) of=\([0-9]*\).*/; furniture paragraphs decided \1 of \2/p' "$WORK/err.log")"
  stages="$stages$(sed -n 's/.*articles digested again digested=\([0-9]*\).*/; articles digested \1/p' "$WORK/err.log")"
  stages="$stages$(sed -n 's/.*articles clustered again (none: in full) reclustered=\([A-Za-z]*(\{0,1\}[0-9]*)\{0,1\}\).*/; stories clustered again: \1/p' "$WORK/err.log")"
  printf '%-34s wall %7.2f s  cpu %7.2f s  peak %5d MiB  %s\n' "$label" "$wall" \
    "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$stages"
}
for BIN in "$@"; do
  name=$(basename "$BIN")
  db="$WORK/$name-base.db"
  rm -f "$db"*
  timed "$name: add $BASE (no analysis)" "$BIN" -q --db "$db" add --no-analyze "$WORK/base.jsonl"
  timed "$name: analyze $BASE" "$BIN" -q "$LOG" --db "$db" analyze
  for n in 1 1000; do
    cp "$db" "$WORK/$name-step.db"
    timed "$name: add $n (no analysis)" "$BIN" -q --db "$WORK/$name-step.db" add --no-analyze "$WORK/add$n.jsonl"
    timed "$name: analyze +$n" "$BIN" -q "$LOG" --db "$WORK/$name-step.db" analyze
    rm -f "$WORK/$name-step.db"*
  done
  rm -f "$db"*
done
