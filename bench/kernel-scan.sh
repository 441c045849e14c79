#!/usr/bin/env bash
# Whole-tree scan times with the per-file cache: cold (empty cache), warm (the same tree again) and
# one-touched (one .c file changed), in one run, each with its wall time and peak RSS. Then it checks that
# all three give the same SARIF as a scan without the cache, byte for byte.
#   bench/kernel-scan.sh /path/to/linux            # uses cli/target/gfplint.jar (built if missing)
#   JAR=/path/gfplint.jar bench/kernel-scan.sh /path/to/linux
#   JVM_OPTS="-Xmx3g -XX:+UseParallelGC" JAR=... bench/kernel-scan.sh /path/to/linux   # other JVM options
# The touched file is copied aside and put back at the end (the tree is left as it was).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# the JVM options of the launcher (cli/jvm.options), so that what is measured is what users run
read -r -a jvm_opts <<< "$(grep -v '^[[:space:]]*#' "$repo/cli/jvm.options" | tr '\n' ' ')"
# JVM_OPTS="..." instead, to measure another build as it was run (an older launcher's options)
[ -z "${JVM_OPTS:-}" ] || read -r -a jvm_opts <<< "$JVM_OPTS"
# the warm and touched runs also get cli/jvm-warm.options, as the launcher adds them when the cache holds entries
# (WARM_OPTS="..." instead; WARM_OPTS=" " for none)
warm_opts=()
[ -f "$repo/cli/jvm-warm.options" ] && read -r -a warm_opts <<< "$(grep -v '^[[:space:]]*#' "$repo/cli/jvm-warm.options" | tr '\n' ' ')"
[ -z "${WARM_OPTS:-}" ] || read -r -a warm_opts <<< "$WARM_OPTS"
tree="$(cd "${1:?usage: bench/kernel-scan.sh LINUX_TREE}" && pwd)"
jar="${JAR:-$repo/cli/target/gfplint.jar}"
[ -f "$jar" ] || (cd "$repo" && mvn -B -q -DskipTests -pl cli -am package)
tmp="$(mktemp -d)"
touched="${TOUCH:-fs/ext4/inode.c}"
cp "$tree/$touched" "$tmp/touched.orig"
trap 'cp "$tmp/touched.orig" "$tree/$touched"; rm -rf "$tmp"' EXIT
cd "$tree"
run() { # name, then scan options
  local name="$1"; shift
  local extra=()
  case "$name" in warm|touched) extra=(${warm_opts[@]+"${warm_opts[@]}"}) ;; esac
  /usr/bin/time -f "%e %M" -o "$tmp/$name.time" java "${jvm_opts[@]}" ${extra[@]+"${extra[@]}"} -jar "$jar" scan -q --fail-on none --model-stats \
      --format sarif -o "$tmp/$name.sarif" "$@" . 2> "$tmp/$name.err" || { cat "$tmp/$name.err" >&2; exit 1; }
  read -r wall rss < "$tmp/$name.time"
  printf '%-12s %7.1f s wall  %6.2f GiB peak RSS  %s\n' "$name" "$wall" "$(echo "$rss / 1048576" | bc -l)" \
      "$(grep -o '[0-9]* files ([0-9]* failed)' "$tmp/$name.err" | head -n 1)"
  sed -n 's/^time: /             phases: /p' "$tmp/$name.err"
}
echo "== $(java -version 2>&1 | head -n 1); $(nproc) cores; tree $tree; jar $jar; JVM: ${jvm_opts[*]}; warm and touched also: ${warm_opts[*]:-}"
run no-cache --no-cache
run cold --cache-dir "$tmp/cache"
run warm --cache-dir "$tmp/cache"
echo "/* touched by bench/kernel-scan.sh */" >> "$touched"
run touched --cache-dir "$tmp/cache"
cp "$tmp/touched.orig" "$touched"
java -jar "$jar" cache stats --cache-dir "$tmp/cache"
for r in cold warm; do
  cmp -s "$tmp/no-cache.sarif" "$tmp/$r.sarif" || { echo "kernel-scan.sh: FAILED: $r differs from the scan without the cache" >&2; exit 1; }
done
# the touched file's findings move by no line (a comment appended at the end): the results must be the same
cmp -s "$tmp/no-cache.sarif" "$tmp/touched.sarif" || { echo "kernel-scan.sh: FAILED: touched differs" >&2; exit 1; }
echo "kernel-scan.sh: cold, warm and touched SARIF identical to the scan without the cache"
