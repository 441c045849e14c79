package dev.gfplint.core.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A gfp mask as an expression, before evaluation: what a call passes, what a local holds, what a macro
 * expands to. Names stay unresolved until the whole tree's macros and the flag table are known; parameters
 * stay symbolic so that a function's summary can be applied to what each caller passes.
 *
 * <p>Kinds: CONST ({@link #value}); UNKNOWN; NAME (an identifier: a macro, an enumerator, a global);
 * PARAM ({@link #value} is the parameter index, {@link #name} its name); UNARY and BINARY ({@link #name} is the
 * C operator); COND (condition, then, else); CALL ({@link #name} is the callee; kids are the arguments);
 * CHOICE (one of the kids, depending on the path taken); SCOPED (the kid under the memalloc scopes active
 * where the value is used, i.e. {@code current_gfp_context()}); GUARD (the second kid, on a path that exists
 * only when the first, a branch condition, is true: where the condition is false the value is not there at
 * all, so a caller whose mask fails the test contributes nothing).
 */
public record MaskExpr(Kind kind, String name, long value, List<MaskExpr> kids, int size) {
    public enum Kind { CONST, UNKNOWN, NAME, PARAM, UNARY, BINARY, COND, CALL, CHOICE, SCOPED, GUARD }

    /** Expressions larger than this are not worth keeping symbolically; they become UNKNOWN. */
    public static final int MAX_SIZE = 256;
    /** At most this many alternatives are kept per CHOICE; more collapse to UNKNOWN. */
    public static final int MAX_CHOICES = 8;

    public static final MaskExpr UNKNOWN = new MaskExpr(Kind.UNKNOWN, null, 0, List.of(), 1);

    public static MaskExpr constant(long v) {
        return new MaskExpr(Kind.CONST, null, v, List.of(), 1);
    }

    public static MaskExpr name(String n) {
        return new MaskExpr(Kind.NAME, n, 0, List.of(), 1);
    }

    public static MaskExpr param(int index, String n) {
        return new MaskExpr(Kind.PARAM, n, index, List.of(), 1);
    }

    public static MaskExpr unary(String op, MaskExpr a) {
        if (a.kind == Kind.UNKNOWN) return UNKNOWN;
        return make(Kind.UNARY, op, List.of(a));
    }

    public static MaskExpr binary(String op, MaskExpr a, MaskExpr b) {
        return make(Kind.BINARY, op, List.of(a, b));
    }

    public static MaskExpr cond(MaskExpr c, MaskExpr a, MaskExpr b) {
        return make(Kind.COND, null, List.of(c, a, b));
    }

    public static MaskExpr call(String callee, List<MaskExpr> args) {
        return make(Kind.CALL, callee, List.copyOf(args));
    }

    public static MaskExpr scoped(MaskExpr a) {
        return make(Kind.SCOPED, null, List.of(a));
    }

    /** {@code v} on paths where all of {@code conds} hold; {@code v} itself when there are none. */
    public static MaskExpr guard(List<MaskExpr> conds, MaskExpr v) {
        if (conds.isEmpty() || v.kind == Kind.UNKNOWN) return v;
        MaskExpr c = conds.get(0);
        for (int i = 1; i < conds.size(); i++) c = binary("&&", c, conds.get(i));
        MaskExpr g = make(Kind.GUARD, null, List.of(c, v));
        return g.kind == Kind.UNKNOWN ? v : g;
    }

    public boolean mentionsUnknown() {
        if (kind == Kind.UNKNOWN) return true;
        for (MaskExpr k : kids) if (k.mentionsUnknown()) return true;
        return false;
    }

    /** The parameters the guards in this expression test (not those whose value it carries). */
    public long guardParams() {
        if (kind == Kind.GUARD) return kids.get(0).params() | kids.get(1).guardParams();
        long p = 0;
        for (MaskExpr k : kids) if (k.size > 1) p |= k.guardParams();
        return p;
    }

    /** One of the alternatives (deduplicated, flattened); too many become UNKNOWN. */
    public static MaskExpr choice(List<MaskExpr> alts) {
        Set<MaskExpr> set = new LinkedHashSet<>();
        for (MaskExpr a : alts) {
            if (a.kind == Kind.CHOICE) set.addAll(a.kids);
            else set.add(a);
        }
        if (set.size() == 1) return set.iterator().next();
        if (set.size() > MAX_CHOICES || set.contains(UNKNOWN)) return UNKNOWN;
        return make(Kind.CHOICE, null, new ArrayList<>(set));
    }

    private static MaskExpr make(Kind k, String name, List<MaskExpr> kids) {
        int size = 1;
        for (MaskExpr e : kids) size += e.size;
        if (size > MAX_SIZE) return UNKNOWN;
        return new MaskExpr(k, name, 0, kids, size);
    }

    public MaskExpr kid(int i) {
        return kids.get(i);
    }

    public boolean isUnknown() {
        return kind == Kind.UNKNOWN;
    }

    /** The parameter indices this expression reads, as a bit set (indices of 64 and above are ignored). */
    public long params() {
        if (kind == Kind.PARAM) return value < 64 ? 1L << value : 0;
        long p = 0;
        for (MaskExpr k : kids) p |= k.params();
        return p;
    }

    /** Replaces PARAM nodes by what {@code binding} gives for their index. */
    public MaskExpr substitute(java.util.function.IntFunction<MaskExpr> binding) {
        if (kind == Kind.PARAM) {
            MaskExpr b = binding.apply((int) value);
            return b == null ? this : b;
        }
        if (kids.isEmpty() || params() == 0) return this;
        List<MaskExpr> nk = new ArrayList<>(kids.size());
        for (MaskExpr k : kids) nk.add(k.substitute(binding));
        return rebuild(nk);
    }

    /** Replaces NAME nodes whose name {@code binding} maps (macro parameters during expansion). */
    public MaskExpr substituteNames(java.util.Map<String, MaskExpr> binding) {
        if (kind == Kind.NAME) {
            MaskExpr b = binding.get(name);
            return b == null ? this : b;
        }
        if (kids.isEmpty()) return this;
        List<MaskExpr> nk = new ArrayList<>(kids.size());
        for (MaskExpr k : kids) nk.add(k.substituteNames(binding));
        return rebuild(nk);
    }

    private MaskExpr rebuild(List<MaskExpr> nk) {
        return switch (kind) {
            case CHOICE -> choice(nk);
            case UNARY -> unary(name, nk.get(0));
            default -> make(kind, name, nk);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CONST -> "0x" + Long.toHexString(value);
            case UNKNOWN -> "?";
            case NAME -> name;
            case PARAM -> "$" + value + (name != null ? ":" + name : "");
            case UNARY -> name + paren(kids.get(0));
            case BINARY -> paren(kids.get(0)) + " " + name + " " + paren(kids.get(1));
            case COND -> paren(kids.get(0)) + " ? " + paren(kids.get(1)) + " : " + paren(kids.get(2));
            case CALL -> name + "(" + String.join(", ", kids.stream().map(k -> k.toString()).toList()) + ")";
            case CHOICE -> "one of {" + String.join(" ; ", kids.stream().map(k -> k.toString()).toList()) + "}";
            case SCOPED -> "scoped(" + kids.get(0) + ")";
            case GUARD -> "[" + kids.get(0) + "] " + paren(kids.get(1));
        };
    }

    private static String paren(MaskExpr e) {
        return e.kind == Kind.BINARY || e.kind == Kind.COND ? "(" + e + ")" : e.toString();
    }
}
