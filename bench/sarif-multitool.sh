#!/usr/bin/env bash
# Checks gfplint's SARIF with Microsoft's SARIF Multitool (`validate`), the validator behind the SARIF web
# validator that GitHub's code-scanning docs point to. Beyond the 2.1.0 JSON schema it runs the SARIF rules
# (SARIF1xxx/2xxx) and the GitHub Advanced Security ingestion rules (GHxxxx), which catch what the schema allows
# but code scanning rejects or drops (a rule without fullDescription, for example).
#
#   bench/sarif-multitool.sh [FILE.sarif...]
#
# Without arguments it scans testdata/ (every rule, code flows included) and a clean one-file tree (results
# must be []), and validates both. With arguments it validates those files instead.
#
# Exit status: 0 no error-level validation result; 1 error-level results (listed above the summary);
# 2 the Multitool could not be installed or run, or gfplint itself failed.
#
# The validator's own exit status does not tell: `validate` exits 0 even when it reports errors, also with
# --rich-return-code (microsoft/sarif-sdk#1799: the code says whether the tool ran, the log says whether
# the file is valid). So this script writes the validation log (-o) and counts its error-level results.
#
# Environment:
#   SARIF_MULTITOOL_VERSION  npm version of @microsoft/sarif-multitool (default 5.7.0)
#   SARIF_RULE_KINDS         --rule-kind for validate (default "Sarif;Ghas": SARIF rules + GitHub ingestion)
#   GFPLINT_CACHE            where to install it (default ${XDG_CACHE_HOME:-$HOME/.cache}/gfplint), outside the repo
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${SARIF_MULTITOOL_VERSION:-5.7.0}"
rule_kinds="${SARIF_RULE_KINDS:-Sarif;Ghas}"
cache="${GFPLINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gfplint}"
prefix="$cache/sarif-multitool-$version"

die() { echo "sarif-multitool: FAILED: $*" >&2; exit 2; }

# --- the Multitool, installed once per version into the cache -------------------------------------------------
command -v node >/dev/null || die "node is not on PATH (Node.js and npm are needed to install the SARIF Multitool)"
command -v npm >/dev/null || die "npm is not on PATH (needed to install @microsoft/sarif-multitool)"
# The package's main module is the path of the native binary for this platform (from the -linux/-darwin/-win32
# optional dependency).
tool_path() { node -e 'process.stdout.write(require(process.argv[1]))' "$1/node_modules/@microsoft/sarif-multitool" 2>/dev/null; }
tool="$(tool_path "$prefix" || true)"
if [ -z "$tool" ] || [ ! -f "$tool" ]; then
  echo "== installing @microsoft/sarif-multitool@$version into $prefix" >&2
  mkdir -p "$cache"
  tmp="$(mktemp -d "$cache/.sarif-multitool-install.XXXXXX")"
  # Installed into a scratch folder and moved into place only when complete, so an interrupted install is
  # never taken for a good one.
  if ! npm install --prefix "$tmp" --no-audit --no-fund --no-save --loglevel=error \
      "@microsoft/sarif-multitool@$version" >"$tmp.log" 2>&1; then
    cat "$tmp.log" >&2
    rm -rf "$tmp" "$tmp.log"
    die "npm could not install @microsoft/sarif-multitool@$version (see above)"
  fi
  rm -f "$tmp.log"
  tool="$(tool_path "$tmp" || true)"
  [ -n "$tool" ] && [ -f "$tool" ] || { rm -rf "$tmp"; die "installed @microsoft/sarif-multitool@$version has no binary for $(uname -sm)"; }
  rm -rf "$prefix"
  mv "$tmp" "$prefix"
  tool="$(tool_path "$prefix")"
fi
# npm may skip the platform package's postinstall (chmod u+x) when install scripts are not allowed.
[ -x "$tool" ] || chmod u+x "$tool" 2>/dev/null || die "$tool is not executable"
# The Multitool is a self-contained .NET program; invariant globalization spares it a dependency on libicu.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
tool_version="$("$tool" --version 2>&1 | head -n 1)" || die "$tool does not run: $tool_version"

# --- the SARIF files ---------------------------------------------------------------------------------------------
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
files=()
if [ $# -gt 0 ]; then
  for f in "$@"; do
    [ -f "$f" ] || die "no such file: $f"
    files+=("$f")
  done
else
  # The launcher builds cli/target/gfplint.jar when it is missing or older than the sources.
  "$here/gfplint" --version >/dev/null || die "could not build or start gfplint (see above)"
  scan() { # scan OUT PATH: exit 0 (clean) and 1 (findings) are both a written report; 2 and 3 are failures
    local code=0
    "$here/gfplint" scan -q --format sarif -o "$1" "$2" >/dev/null 2>"$work/scan.err" || code=$?
    if [ "$code" -gt 1 ] || [ ! -s "$1" ]; then
      cat "$work/scan.err" >&2
      die "gfplint scan $2 exited $code (2 = usage error, 3 = internal error)"
    fi
  }
  scan "$work/testdata.sarif" "$here/testdata"
  mkdir -p "$work/clean"
  printf 'static int add_one(int x)\n{\n\treturn x + 1;\n}\n' >"$work/clean/clean.c"
  scan "$work/clean.sarif" "$work/clean"
  files=("$work/testdata.sarif" "$work/clean.sarif")
fi

# --- validate ----------------------------------------------------------------------------------------------------
log="$work/validation.sarif"
echo "== $tool_version: validate --rule-kind \"$rule_kinds\" ${files[*]}"
code=0
"$tool" validate "${files[@]}" --output "$log" --log ForceOverwrite --rule-kind "$rule_kinds" || code=$?
[ "$code" -eq 0 ] || die "the Multitool exited $code: it did not run to the end (bad option or unreadable input)"
[ -s "$log" ] || die "the Multitool wrote no validation log"

# Count results by their effective level: the result's own, else its rule's default, else "warning".
node - "$log" <<'JS'
const fs = require('fs');
const log = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const counts = { error: 0, warning: 0, note: 0, none: 0 };
let failedRuns = 0;
for (const run of log.runs || []) {
  const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
  const byId = new Map(rules.map((r, i) => [r.id, r]));
  for (const inv of run.invocations || []) if (inv.executionSuccessful === false) failedRuns++;
  for (const res of run.results || []) {
    const rule = (res.ruleIndex !== undefined && rules[res.ruleIndex]) || byId.get(res.ruleId) || {};
    const level = res.level || (rule.defaultConfiguration && rule.defaultConfiguration.level) || 'warning';
    counts[level] = (counts[level] || 0) + 1;
  }
}
const summary = `${counts.error} error(s), ${counts.warning} warning(s), ${counts.note} note(s)`;
if (failedRuns > 0) {
  console.error(`sarif-multitool: FAILED: the Multitool reports an unsuccessful run (${summary})`);
  process.exit(2);
}
if (counts.error > 0) {
  console.error(`sarif-multitool: FAILED: ${summary}; every error above must be fixed for GitHub code scanning`);
  process.exit(1);
}
console.log(`sarif-multitool: OK: ${summary}`);
JS
