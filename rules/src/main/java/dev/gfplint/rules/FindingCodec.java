package dev.gfplint.rules;

import dev.gfplint.core.cache.BinIn;
import dev.gfplint.core.cache.BinOut;
import dev.gfplint.core.model.Trace;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads back a file's findings for the scan's cache (see {@link RuleRunner#onFile}). */
public final class FindingCodec {
    private FindingCodec() {}

    public static void write(BinOut o, List<Finding> fs) {
        o.uvar(fs.size());
        for (Finding f : fs) {
            o.str(f.ruleId()).u8(f.level().ordinal()).str(f.file()).var(f.line()).var(f.col()).str(f.message());
            o.uvar(f.flow().size());
            for (Trace.Step s : f.flow()) o.str(s.caller()).str(s.file()).var(s.line()).var(s.col()).str(s.callee());
        }
    }

    private static final Level[] LEVELS = Level.values();

    /** What {@link #write} wrote; {@link BinIn.Corrupt} for anything else. */
    public static List<Finding> read(BinIn in) {
        int n = in.count(6);
        List<Finding> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String rule = in.name();
            int level = in.u8();
            if (level >= LEVELS.length) throw new BinIn.Corrupt("bad level " + level);
            String file = in.name();
            int line = in.varInt(), col = in.varInt();
            String message = in.name();
            int k = in.count(4);
            List<Trace.Step> flow = new ArrayList<>(k);
            for (int j = 0; j < k; j++) flow.add(new Trace.Step(in.str(), in.name(), in.varInt(), in.varInt(), in.str()));
            out.add(new Finding(rule, LEVELS[level], file, line, col, message, List.copyOf(flow)));
        }
        return out;
    }
}
