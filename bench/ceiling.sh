#!/usr/bin/env bash
# The machine's ceiling for `--jobs 2`: per round, `--jobs 1` over N records, then two independent
# `--jobs 1` processes over half of them each at once (no hand-offs between threads at all), then
# `--jobs 2` over all N. Prints both speed-ups; the first is the most any `--jobs 2` could reach here.
# Usage: bash bench/ceiling.sh [N=1000000] [ROUNDS=3] [CORPUS]  (after a build; output goes to /dev/null)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
rounds=${2:-3}
corpus=${3:-../shared/corpus/arxiv-2024-ml.jsonl}
[ -f "$corpus" ] || corpus=examples/data/sample-papers.jsonl
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
node bench/generate-jsonl.mjs "$n" "$corpus" > "$dir/all.jsonl"
head -n $((n / 2)) "$dir/all.jsonl" > "$dir/a.jsonl"
tail -n +$((n / 2 + 1)) "$dir/all.jsonl" > "$dir/b.jsonl"
# Wall seconds of one classify run over file $2 with --jobs $1.
run() { /usr/bin/time -f %e -o "$3" node dist/cli.js classify - --format jsonl --jobs "$1" < "$2" > /dev/null 2> /dev/null; }
for round in $(seq "$rounds"); do
  run 1 "$dir/all.jsonl" "$dir/one"
  start=$(date +%s.%N)
  run 1 "$dir/a.jsonl" "$dir/ta" &
  run 1 "$dir/b.jsonl" "$dir/tb"
  wait
  pair=$(echo "$(date +%s.%N) - $start" | bc)
  run 2 "$dir/all.jsonl" "$dir/two"
  one=$(tail -1 "$dir/one")
  two=$(tail -1 "$dir/two")
  printf 'round %s: --jobs 1 %ss; two processes on halves %.2fs (%.2fx); --jobs 2 %ss (%.2fx)\n' "$round" "$one" "$pair" "$(echo "$one / $pair" | bc -l)" "$two" "$(echo "$one / $two" | bc -l)"
done
