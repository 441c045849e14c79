#!/usr/bin/env bash
# Side by side on one kernel tree: gfplint's sleeping-alloc-in-atomic against Coccinelle's own
# scripts/coccinelle/locks/call_kern.cocci (report mode). Prints each tool's reports, their overlap by file and
# line, wall time and peak RSS. Nothing is written into the tree.
#
#   bench/atomic-vs-cocci.sh /path/to/linux [JOBS]
#
# Needs spatch (apt-get install -y coccinelle) and GNU time. gfplint is run from this checkout (built if needed).
set -euo pipefail
tree=${1:?usage: bench/atomic-vs-cocci.sh /path/to/linux [JOBS]}
jobs=${2:-$(nproc)}
here=$(cd "$(dirname "$0")/.." && pwd)
out=${OUT:-$here/bench/out/atomic-vs-cocci}
mkdir -p "$out"
command -v spatch >/dev/null || { echo "spatch not found: apt-get install -y coccinelle" >&2; exit 2; }
cocci="$tree/scripts/coccinelle/locks/call_kern.cocci"
[ -f "$cocci" ] || { echo "$cocci: not found (is $tree a kernel tree?)" >&2; exit 2; }
"$here/gfplint" --version >/dev/null

echo "== coccinelle: $cocci (report mode, $jobs jobs)"
( cd "$tree" && /usr/bin/time -f "%e %M" -o "$out/cocci.time" \
    spatch --sp-file "$cocci" -D report --dir . --jobs "$jobs" --no-show-diff --very-quiet \
    > "$out/cocci.txt" 2> "$out/cocci.err" ) || true
echo "== gfplint: sleeping-alloc-in-atomic only"
( cd "$tree" && /usr/bin/time -f "%e %M" -o "$out/gfplint.time" \
    "$here/gfplint" scan --no-color -q -j "$jobs" --fail-on none \
      --disable vmalloc-nofs,contradictory-gfp-flags,unpaired-memalloc-scope,gfp-kernel-in-nofs-region . \
    > "$out/gfplint.txt" 2> "$out/gfplint.err" ) || true

python3 - "$out" <<'PY'
import re, sys, os
out = sys.argv[1]
def norm(p):
    return os.path.normpath(p.lstrip("./"))
cocci = []
for line in open(os.path.join(out, "cocci.txt"), errors="replace"):
    m = re.match(r"(\S+?):(\d+):\d+-\d+: (ERROR: .*)", line.strip())
    if m: cocci.append((norm(m.group(1)), int(m.group(2)), m.group(3)))
gl = []
for line in open(os.path.join(out, "gfplint.txt"), errors="replace"):
    m = re.match(r"(\S+?):(\d+):\d+: (error|warning|note): (.*) \[sleeping-alloc-in-atomic\]$", line.strip())
    if m: gl.append((norm(m.group(1)), int(m.group(2)), m.group(3), m.group(4)))
def tm(name):
    t = open(os.path.join(out, name)).read().split()
    return float(t[0]), int(t[1]) / 1024
print(f"coccinelle call_kern.cocci: {len(cocci)} reports, {tm('cocci.time')[0]:.1f} s wall, {tm('cocci.time')[1]:.0f} MiB peak RSS")
for c in cocci: print(f"  {c[0]}:{c[1]}: {c[2][:160]}")
print(f"gfplint sleeping-alloc-in-atomic: {len(gl)} reports "
      f"({sum(1 for g in gl if g[2]=='error')} errors, {sum(1 for g in gl if g[2]=='warning')} warnings, "
      f"{sum(1 for g in gl if g[2]=='note')} notes), {tm('gfplint.time')[0]:.1f} s wall, {tm('gfplint.time')[1]:.0f} MiB peak RSS")
# Overlap: same file, lines within 30 of each other (cocci reports the call, gfplint the call or the allocation).
both = [(c, g) for c in cocci for g in gl if c[0] == g[0] and abs(c[1] - g[1]) <= 30]
print(f"overlap (same file, within 30 lines): {len(both)}")
for c, g in both: print(f"  {c[0]}:{c[1]} ~ {g[0]}:{g[1]}")
PY
