package dev.gfplint.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Evaluates {@link MaskExpr}s to {@link Mask}s. An expression may have several values, one per path or per
 * caller (a CHOICE, a parameter bound to what each caller passes); evaluation keeps up to
 * {@link #MAX_VALUES} distinct values and joins them into one beyond that, so "on some path" questions stay
 * answerable while the work stays bounded.
 */
public final class Evaluator {
    public static final int MAX_VALUES = 6;
    private static final int MAX_DEPTH = 40;

    /** What the evaluation of one expression may see. */
    public record Context(String file, IntFunction<List<Mask>> params, int scopesMust, int scopesMay) {
        public static final Context NONE = new Context(null, i -> null, 0, 0);

        public static Context inFile(String file) {
            return new Context(file, i -> null, 0, 0);
        }

        public Context withParams(IntFunction<List<Mask>> p) {
            return new Context(file, p, scopesMust, scopesMay);
        }

        public Context withScopes(int must, int may) {
            return new Context(file, params, must, may);
        }
    }

    private final MacroEnv env;
    private final FlagTable flags;
    private final Map<MacroDef, List<Mask>> objectMacroCache = new HashMap<>();
    private final dev.gfplint.core.scan.Incidents incidents;

    public Evaluator(MacroEnv env, FlagTable flags) {
        this(env, flags, new dev.gfplint.core.scan.Incidents());
    }

    /** {@code incidents}: where a mask whose macros nest deeper than the evaluator follows is noted. */
    public Evaluator(MacroEnv env, FlagTable flags, dev.gfplint.core.scan.Incidents incidents) {
        this.env = env;
        this.flags = flags;
        this.incidents = incidents;
    }

    /** One evaluation: whether it was cut at {@link #MAX_DEPTH}. */
    private static final class Walk {
        boolean cut;
    }

    /** The possible values of {@code e}, at least one (UNKNOWN where no path can produce a value). */
    public List<Mask> eval(MaskExpr e, Context c) {
        List<Mask> v = evalFeasible(e, c);
        return v.isEmpty() ? UNKNOWN : v;
    }

    /**
     * The possible values of {@code e}; empty when every path that produces it is ruled out by a guard in this
     * context (a branch on the caller's mask that this caller's mask fails).
     */
    public List<Mask> evalFeasible(MaskExpr e, Context c) {
        Walk w = new Walk();
        List<Mask> v = eval(e, c, 0, w);
        if (w.cut) {
            incidents.limitOnce(c.file() == null ? "(catalog)" : c.file(), "mask depth", "masks here nest macros or"
                    + " operators deeper than " + MAX_DEPTH + " levels (" + e + " is one); what lies deeper is taken as unknown");
        }
        return v;
    }

    /** All possible values joined into one. */
    public Mask evalJoined(MaskExpr e, Context c) {
        return join(eval(e, c));
    }

    public static Mask join(List<Mask> vs) {
        Mask m = vs.get(0);
        for (int i = 1; i < vs.size(); i++) m = m.join(vs.get(i));
        return m;
    }

    private static final List<Mask> UNKNOWN = List.of(Mask.UNKNOWN);

    private List<Mask> eval(MaskExpr e, Context c, int depth, Walk w) {
        if (depth > MAX_DEPTH) {
            w.cut = true;
            return UNKNOWN;
        }
        switch (e.kind()) {
            case CONST:
                return List.of(Mask.of(e.value()));
            case UNKNOWN:
                return UNKNOWN;
            case PARAM: {
                List<Mask> v = c.params().apply((int) e.value());
                return v == null || v.isEmpty() ? UNKNOWN : v;
            }
            case NAME: {
                MacroDef d = env.lookup(e.name(), c.file());
                if (d == null || d.isFunctionLike()) return UNKNOWN;
                List<Mask> cached;
                synchronized (objectMacroCache) {
                    cached = objectMacroCache.get(d);
                }
                if (cached != null) return cached;
                // A value cut short depends on how deep this use stands, so only whole values are kept: the
                // cache then gives the same answers in whatever order the model and the rules ask.
                Walk inner = new Walk();
                List<Mask> v = eval(d.body(), Context.inFile(c.file()), depth + 1, inner);
                if (inner.cut) {
                    w.cut = true;
                } else {
                    synchronized (objectMacroCache) {
                        objectMacroCache.put(d, v);
                    }
                }
                return v;
            }
            case CHOICE: {
                List<Mask> all = new ArrayList<>();
                for (MaskExpr k : e.kids()) all.addAll(eval(k, c, depth + 1, w));
                return bound(all);
            }
            case GUARD: {
                List<Mask> cond = eval(e.kid(0), c, depth + 1, w);
                if (cond.isEmpty()) return cond;
                Mask cj = join(cond);
                if (cj.isConstant() && cj.value() == 0) return List.of();
                return eval(e.kid(1), c, depth + 1, w);
            }
            case COND: {
                List<Mask> cond = eval(e.kid(0), c, depth + 1, w);
                if (cond.isEmpty()) return cond;
                Mask cj = join(cond);
                if (cj.hasAny(-1L) == Tri.YES) return eval(e.kid(1), c, depth + 1, w);
                if (cj.isConstant() && cj.value() == 0) return eval(e.kid(2), c, depth + 1, w);
                List<Mask> all = new ArrayList<>(eval(e.kid(1), c, depth + 1, w));
                all.addAll(eval(e.kid(2), c, depth + 1, w));
                return bound(all);
            }
            case UNARY: {
                List<Mask> out = new ArrayList<>();
                for (Mask a : eval(e.kid(0), c, depth + 1, w)) out.add(unary(e.name(), a));
                return bound(out);
            }
            case BINARY: {
                List<Mask> l = eval(e.kid(0), c, depth + 1, w);
                List<Mask> r = eval(e.kid(1), c, depth + 1, w);
                List<Mask> out = new ArrayList<>(l.size() * r.size());
                for (Mask a : l) for (Mask b : r) out.add(binary(e.name(), a, b));
                return bound(out);
            }
            case SCOPED: {
                List<Mask> out = new ArrayList<>();
                for (Mask a : eval(e.kid(0), c, depth + 1, w)) out.add(applyScopes(a, c.scopesMust(), c.scopesMay()));
                return bound(out);
            }
            case CALL:
                return call(e, c, depth, w);
            default:
                return UNKNOWN;
        }
    }

    private List<Mask> call(MaskExpr e, Context c, int depth, Walk w) {
        String n = e.name();
        if (n.equals("__GFP_SCOPED") && e.kids().size() == 1) return eval(MaskExpr.scoped(e.kid(0)), c, depth + 1, w);
        MacroDef d = env.lookup(n, c.file());
        if (d == null || !d.isFunctionLike()) return UNKNOWN;
        Map<String, MaskExpr> bind = new HashMap<>();
        List<String> ps = d.params();
        for (int i = 0; i < ps.size(); i++) {
            String p = ps.get(i);
            if (p.equals("...")) {
                bind.put("__VA_ARGS__", i < e.kids().size() ? e.kid(i) : MaskExpr.UNKNOWN);
                break;
            }
            bind.put(p, i < e.kids().size() ? e.kid(i) : MaskExpr.UNKNOWN);
        }
        return eval(d.body().substituteNames(bind), c, depth + 1, w);
    }

    /** The mask the allocator acts on under the given scopes (the kernel's {@code current_gfp_context()}). */
    public Mask applyScopes(Mask m, int must, int may) {
        if (flags == null || (must | may) == 0) return m;
        Mask r = m.without(cleared(must));
        long maybe = cleared(may & ~must);
        if (maybe != 0) r = r.join(r.without(maybe));
        return r;
    }

    /** The bits a set of scopes clears. */
    public long cleared(int scopes) {
        long bits = 0;
        if ((scopes & (Scope.NOFS.bit() | Scope.NOIO.bit())) != 0) bits |= flags.bits(Flag.FS);
        if ((scopes & Scope.NOIO.bit()) != 0) bits |= flags.bits(Flag.IO);
        if ((scopes & Scope.PIN.bit()) != 0) bits |= flags.bits(Flag.MOVABLE);
        if ((scopes & Scope.NORECLAIM.bit()) != 0) bits |= flags.bits(Flag.DIRECT_RECLAIM);
        return bits;
    }

    private static final Mask BOOL = new Mask(0, ~1L);

    private static Mask unary(String op, Mask a) {
        return switch (op) {
            case "~" -> a.not();
            case "-" -> a.isConstant() ? Mask.of(-a.value()) : Mask.UNKNOWN;
            case "!" -> a.isConstant() ? Mask.of(a.value() == 0 ? 1 : 0) : a.hasAny(-1L) == Tri.YES ? Mask.ZERO : BOOL;
            default -> Mask.UNKNOWN;
        };
    }

    private static Mask binary(String op, Mask a, Mask b) {
        switch (op) {
            case "|": return a.or(b);
            case "&": return a.and(b);
            case "^": return a.xor(b);
            case "<<": return b.isConstant() ? a.shl((int) b.value()) : Mask.UNKNOWN;
            case ">>": return b.isConstant() ? a.shr((int) b.value()) : Mask.UNKNOWN;
            default: break;
        }
        if (!a.isConstant() || !b.isConstant()) {
            if (op.equals("&&") && (isZero(a) || isZero(b))) return Mask.ZERO;
            if (op.equals("||") && (a.hasAny(-1L) == Tri.YES || b.hasAny(-1L) == Tri.YES)) return Mask.of(1);
            return switch (op) {
                case "==", "!=", "<", ">", "<=", ">=", "&&", "||" -> BOOL;
                case "+" -> (a.one() == 0 && a.zero() == -1L) ? b : (b.isConstant() && b.value() == 0 ? a : Mask.UNKNOWN);
                default -> Mask.UNKNOWN;
            };
        }
        long x = a.value(), y = b.value();
        return switch (op) {
            case "+" -> Mask.of(x + y);
            case "-" -> Mask.of(x - y);
            case "*" -> Mask.of(x * y);
            case "/" -> y == 0 ? Mask.UNKNOWN : Mask.of(Long.divideUnsigned(x, y));
            case "%" -> y == 0 ? Mask.UNKNOWN : Mask.of(Long.remainderUnsigned(x, y));
            case "==" -> Mask.of(x == y ? 1 : 0);
            case "!=" -> Mask.of(x != y ? 1 : 0);
            case "<" -> Mask.of(Long.compareUnsigned(x, y) < 0 ? 1 : 0);
            case ">" -> Mask.of(Long.compareUnsigned(x, y) > 0 ? 1 : 0);
            case "<=" -> Mask.of(Long.compareUnsigned(x, y) <= 0 ? 1 : 0);
            case ">=" -> Mask.of(Long.compareUnsigned(x, y) >= 0 ? 1 : 0);
            case "&&" -> Mask.of(x != 0 && y != 0 ? 1 : 0);
            case "||" -> Mask.of(x != 0 || y != 0 ? 1 : 0);
            default -> Mask.UNKNOWN;
        };
    }

    private static boolean isZero(Mask m) {
        return m.isConstant() && m.value() == 0;
    }

    /** Deduplicates; more than {@link #MAX_VALUES} distinct values are joined into one. Empty stays empty. */
    static List<Mask> bound(List<Mask> vs) {
        if (vs.size() <= 1) return vs;
        LinkedHashSet<Mask> set = new LinkedHashSet<>(vs);
        if (set.size() > MAX_VALUES) return List.of(join(new ArrayList<>(set)));
        return new ArrayList<>(set);
    }
}
