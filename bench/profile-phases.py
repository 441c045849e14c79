#!/usr/bin/env python3
"""Where a scan's CPU time goes, from a JFR recording: each execution sample is charged to the phase of its
innermost gfplint (or ANTLR / JDK I/O) frame.
  java -XX:StartFlightRecording=filename=scan.jfr,settings=profile -jar gfplint.jar scan ...
  bench/profile-phases.py scan.jfr
Needs the JDK's `jfr` tool on PATH."""
import collections, json, subprocess, sys

PHASES = [  # (phase, frame prefixes): the first phase with a matching frame, innermost first, wins
    ("cache: read, check, inflate", ["dev.gfplint.core.cache.FileCache.get", "dev.gfplint.core.cache.FileCache.check", "java.util.zip.Inflater"]),
    ("cache: encode, deflate, write", ["dev.gfplint.core.cache.FileCache.put", "dev.gfplint.core.cache.FileCache.encode", "java.util.zip.Deflater"]),
    ("cache: decode entries", ["dev.gfplint.core.cache.BinIn", "dev.gfplint.core.model.FactsCodec.read", "dev.gfplint.core.model.FactsCodec.facts", "dev.gfplint.core.model.FactsCodec.fact", "dev.gfplint.rules.FindingCodec.read", "dev.gfplint.core.scan.CachedFile.read"]),
    ("cache: encode entries", ["dev.gfplint.core.cache.BinOut", "dev.gfplint.core.model.FactsCodec", "dev.gfplint.rules.FindingCodec", "dev.gfplint.core.scan.CachedFile"]),
    ("hashing (SHA-256)", ["sun.security.provider", "java.security.MessageDigest"]),
    ("lexing", ["dev.gfplint.core.lex."]),
    ("#if policy", ["dev.gfplint.core.pp."]),
    ("island scan", ["dev.gfplint.core.front.IslandScanner"]),
    ("parsing (ANTLR prediction)", ["org.antlr.v4.runtime.atn"]),
    ("parsing (ANTLR other)", ["org.antlr.v4.runtime", "dev.gfplint.grammar."]),
    ("parsing (quick parser)", ["dev.gfplint.core.front.QuickParser"]),
    ("parsing (body driver)", ["dev.gfplint.core.front.BodyParser"]),
    ("AST building", ["dev.gfplint.core.front.AstBuilder", "dev.gfplint.core.ir.Expr", "dev.gfplint.core.ir.SourceText"]),
    ("CFG building", ["dev.gfplint.core.ir.CfgBuilder", "dev.gfplint.core.ir."]),
    ("front end (other)", ["dev.gfplint.core.front."]),
    ("per-function facts (values, scopes)", ["dev.gfplint.core.model.FunctionAnalyzer"]),
    ("per-function contexts (locks)", ["dev.gfplint.core.model.ContextFlow"]),
    ("model: link, summaries, contexts", ["dev.gfplint.core.model.ModelBuilder", "dev.gfplint.core.model.Scc"]),
    ("model: evaluation", ["dev.gfplint.core.model."]),
    ("rules", ["dev.gfplint.rules."]),
    ("output (SARIF, text)", ["dev.gfplint.cli.Sarif", "com.contrastsecurity", "com.fasterxml"]),
    ("cli (other)", ["dev.gfplint.cli."]),
    ("reading and listing files", ["dev.gfplint.core.scan.", "sun.nio", "java.nio", "java.io"]),
]

def phase(frames):
    for f in frames:  # innermost first
        for name, prefixes in PHASES:
            if any(f.startswith(p) for p in prefixes):
                return name
    return "JVM, GC and other"

def main(path):
    out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    c = collections.Counter()
    for e in events:
        st = e["values"].get("stackTrace") or {}
        frames = [(fr["method"]["type"]["name"] + "." + fr["method"]["name"]).replace("/", ".") for fr in st.get("frames", [])]
        c[phase(frames)] += 1
    total = sum(c.values())
    print(f"{total} samples (each ~20 ms of one thread's CPU)")
    for name, n in c.most_common():
        print(f"  {name:40s} {n:7d}  {100.0 * n / total:5.1f}%")

if __name__ == "__main__":
    main(sys.argv[1])
