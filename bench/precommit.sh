#!/usr/bin/env bash
# Exercises the gfplint pre-commit hook (.pre-commit-hooks.yaml) for real and measures its latency.
#   bench/precommit.sh              # RUNS=5 warm repetitions, TRY_RUNS=5 try-repo repetitions
#   RUNS=10 TRY_RUNS=2 bench/precommit.sh
#   LINUX=/path/to/linux bench/precommit.sh   # also: a git repository holding that tree, warm cache, one-file commits
# It checks, in a throw-away git repository:
#   - `pre-commit try-repo THIS_REPO gfplint --files bad.c` fails and prints bad.c:LINE: of the bug;
#   - the same on a clean file passes;
#   - through a normal config (repo: THIS_REPO, rev: HEAD) with a persistent store, a buggy header
#     fails, a non-C file is skipped, and `git commit` with the installed hook is refused/accepted;
# and prints the wall time of each kind of run (median and min, seconds).
# pre-commit clones THIS_REPO at HEAD (try-repo adds changes to tracked files, never untracked ones),
# so commit .pre-commit-hooks.yaml and the launcher before running this.
# Needs: bash, git, Java 17, Maven; installs Debian's pre-commit with apt-get when it is missing.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-5}"
TRY_RUNS="${TRY_RUNS:-5}"
export PRE_COMMIT_COLOR=never

die() {
  echo >&2
  echo "precommit.sh: FAILED: $*" >&2
  exit 1
}
say() { echo "== $*"; }

# --- (a) pre-commit -------------------------------------------------------------------------------
if ! command -v pre-commit >/dev/null 2>&1; then
  say "pre-commit missing: installing Debian's package"
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "pre-commit is not installed and we are not root (no sudo)"
    sudo="sudo"
  fi
  $sudo apt-get update -q >/dev/null || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q pre-commit >/dev/null \
    || die "apt-get install pre-commit failed"
  command -v pre-commit >/dev/null 2>&1 || die "pre-commit still not on PATH after apt-get install"
fi
say "$(pre-commit --version); $(java -version 2>&1 | head -n 1); $(mvn -B -v 2>/dev/null | head -n 1 | sed 's/\x1b\[[0-9;]*m//g')"

git -C "$repo" cat-file -e HEAD:.pre-commit-hooks.yaml 2>/dev/null \
  || die ".pre-commit-hooks.yaml is not in HEAD of $repo: commit it (pre-commit clones HEAD; untracked files are not in the clone)"
rev="$(git -C "$repo" rev-parse HEAD)"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "precommit.sh: warning: $repo has uncommitted changes to tracked files; try-repo includes them," \
       "the runs through a config with rev: $rev do not" >&2
fi

# --- (b) a throw-away repository ------------------------------------------------------------------
tmp="$(mktemp -d "${TMPDIR:-/tmp}/gfplint-precommit.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
work="$tmp/work"
mkdir -p "$work"
cd "$work"
git init -q -b main .
git config user.email bench@example.invalid
git config user.name "gfplint bench"
git config commit.gpgsign false

cat > bad.c <<'EOF'
#include <linux/slab.h>

/* __GFP_NOFAIL needs direct reclaim: GFP_ATOMIC cannot block, so this contradicts itself. */
void *grab_buffer(size_t n)
{
	return kmalloc(n, GFP_ATOMIC | __GFP_NOFAIL);
}
EOF
bad_line="$(grep -n 'kmalloc(' bad.c | cut -d: -f1)"

cat > good.c <<'EOF'
#include <linux/slab.h>
#include <linux/vmalloc.h>

/* __vmalloc honours GFP_NOFS since 5.17: a note on the default kernel version, not a warning. */
void *grab_table(size_t n)
{
	void *p = kmalloc(n, GFP_KERNEL);

	if (!p)
		p = __vmalloc(n, GFP_NOFS);
	return p;
}
EOF

cat > bad.h <<'EOF'
#include <linux/slab.h>

static inline void *grab_header(size_t n)
{
	return kzalloc(n, GFP_NOWAIT | __GFP_NOFAIL | __GFP_NORETRY);
}
EOF
bad_h_line="$(grep -n 'kzalloc(' bad.h | cut -d: -f1)"

echo "not C: the hook must skip this" > notes.txt

# one.c: the "one-file change" of the latency runs, a clean file of a realistic size (40 functions).
{
  echo '#include <linux/slab.h>'
  echo '#include <linux/mm.h>'
  for i in $(seq 1 40); do
    cat <<EOF

struct item_$i { int id; void *payload; };

struct item_$i *item_${i}_new(int id, size_t len)
{
	struct item_$i *it = kzalloc(sizeof(*it), GFP_KERNEL);

	if (!it)
		return NULL;
	it->payload = kmalloc(len, GFP_KERNEL | __GFP_NOWARN);
	if (!it->payload) {
		kfree(it);
		return NULL;
	}
	it->id = id;
	return it;
}
EOF
  done
} > one.c
git add -A
git commit -q -m "bench fixtures"

# --- timing helpers -------------------------------------------------------------------------------
now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
stats() { # stats LABEL TIMES... -> "LABEL: median X s, min Y s (n=N: t1 t2 ...)"
  local label="$1"; shift
  printf '%s\n' "$@" | sort -g | awk -v label="$label" -v all="$*" '
    { v[NR] = $1 }
    END {
      med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%-44s median %6.2f s   min %6.2f s   (n=%d: %s)\n", label ":", med, v[1], NR, all
    }'
}
# run_expect RC_KIND LOG CMD... : runs CMD (stdout+stderr to LOG), sets $elapsed; RC_KIND pass|fail
run_expect() {
  local want="$1" log="$2"; shift 2
  local t0 t1 rc=0
  t0="$(now)"
  "$@" >"$log" 2>&1 || rc=$?
  t1="$(now)"
  elapsed="$(secs "$t0" "$t1")"
  if [ "$want" = pass ] && [ "$rc" != 0 ]; then
    cat "$log" >&2; die "expected success (exit 0), got exit $rc: $*"
  fi
  if [ "$want" = fail ] && [ "$rc" = 0 ]; then
    cat "$log" >&2; die "expected failure (non-zero exit), got exit 0: $*"
  fi
}
expect_in() { # expect_in LOG TEXT WHAT
  grep -qF -- "$2" "$1" || { cat "$1" >&2; die "$3: output lacks '$2'"; }
}

# --- (c) try-repo on the buggy file fails and names bad.c:LINE: ------------------------------------
say "try-repo $repo gfplint --files bad.c (try-repo clones into a fresh store: includes the Maven build)"
run_expect fail "$tmp/try-bad.log" pre-commit try-repo "$repo" gfplint --files bad.c
try_bad="$elapsed"
sed -n '/^gfplint/,$p' "$tmp/try-bad.log"
expect_in "$tmp/try-bad.log" "bad.c:$bad_line:" "try-repo on bad.c"
expect_in "$tmp/try-bad.log" "[contradictory-gfp-flags]" "try-repo on bad.c"
expect_in "$tmp/try-bad.log" "Failed" "try-repo on bad.c"
echo "   -> failed as expected, with bad.c:$bad_line: (${try_bad} s)"

# --- (d) try-repo on the clean file passes --------------------------------------------------------
say "try-repo $repo gfplint --files good.c"
run_expect pass "$tmp/try-good.log" pre-commit try-repo "$repo" gfplint --files good.c
try_good="$elapsed"
expect_in "$tmp/try-good.log" "Passed" "try-repo on good.c"
echo "   -> passed as expected (${try_good} s)"

# --- (e1) try-repo latency on a one-file change ---------------------------------------------------
say "latency: try-repo ... --files one.c, $TRY_RUNS runs"
# --verbose shows the hook's output on success too, so the launcher's build message can be counted.
try_times=()
try_builds=0
for _ in $(seq 1 "$TRY_RUNS"); do
  run_expect pass "$tmp/try-one.log" pre-commit try-repo "$repo" gfplint --verbose --files one.c
  try_times+=("$elapsed")
  if grep -qF "gfplint: building the CLI" "$tmp/try-one.log"; then try_builds=$((try_builds + 1)); fi
done
echo "   -> $try_builds of $TRY_RUNS runs built the jar (try-repo never reuses a store)"

# --- (e2) the same hook through a normal config, persistent store ---------------------------------
# This is what a user has: `repo:`/`rev:` in .pre-commit-config.yaml, the clone (and the jar built in
# it) kept in PRE_COMMIT_HOME between runs.
export PRE_COMMIT_HOME="$tmp/pre-commit-home"
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: gfplint
EOF
git add .pre-commit-config.yaml
git commit -q -m "pre-commit config"

say "pre-commit run gfplint --files one.c, first run (clone + Maven build in the store)"
run_expect pass "$tmp/first.log" pre-commit run gfplint --verbose --files one.c
first_run="$elapsed"
expect_in "$tmp/first.log" "gfplint: building the CLI" "first pre-commit run (should build the jar)"
echo "   -> ${first_run} s"

say "pre-commit run: buggy header fails, non-C file is skipped"
run_expect fail "$tmp/hdr.log" pre-commit run gfplint --files bad.h
expect_in "$tmp/hdr.log" "bad.h:$bad_h_line:" "pre-commit run on bad.h"
run_expect pass "$tmp/txt.log" pre-commit run gfplint --files notes.txt
expect_in "$tmp/txt.log" "(no files to check)Skipped" "pre-commit run on notes.txt"
echo "   -> bad.h failed with bad.h:$bad_h_line:, notes.txt skipped"

say "latency: pre-commit run gfplint --files one.c, warm store, $RUNS runs"
warm_times=()
for _ in $(seq 1 "$RUNS"); do
  run_expect pass "$tmp/warm.log" pre-commit run gfplint --verbose --files one.c
  warm_times+=("$elapsed")
  if grep -qF "gfplint: building the CLI" "$tmp/warm.log"; then
    cat "$tmp/warm.log" >&2; die "a warm pre-commit run rebuilt the jar"
  fi
done

# --- (e3) git commit with the installed hook ------------------------------------------------------
say "git commit with the installed hook: a staged bug is refused, one-file commits timed ($RUNS runs)"
pre-commit install >/dev/null
cp bad.c bad2.c
git add bad2.c
run_expect fail "$tmp/commit-bad.log" git commit -m "add a bug"
expect_in "$tmp/commit-bad.log" "bad2.c:$bad_line:" "git commit of bad2.c"
git rm -q --cached bad2.c
rm -f bad2.c
commit_times=()
for i in $(seq 1 "$RUNS"); do
  echo "/* change $i */" >> one.c
  git add one.c
  run_expect pass "$tmp/commit.log" git commit -m "change $i"
  expect_in "$tmp/commit.log" "Passed" "git commit of one.c"
  commit_times+=("$elapsed")
done
echo "   -> commit with bad2.c refused; $RUNS one-file commits accepted"

# --- (e4) the launcher alone ----------------------------------------------------------------------
say "latency: $repo/gfplint scan one.c alone, $RUNS runs"
"$repo/gfplint" scan one.c >/dev/null 2>&1 || die "gfplint scan one.c failed (or found something)"
raw_times=()
for _ in $(seq 1 "$RUNS"); do
  run_expect pass "$tmp/raw.log" "$repo/gfplint" scan one.c
  raw_times+=("$elapsed")
done

# --- (f) a git repository holding a Linux tree: one-file commits with the plain hook, warm cache ----------
linux_times=()
if [ -n "${LINUX:-}" ]; then
  lrepo="$tmp/linux"
  say "a git repository of $LINUX (hard links; git add of the whole tree)"
  cp -al "$LINUX" "$lrepo" 2>/dev/null || cp -a "$LINUX" "$lrepo"
  (cd "$lrepo" && git init -q -b main . && git config user.email bench@example.invalid \
      && git config user.name "gfplint bench" && git config commit.gpgsign false \
      && git add -A -f && git commit -q -m "the tree") || die "could not make a git repository of $LINUX"
  # -f: Debian's linux-source .gitignore ignores everything at the top level ("/*")
  export XDG_CACHE_HOME="$tmp/xdg"
  (cd "$lrepo" && "$repo/gfplint" install-hook >/dev/null) || die "install-hook in the Linux repository failed"
  say "warming the cache: gfplint scan --repo-context (a cold whole-tree scan)"
  run_expect pass "$tmp/linux-warm.log" bash -c "cd '$lrepo' && '$repo/gfplint' scan -q --fail-on none --repo-context ."
  echo "   -> ${elapsed} s"
  # the commits are timed once the warm-up's writes (the cache, 180 MB) are on disk: a developer's commits come
  # long after the cache was filled, not while the kernel is still writing it back
  sync
  target="fs/ext4/inode.c"
  cp "$lrepo/$target" "$lrepo/$target.copy" && mv -f "$lrepo/$target.copy" "$lrepo/$target" # no longer a hard link to $LINUX
  for i in $(seq 1 "$RUNS"); do
    echo "/* change $i */" >> "$lrepo/$target"
    git -C "$lrepo" add -f "$target"
    run_expect pass "$tmp/linux-commit.log" git -C "$lrepo" commit -q -m "change $i"
    linux_times+=("$elapsed")
  done
fi

echo
say "results (wall time, seconds; $(nproc) cores; one.c = $(wc -l < one.c) lines)"
printf '%-44s %6.2f s\n' "try-repo --files bad.c (first, incl. build):" "$try_bad"
printf '%-44s %6.2f s\n' "try-repo --files good.c (incl. build):" "$try_good"
stats "try-repo --files one.c ($try_builds/$TRY_RUNS built)" "${try_times[@]}"
printf '%-44s %6.2f s\n' "pre-commit run, first (clone + build):" "$first_run"
stats "pre-commit run --files one.c (warm)" "${warm_times[@]}"
stats "git commit one.c (installed hook, warm)" "${commit_times[@]}"
stats "gfplint scan one.c (launcher alone)" "${raw_times[@]}"
[ "${#linux_times[@]}" -gt 0 ] && stats "git commit, Linux repository (warm cache)" "${linux_times[@]}"
echo "precommit.sh: all checks passed"
