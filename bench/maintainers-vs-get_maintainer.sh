#!/usr/bin/env bash
# Compares the maintainers gfplint gives findings with the kernel's scripts/get_maintainer.pl.
#
#   bench/maintainers-vs-get_maintainer.sh KERNEL_TREE [LEVELS]     (LEVELS default: error,warning)
#
# Scans KERNEL_TREE (JSON, the cache as usual), then runs dev.gfplint.cli.MaintainersCompare (test scope), which
# for every file of a finding at LEVELS runs get_maintainer.pl --nogit --nogit-fallback (--sections and
# --rolestats) in the tree and compares sections, their order, and the people and lists. Needs perl.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tree=$(cd "${1:?usage: $0 KERNEL_TREE [LEVELS]}" && pwd)
levels=${2:-error,warning}
cd "$here"
[ -f cli/target/gfplint.jar ] && [ -d cli/target/test-classes ] || mvn -B -q -o install -DskipTests -pl cli -am
[ -d cli/target/test-classes/dev ] || mvn -B -q -o test-compile -pl cli
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
./gfplint scan -q --fail-on none --format json -o "$out/findings.json" "$tree"
cp=cli/target/test-classes:cli/target/gfplint.jar
java -cp "$cp" dev.gfplint.cli.MaintainersCompare "$tree" "$out/findings.json" "$levels"
