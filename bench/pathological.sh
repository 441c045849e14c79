#!/usr/bin/env bash
# Wall time and peak RSS of gfplint on pathological C, one file per run, each beside a real bug (bug.c):
#   bench/pathological.sh                 # the launcher's jar (built if needed)
#   bench/pathological.sh OTHER.jar ...   # also these jars, on the same inputs, in the same run
# Inputs (written under bench/out/pathological/, never committed):
#   hugefn     one function of 200,000 `pK = kmalloc(K, GFP_KERNEL);` statements
#   longexpr   one function with `x = a + a + ... + a;` of 300,000 terms
#   manyfn     185,000 small functions in one file (just under the 3,000,000-token limit)
#   defines    a chain of 100,000 #defines, each naming the next
#   stmtexpr   `({ ({ ... }) })` nested 100,000 deep
#   ifnest     #ifdef nested 100,000 deep
#   casts      `x = (int) (int) ... a;` with 20,000 casts (each level made the parser read to the end)
#   strings    `x = "s" "s" ... ;` with 100,000 adjacent literals
# Each run prints: input, bytes, jar, exit code, wall seconds, peak RSS (MiB), and whether bug.c was still
# reported; a run is stopped after LIMIT seconds (default 300; exit "124"). Timings vary with the machine:
# compare jars within one run. Exit 1 if a run of the launcher's jar failed to report the bug, exited 3 or
# was stopped. Needs python3, timeout and /usr/bin/time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# the JVM options of the launcher (cli/jvm.options)
read -r -a jvm_opts <<< "$(grep -v '^[[:space:]]*#' "$here/cli/jvm.options" | tr '\n' ' ')"
out="$here/bench/out/pathological"
mkdir -p "$out"
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
"$here/gfplint" --version >/dev/null # builds the jar once, outside the measurement
jars=("$here/cli/target/gfplint.jar" "$@")

python3 - "$out" <<'PY'
import os, sys
d = sys.argv[1]
bug = 'void bug(void)\n{\n\tp = kmalloc(1, GFP_ATOMIC | __GFP_NOFAIL);\n}\n'
inputs = {
    'hugefn': 'void hugefn(void)\n{\n' + ''.join('\tp%d = kmalloc(%d, GFP_KERNEL);\n' % (k, k) for k in range(200000)) + '}\n',
    'longexpr': 'void longexpr(void)\n{\n\tx = ' + ' + '.join(['a'] * 300000) + ';\n}\n',
    'manyfn': ''.join('void f%d(void)\n{\n\tp = kmalloc(%d, GFP_KERNEL);\n}\n' % (k, k) for k in range(185000)),
    'defines': ''.join('#define GFP_CHAIN_%d GFP_CHAIN_%d\n' % (k, k + 1) for k in range(100000))
               + '#define GFP_CHAIN_100000 GFP_KERNEL\nvoid chained(void)\n{\n\tp = kmalloc(1, GFP_CHAIN_0);\n}\n',
    'stmtexpr': 'void se(void)\n{\n\tx = ' + '({ ' * 100000 + '1;' + ' })' * 100000 + ';\n}\n',
    'ifnest': ''.join('#ifdef C%d\n' % k for k in range(100000)) + 'int inner(void)\n{\n\treturn 1;\n}\n'
              + '#else\nint x;\n#endif\n' * 100000,
    'casts': 'void casts(void)\n{\n\tx = ' + '(int) ' * 20000 + 'a;\n}\n',
    'strings': 'void strings(void)\n{\n\tx = ' + '"s" ' * 100000 + ';\n}\n',
}
for name, text in inputs.items():
    t = os.path.join(d, name)
    os.makedirs(t, exist_ok=True)
    with open(os.path.join(t, 'bug.c'), 'w') as f: f.write(bug)
    with open(os.path.join(t, name + '.c'), 'w') as f: f.write(text)
PY

status=0
printf '%-9s %10s  %-28s %4s %8s %9s  %s\n' input bytes jar exit wall_s rss_MiB bug.c
for name in hugefn longexpr manyfn defines stmtexpr ifnest casts strings; do
  dir="$out/$name"
  bytes=$(stat -c %s "$dir/$name.c")
  for jar in "${jars[@]}"; do
    log="$out/$name.$(basename "$jar").log"
    set +e
    : >"$out/time"
    /usr/bin/time -f '%e %M' -o "$out/time" timeout "${LIMIT:-300}" java "${jvm_opts[@]}" -jar "$jar" scan \
      --no-config --no-color "$dir" >"$log" 2>"$log.err"
    code=$?
    set -e
    wall=-; rss=-
    if last=$(tail -n 1 "$out/time") && [[ "$last" =~ ^([0-9.]+)\ ([0-9]+)$ ]]; then
      wall=${BASH_REMATCH[1]}; rss=$((BASH_REMATCH[2] / 1024))
    fi
    if grep -q 'bug.c:3:' "$log"; then found=yes; else found=NO; fi
    if [ "$jar" = "${jars[0]}" ] && { [ "$found" = NO ] || [ "$code" = 3 ] || [ "$code" = 124 ]; }; then status=1; fi
    printf '%-9s %10s  %-28s %4s %8s %9s  %s\n' "$name" "$bytes" "$(basename "$jar")" "$code" "$wall" "$rss" "$found"
    grep -h "$name.c" "$log.err" | sed 's/^/            /' | cut -c1-160 || true
  done
done
exit $status
