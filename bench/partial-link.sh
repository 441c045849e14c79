#!/usr/bin/env bash
# Compares the partial link of report-only runs (--repo-context FILE, what the hook does) with the whole link
# (--whole-link) on a git repository of a real tree, file by file: the findings must be byte for byte the same.
#   bench/partial-link.sh REPO [SARIF]
#     REPO:  a git work tree (e.g. a git repository of Linux 6.12: see bench/precommit.sh, LINUX=...)
#     SARIF: a whole-tree scan of it; the files with findings in it are among those compared
#   SAMPLE=30 (random .c and .h files besides those), SEED=1, CACHE=DIR (default: a fresh one, warmed first)
# Prints, per file, the partial run's wall time, how many files it linked (or why it linked them all), and the
# whole link's time; then the medians, and exits 1 on the first file whose findings differ.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="$(cd "$1" && pwd)"
sarif="${2:-}"
SAMPLE="${SAMPLE:-30}"
SEED="${SEED:-1}"
cache="${CACHE:-$(mktemp -d "${TMPDIR:-/tmp}/gfplint-partial.XXXXXX")}"
out="$(mktemp -d "${TMPDIR:-/tmp}/gfplint-partial-out.XXXXXX")"
trap 'rm -rf "$out"' EXIT
g=("$here/gfplint" scan --no-color -q --fail-on none --cache-dir "$cache")
cd "$repo"

t0=$(date +%s.%N)
"${g[@]}" --repo-context . >/dev/null 2>"$out/warm.err"
echo "warm-up (whole tree, keeps the outlines): $(echo "$(date +%s.%N) - $t0" | bc) s"

{
  if [ -n "$sarif" ]; then
    python3 - "$sarif" <<'EOF'
import json, sys
seen = set()
for r in json.load(open(sys.argv[1]))["runs"][0]["results"]:
    u = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    if u not in seen:
        seen.add(u)
        print(u)
EOF
  fi
  git ls-files -- '*.c' '*.h' | python3 -c "
import random, sys
files = sys.stdin.read().split()
random.seed($SEED)
print('\n'.join(random.sample(files, min($SAMPLE, len(files)))))"
} | awk '!seen[$0]++' > "$out/files"

partial=() whole=() n=0 fell=0
while read -r f; do
  [ -f "$f" ] || continue
  n=$((n + 1))
  a=$(date +%s.%N)
  "${g[@]}" --repo-context "$f" >"$out/p.out" 2>"$out/p.err"
  b=$(date +%s.%N)
  "${g[@]}" --whole-link --repo-context "$f" >"$out/w.out" 2>"$out/w.err"
  c=$(date +%s.%N)
  tp=$(echo "$b - $a" | bc); tw=$(echo "$c - $b" | bc)
  partial+=("$tp"); whole+=("$tw")
  how="$(grep -o 'linked [0-9]* of [0-9]* files\|linked all [0-9]* files: .*' "$out/p.err" | head -n 1 || true)"
  case "$how" in "linked all"*) fell=$((fell + 1)) ;; esac
  printf '%-70s %6.2f s  %6.2f s  %3d findings  %s\n' "$f" "$tp" "$tw" "$(grep -c ': \(error\|warning\|note\):' "$out/w.out" || true)" "$how"
  if ! cmp -s "$out/p.out" "$out/w.out"; then
    echo "partial-link.sh: FAILED: the findings of $f differ:" >&2
    diff "$out/w.out" "$out/p.out" >&2 || true
    exit 1
  fi
done < "$out/files"

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "files compared: $n, the same findings in each; linked all files in $fell of them"
echo "median wall time: partial link $(median "${partial[@]}") s, whole link $(median "${whole[@]}") s"
