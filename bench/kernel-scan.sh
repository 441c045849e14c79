#!/usr/bin/env bash
# Full-tree benchmark: scans the Linux 6.12 source (Debian's linux-source-6.12) and prints files, functions,
# parse coverage, wall seconds and peak RSS. With --ctags it also counts function definitions with
# Universal Ctags for comparison.
#
#   bench/kernel-scan.sh [--ctags] [--jobs N]
#
# Environment: KERNEL_DIR (default: bench/out/linux-source-6.12, extracted from /usr/src on first use).
# The kernel source is never committed: bench/out/ is ignored by git.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/bench/out"
ctags=0
jobs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ctags) ctags=1 ;;
    --jobs) jobs=(--jobs "$2"); shift ;;
    *) echo "usage: $0 [--ctags] [--jobs N]" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
tarball=/usr/src/linux-source-6.12.tar.xz
kdir="${KERNEL_DIR:-$out/linux-source-6.12}"
if [ ! -d "$kdir" ]; then
  if [ ! -f "$tarball" ]; then
    echo "== installing linux-source-6.12 (apt-get)" >&2
    apt-get update -qq
    apt-get install -y -qq linux-source-6.12 >/dev/null
  fi
  echo "== extracting $tarball into $out" >&2
  tar -C "$out" -xf "$tarball"
fi
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }

# build once outside the measurement
"$here/gfplint" --version >/dev/null

stats="$out/kernel-stats.json"
log="$out/kernel-scan.log"
/usr/bin/time -v "$here/gfplint" scan "$kdir" -q "${jobs[@]}" --stats-json "$stats" >/dev/null 2>"$log" || {
  echo "scan failed:" >&2; tail -n 20 "$log" >&2; exit 1; }
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
python3 - "$stats" "$rss_kb" "$wall" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
rss = int(sys.argv[2]) / 1048576
print(f"files               {s['files']}  (failed {s['filesFailed']}, not UTF-8 {s['filesNotUtf8']})")
print(f"bytes               {s['bytes'] / 1e9:.2f} GB, {s['lines']} lines")
print(f"functions           {s['functions']}")
print(f"fully parsed        {s['functionsFullyParsed']}  ({s['parseCoverage']:.2f}%)")
print(f"statements skipped  {s['statementsSkipped']}, functions given up {s['functionsGivenUp']}")
print(f"internal errors     {s['internalErrors']}")
print(f"wall seconds        {s['wallSeconds']} (scan), {sys.argv[3]} (process, m:ss)")
print(f"peak RSS            {rss:.2f} GiB")
m = s["model"]
pct = lambda a, b: 100.0 * a / b if b else 0.0
print(f"kernel version      {s['kernelVersion']} (from {s['kernelVersionSource']}); flags: {m['flagSource']}")
print(f"allocation sites    {m['allocationSites']}")
print(f"definite __GFP_FS   {m['definiteFs']}  ({pct(m['definiteFs'], m['allocationSites']):.1f}%)")
print(f"definite DIRECT_RECLAIM {m['definiteDirectReclaim']}  ({pct(m['definiteDirectReclaim'], m['allocationSites']):.1f}%)")
print(f"wrapper allocators  {m['wrappers']}")
print(f"calls resolved      {m['resolvedCalls']} of {m['calls']}  ({pct(m['resolvedCalls'], m['calls']):.1f}%), duplicate global names {m['duplicateNames']}")
print(f"model build         {m['buildMillis']} ms (after the scan; included in the process time)")
PY
if [ "$ctags" = 1 ]; then
  command -v ctags >/dev/null || { apt-get install -y -qq universal-ctags >/dev/null; }
  # the issue's reference command; only kind f (function definitions) in .c and .h files is counted
  (cd "$kdir" && ctags -R --c-kinds=f -f "$out/kernel.tags" .)
  n=$(awk -F'\t' '!/^!/ && $2 ~ /\.[ch]$/ { for (i = 4; i <= NF; i++) if ($i == "f") { c++; break } } END { print c + 0 }' "$out/kernel.tags")
  echo "ctags functions     $n  (ctags -R --c-kinds=f; kind f in .c and .h)"
fi
