package dev.gfplint.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A call chain as a persistent list (shared tails), so that many chains through the same callers cost
 * little. Chains built bottom-up (from a wrapper down to its allocation) are outermost-first; chains built
 * top-down (from callers into a function) are innermost-first; {@link Model} returns both outermost-first.
 */
public record Trace(Step step, Trace next, int length) {
    /**
     * One call: {@code caller} calls {@code callee} at file:line:col. A step of a path inside one function
     * (a branch taken) has a null caller and its description in {@code callee}.
     */
    public record Step(String caller, String file, int line, int col, String callee) {
        public static Step at(String file, int line, int col, String description) {
            return new Step(null, file, line, col, description);
        }

        /** "f calls g", or the description of a path step. */
        public String describe() {
            return caller == null ? callee : caller + " calls " + callee;
        }

        @Override
        public String toString() {
            return describe() + " (" + file + ":" + line + ")";
        }
    }

    public static Trace of(Step s) {
        return new Trace(s, null, 1);
    }

    /** {@code s} followed by this chain. */
    public Trace after(Step s) {
        return new Trace(s, this, length + 1);
    }

    /** The steps from head to tail. */
    public List<Step> steps() {
        List<Step> out = new ArrayList<>(length);
        for (Trace t = this; t != null; t = t.next) out.add(t.step);
        return out;
    }

    /** The steps from tail to head. */
    public List<Step> reversedSteps() {
        List<Step> out = steps();
        java.util.Collections.reverse(out);
        return out;
    }

    @Override
    public String toString() {
        return String.join(" ; ", steps().stream().map(Step::toString).toList());
    }
}
