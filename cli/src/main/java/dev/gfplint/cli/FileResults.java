package dev.gfplint.cli;

import dev.gfplint.core.cache.BinIn;
import dev.gfplint.core.cache.BinOut;
import dev.gfplint.core.ir.Suppression;
import dev.gfplint.core.ir.TranslationUnit;
import dev.gfplint.core.model.FactsCodec;
import dev.gfplint.core.model.FunctionFacts;
import dev.gfplint.core.model.ModelBuilder;
import dev.gfplint.core.scan.Incidents;
import dev.gfplint.core.scan.Scanner;
import dev.gfplint.rules.Finding;
import dev.gfplint.rules.FindingCodec;
import dev.gfplint.rules.RuleRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a scan puts each file's results: the model (its facts), the function rules' findings and the file's
 * suppression comments. With a cache, the same results are written as the file's entry and read back from
 * it on a later scan of the same bytes, so that only changed files are parsed and every file is still part of
 * the program (the model links them all on every run).
 */
final class FileResults {
    private FileResults() {}

    /**
     * The first reading of each file. {@code store}: whether to encode results for the cache; {@code models}, when
     * not null, receives each file's model (for the outlines of {@link dev.gfplint.core.model.ProgramIndex}).
     */
    static Scanner.Sink first(ModelBuilder builder, RuleRunner runner, Map<String, List<Suppression>> suppressions,
                              Incidents incidents, boolean store, Map<String, ModelBuilder.FileModel> models) {
        return new Scanner.Sink() {
            @Override
            public byte[] parsed(TranslationUnit unit) {
                if (!unit.suppressions().isEmpty()) suppressions.put(unit.path(), unit.suppressions());
                ModelBuilder.FileModel fm = builder.summarize(unit);
                builder.add(fm);
                if (models != null) models.put(unit.path(), fm);
                List<Finding> found = runner.onFile(unit);
                if (!store || incidents.failedOn(unit.path())) return null; // a failure is tried, and reported, again
                BinOut o = new BinOut();
                FactsCodec.write(o, fm);
                FindingCodec.write(o, found);
                writeSuppressions(o, unit.suppressions());
                writeIncidents(o, incidents.ofFile(unit.path()));
                return o.toByteArray();
            }

            @Override
            public void cached(String path, byte[] payload) {
                BinIn in = new BinIn(payload, builder.names());
                // all of it is read before any of it is used (arguments are read left to right)
                Read r = BinIn.checked("a file's results", () -> new Read(FactsCodec.read(in), FindingCodec.read(in),
                        readSuppressions(in), readIncidents(in)));
                if (!in.atEnd()) throw new BinIn.Corrupt("trailing bytes after a file's results");
                if (!r.suppressions().isEmpty()) suppressions.put(path, r.suppressions());
                builder.add(r.model());
                if (models != null) models.put(path, r.model());
                runner.add(r.findings());
                incidents.replay(path, r.incidents());
            }
        };
    }

    /** The second reading of the files that call other files' lock wrappers ({@link ModelBuilder#filesToRevisit}). */
    static Scanner.Sink again(ModelBuilder builder, Incidents incidents, boolean store) {
        return new Scanner.Sink() {
            @Override
            public byte[] parsed(TranslationUnit unit) {
                List<FunctionFacts> fs = builder.reanalyze(unit);
                builder.revisited(unit.path(), fs);
                if (!store || incidents.failedOn(unit.path())) return null;
                BinOut o = new BinOut();
                FactsCodec.facts(o, fs);
                writeIncidents(o, incidents.ofFile(unit.path()));
                return o.toByteArray();
            }

            @Override
            public void cached(String path, byte[] payload) {
                BinIn in = new BinIn(payload, builder.names());
                List<FunctionFacts> fs = FactsCodec.facts(in);
                List<Incidents.Recorded> seen = BinIn.checked("a second reading", () -> readIncidents(in));
                if (!in.atEnd()) throw new BinIn.Corrupt("trailing bytes after a file's second reading");
                builder.revisited(path, fs);
                incidents.replay(path, seen);
            }

            @Override
            public String kind(String path) {
                return "revisit\n" + builder.foreignSignature(path);
            }
        };
    }

    /** A file's first reading as the cache holds it. */
    private record Read(ModelBuilder.FileModel model, List<Finding> findings, List<Suppression> suppressions,
                        List<Incidents.Recorded> incidents) {}

    private static void writeIncidents(BinOut o, List<Incidents.Recorded> rs) {
        o.uvar(rs.size());
        for (Incidents.Recorded r : rs) o.var(r.kind()).str(r.key()).var(r.line()).str(r.reason());
    }

    private static List<Incidents.Recorded> readIncidents(BinIn in) {
        int n = in.count(4);
        List<Incidents.Recorded> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new Incidents.Recorded(in.varInt(), in.str(), in.varInt(), in.name()));
        return out;
    }

    private static void writeSuppressions(BinOut o, List<Suppression> ss) {
        o.uvar(ss.size());
        for (Suppression s : ss) {
            o.var(s.line()).var(s.col()).bool(s.fileLevel()).bool(s.ownLine()).strs(s.ruleIds().toArray(new String[0])).str(s.reason());
        }
    }

    private static List<Suppression> readSuppressions(BinIn in) {
        int n = in.count(5);
        List<Suppression> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int line = in.varInt(), col = in.varInt();
            boolean file = in.bool(), own = in.bool();
            String[] ids = in.strs();
            if (ids == null) throw new BinIn.Corrupt("a suppression without rule ids");
            out.add(new Suppression(line, col, file, own, List.of(ids), in.str()));
        }
        return out;
    }
}
