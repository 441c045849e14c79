package dev.gfplint.rules;

import dev.gfplint.core.cache.BinIn;
import dev.gfplint.core.cache.BinOut;
import dev.gfplint.core.model.Trace;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads back a file's findings for the scan's cache (see {@link RuleRunner#onFile}). */
public final class FindingCodec {
    private FindingCodec() {}

    /** Raised whenever the layout below changes (2: a finding's mask, context and fix); it is part of the cache key. */
    public static final int FORMAT = 2;

    public static void write(BinOut o, List<Finding> fs) {
        o.uvar(fs.size());
        for (Finding f : fs) {
            o.str(f.ruleId()).u8(f.level().ordinal()).str(f.file()).var(f.line()).var(f.col()).str(f.message());
            o.uvar(f.flow().size());
            for (Trace.Step s : f.flow()) o.str(s.caller()).str(s.file()).var(s.line()).var(s.col()).str(s.callee());
            o.str(f.mask()).str(f.context());
            writeFix(o, f.fix());
        }
    }

    private static void writeFix(BinOut o, Fix x) {
        if (x instanceof Fix.DropOperand d) {
            o.u8(1).str(d.description()).var(d.arg()).str(d.operand());
        } else if (x instanceof Fix.ReplaceOperand r) {
            o.u8(2).str(r.description()).var(r.arg()).str(r.operand()).str(r.with());
        } else if (x instanceof Fix.Scope s) {
            o.u8(3).str(s.description()).var(s.arg()).str(s.operand()).str(s.with()).str(s.save()).str(s.restore())
                    .str(s.variable());
        } else {
            o.u8(0);
        }
    }

    private static Fix readFix(BinIn in) {
        int kind = in.u8();
        return switch (kind) {
            case 0 -> null;
            case 1 -> new Fix.DropOperand(in.name(), in.varInt(), in.name());
            case 2 -> new Fix.ReplaceOperand(in.name(), in.varInt(), in.name(), in.name());
            case 3 -> new Fix.Scope(in.name(), in.varInt(), in.name(), in.name(), in.name(), in.name(), in.name());
            default -> throw new BinIn.Corrupt("bad fix kind " + kind);
        };
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
            String mask = in.str(), context = in.str();
            out.add(new Finding(rule, LEVELS[level], file, line, col, message, List.copyOf(flow), mask, context, readFix(in)));
        }
        return out;
    }
}
