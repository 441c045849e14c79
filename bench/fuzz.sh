#!/usr/bin/env bash
# Coverage-guided fuzzing of gfplint's parser and readers: runs each Jazzer @FuzzTest target in turn and prints one
# line per target (executions, crashes, timeouts, out-of-memory, where the inputs were written).
#
#   bench/fuzz.sh [SECONDS]     # SECONDS in total (default 3600), split evenly across the targets
#
# Environment: FUZZ_TIMEOUT (seconds one input may take, default 10), FUZZ_XMX (the fuzzing JVM's heap, default 1g:
# an input that needs more is reported as out-of-memory), FUZZ_KEEP_GOING (go on after a crash until this many
# distinct ones, by stack trace, default 5; a timeout always ends a target's run), FUZZ_MAX_LEN (libFuzzer's
# -max_len: the largest input it makes, default its own, 4096 bytes or the largest seed; deep recursion and
# quadratic time need inputs of 100 KB and more), FUZZ_TARGETS (names from the table below, to fuzz fewer).
#
# What it does:
#   1. builds the reactor and runs every target over its regression inputs (Jazzer's regression mode, as mvn verify
#      does); it stops there if one fails, since the fuzzing runs start with the same inputs and without JUnit's
#      timeouts;
#   2. per target, `mvn -pl MODULE -am test -Dtest=CLASS#METHOD` with JAZZER_FUZZ=1 and
#        -Djazzer.hooks=true            the instrumentation that junit-platform.properties turns off for regression mode
#        -Djazzer.max_duration=Ns       this target's share of SECONDS
#        -Djazzer.keep_going=N          FUZZ_KEEP_GOING (the JUnit test then passes: findings are read from the log)
#        -Djazzer.internal.arg.N=...    libFuzzer flags: -timeout=FUZZ_TIMEOUT (per input), -print_final_stats=1
#                                       (and -max_len=FUZZ_MAX_LEN)
#        -Djazzer.internal.basedir=...  target/fuzz/NAME: the generated corpus (.cifuzz-corpus, kept between runs;
#                                       rm -rf target/fuzz to start over), the log (fuzz.log) and, first, any crash,
#                                       so nothing is written under src/
#        -Djunit.jupiter.execution.timeout.mode=disabled   the targets' @Timeout guards regression mode only; while
#                                       fuzzing, libFuzzer's -timeout applies to each input instead
#        JAVA_TOOL_OPTIONS=-XmxFUZZ_XMX  so a runaway input is an OutOfMemoryError (Jazzer: "Out of memory")
#      and reads the log: executions from libFuzzer's stat::number_of_executed_units (else "Done N runs", else the
#      last "#N" status line); each "Test unit written to FILE" is a finding: timeout-* a timeout, crash-* a crash
#      (an out-of-memory one when Jazzer reported "Out of memory"; renamed oom-*).
#   3. moves every finding to fuzz-findings/NAME/ (ignored by git) and prints how to keep it as a regression input.
#
# A finding is the raw input (every target takes byte[]), so it can be replayed as it is: copy it into the target's
# regression inputs directory, e.g.
#   cp fuzz-findings/lexer/crash-1234abcd \
#      analyzer-core/src/test/resources/dev/gfplint/core/lex/LexerFuzzTestInputs/lex/string_line_splice
# and mvn verify runs it with the other inputs (and fails until the bug is fixed; a timeout fails after 10 s).
#
# Exit status: 0 when no target crashed, timed out or ran out of memory; 1 otherwise (or when a run failed for
# another reason: see its log); 2 on a usage error.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
total="${1:-3600}"
case "$total" in ''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;; esac
timeout_s="${FUZZ_TIMEOUT:-10}"
xmx="${FUZZ_XMX:-1g}"
keep_going="${FUZZ_KEEP_GOING:-5}"
max_len=()
[ -z "${FUZZ_MAX_LEN:-}" ] || max_len=(-Djazzer.internal.arg.3="-max_len=$FUZZ_MAX_LEN")
work="$root/target/fuzz"
findings="$root/fuzz-findings"

# name  module  class  method
all_targets=(
  "lexer          analyzer-core dev.gfplint.core.lex.LexerFuzzTest                 lex"
  "conditionals   analyzer-core dev.gfplint.core.pp.ConditionalsFuzzTest           apply"
  "island-scanner analyzer-core dev.gfplint.core.front.IslandScannerFuzzTest       scan"
  "body-parser    analyzer-core dev.gfplint.core.front.BodyParserFuzzTest          parse"
  "suppressions   analyzer-core dev.gfplint.core.front.SuppressionCommentsFuzzTest find"
  "scan-pipeline  cli           dev.gfplint.cli.ScanPipelineFuzzTest               scanOneFile"
  "config         cli           dev.gfplint.cli.ConfigFuzzTest                     load"
  "baseline       cli           dev.gfplint.cli.BaselineFuzzTest                   read"
)
targets=()
for t in "${all_targets[@]}"; do
  read -r name _ <<<"$t"
  if [ -z "${FUZZ_TARGETS:-}" ] || [[ " $FUZZ_TARGETS " == *" $name "* ]]; then targets+=("$t"); fi
done
[ ${#targets[@]} -gt 0 ] || { echo "FUZZ_TARGETS='$FUZZ_TARGETS' names no target" >&2; exit 2; }
per=$(( total / ${#targets[@]} ))
[ "$per" -ge 1 ] || per=1

cd "$root"
mkdir -p "$work"
# inputs deleted from src/test/resources stay in target/test-classes until a clean: drop the copies, the build redoes them
find analyzer-core/target/test-classes cli/target/test-classes -type d -name '*FuzzTestInputs' -prune \
  -exec rm -rf {} + 2>/dev/null || true
echo "== building and running the regression inputs of every target (log: target/fuzz/regression.log)" >&2
if ! mvn -B -pl cli -am test -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false \
    >"$work/regression.log" 2>&1; then
  grep -E '^\[ERROR\]' "$work/regression.log" | head -20 >&2 || true
  echo "regression inputs fail (or the build does): fix them or move them out of the Inputs directories first;" \
       "see target/fuzz/regression.log" >&2
  exit 1
fi
grep -E 'Tests run:.*FuzzTest' "$work/regression.log" | sed 's/^\[INFO\] /   /' >&2 || true

# The findings of one fuzzing log, one per line: FILE<TAB>WHAT<TAB>STACK TOP. libFuzzer writes "Test unit written to
# FILE" for each; what happened is told apart, on the JVM's stream, whose lines come in their own order: "== Java
# Exception: ..." and its stack (Jazzer, with keep_going) or the JUnit failure "FuzzTestFindingException: ..." and its
# causes (keep_going=1), one per crash-* file in the same order; "ERROR: libFuzzer: ..." (a timeout, a deadly signal)
# and the stacks of all threads, whose top is taken from the first thread that runs gfplint code and is not waiting.
findings_in() {
  awk '
    function frame(l) { sub(/^[ \t]+at (app\/\/)?/, "", l); return l }
    /Test unit written to / { f = $0; sub(/.*Test unit written to /, "", f); files[++nf] = f; next }
    /^== Java Exception: / { w = $0; sub(/^== Java Exception: /, "", w); jw[++nj] = w; mode = "java"; next }
    /FuzzTestFindingException: / && !(/^Caused by/) && nj < 1 + nf { w = $0; sub(/.*FuzzTestFindingException: /, "", w)
      if (w != jw[nj]) { jw[++nj] = w; mode = "junit" }; next }
    mode == "junit" && /^Caused by: / { mode = "java"; next }
    /ERROR: libFuzzer: / { w = $0; sub(/.*ERROR: libFuzzer: /, "", w); lw[++nl] = w; mode = "threads"; next }
    mode == "java" && jt[nj] == "" && /^[ \t]+at (app\/\/)?dev\.gfplint\./ { jt[nj] = frame($0); next }
    mode == "threads" && /^Thread\[/ { first = ""; next }
    mode == "threads" && /^[ \t]+at / {
      if (first == "") first = $0
      if (lt[nl] == "" && first !~ /(park|wait|sleep|readBytes|accept|epollWait)\(/ && $0 ~ /at (app\/\/)?dev\.gfplint\./)
        lt[nl] = frame($0)
      next
    }
    END {
      j = 0; l = 0
      for (i = 1; i <= nf; i++) {
        n = files[i]; sub(/.*\//, "", n)
        if (n ~ /^crash-/ && j < nj) { j++; print files[i] "\t" jw[j] "\t" jt[j] }
        else if (l < nl) { l++; print files[i] "\t" lw[l] "\t" lt[l] }
        else print files[i] "\t\t"
      }
    }
  ' "$1"
}

rows=()
notes=()
failed=0
for t in "${targets[@]}"; do
  read -r name module class method <<<"$t"
  base="$work/$name"
  log="$base/fuzz.log"
  mkdir -p "$base/tmp"
  rm -f "$base"/crash-* "$base"/timeout-* "$base"/oom-* "$base"/slow-unit-* "$base"/leak-*
  echo "== $name: fuzzing $class#$method for ${per}s (log: target/fuzz/$name/fuzz.log)" >&2
  rc=0
  JAZZER_FUZZ=1 JAVA_TOOL_OPTIONS="-Xmx$xmx -Djava.io.tmpdir=$base/tmp" \
    mvn -B -pl "$module" -am test -Dtest="$class#$method" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.hooks=true -Djazzer.max_duration="${per}s" -Djazzer.keep_going="$keep_going" \
      -Djunit.jupiter.execution.timeout.mode=disabled \
      -Djazzer.internal.basedir="$base" -Djazzer.internal.arg.0=fuzz \
      -Djazzer.internal.arg.1=-print_final_stats=1 -Djazzer.internal.arg.2="-timeout=$timeout_s" "${max_len[@]}" \
      >"$log" 2>&1 || rc=$?
  rm -rf "$base/tmp"

  execs=$(grep -a -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || true)
  [ -n "$execs" ] || execs=$(grep -a -oE '^Done [0-9]+ runs' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  [ -n "$execs" ] || execs=$(grep -a -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
  [ -n "$execs" ] || execs=0

  crashes=0; timeouts=0; ooms=0; written=()
  while IFS=$'\t' read -r f what top; do
    [ -f "$f" ] || continue
    b=$(basename "$f")
    case "$b" in
      timeout-*) timeouts=$((timeouts + 1)) ;;
      oom-*) ooms=$((ooms + 1)) ;;
      crash-*)
        if [[ "$what" == *"Out of memory"* ]]; then ooms=$((ooms + 1)); b="oom-${b#crash-}"; else crashes=$((crashes + 1)); fi ;;
      *) continue ;;
    esac
    mkdir -p "$findings/$name"
    mv "$f" "$findings/$name/$b"
    written+=("fuzz-findings/$name/$b")
    notes+=("$name: fuzz-findings/$name/$b: ${what:-see target/fuzz/$name/fuzz.log}${top:+ (at $top)}")
    notes+=("    keep it: cp fuzz-findings/$name/$b $module/src/test/resources/$(echo "$class" | tr . /)Inputs/$method/")
  done < <(findings_in "$log")

  status=ok
  if [ $((crashes + timeouts + ooms)) -gt 0 ]; then
    status="${written[*]}"; failed=1
  elif [ "$rc" -ne 0 ]; then
    status="mvn failed (exit $rc) without a finding: see target/fuzz/$name/fuzz.log"; failed=1
  fi
  rows+=("$(printf '%-15s %12s %8s %9s %5s  %s' "$name" "$execs" "$crashes" "$timeouts" "$ooms" "$status")")
done

echo
printf '%-15s %12s %8s %9s %5s  %s\n' target executions crashes timeouts oom "inputs written (or ok)"
printf '%s\n' "${rows[@]}"
if [ ${#notes[@]} -gt 0 ]; then
  echo
  printf '%s\n' "${notes[@]}"
fi
exit "$failed"
