#!/usr/bin/env bash
# Runs the Spark driver on local[2] and `wiretrace trace` over the same inputs and checks they agree.
#   spark/check_against_trace.sh WIRETRACE_BIN WORKDIR INPUT...
# Needs python3 with pyspark (and Java 17) on PATH.
set -euo pipefail
bin=$(realpath "$1"); work=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"; mkdir -p "$work"
"$bin" --quiet trace "$@" --out "$work/trace.json" >/dev/null
python3 "$here/wiretrace_spark.py" --master 'local[2]' --wiretrace "$bin" --out "$work/spark" "$@"
"$bin" --quiet --db "$work/spark.db" import "$work/spark/final"
"$bin" --quiet --db "$work/spark.db" export -o "$work/spark.json"
python3 "$here/compare_results.py" "$work/trace.json" "$work/spark.json"
