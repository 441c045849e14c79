package dev.gfplint.core.pp;

import static dev.gfplint.grammar.KernelC.*;

import dev.gfplint.core.lex.DirectiveKind;
import dev.gfplint.core.lex.IntList;
import dev.gfplint.core.lex.Tok;
import dev.gfplint.core.lex.TokenBuffer;

/**
 * The policy for {@code #if} groups, applied to the token stream before anything is parsed. No
 * configuration is known, so every branch that could be compiled is kept where the result stays
 * well-formed:
 * <ol>
 *   <li>a branch whose condition is the literal {@code 0} is dropped; one whose condition is {@code 1} is
 *       taken and the branches after it are dropped; {@code __cplusplus} is known to be undefined (the
 *       {@code extern "C" {} of a shared header is not C);</li>
 *   <li>a group with one live branch keeps it;</li>
 *   <li>when every live branch is balanced (braces, parentheses and brackets) and the group stands between
 *       statements (after ; { } : ) or else, each branch ending with ; or }), then
 *       <ul><li>inside braces, the branches become {@code if (PP_COND) { ... } else if (PP_COND) { ... } else
 *       { ... }}, so a function body analyses the #if and the #else code as alternative paths;</li>
 *       <li>at file scope, the branches are all kept one after the other (both definitions of a function
 *       defined differently under #ifdef CONFIG_X and #else are seen);</li></ul></li>
 *   <li>otherwise (a branch opens a brace the other closes, or the group splits an expression or a function
 *       header) only the first live branch is kept, which is the one the author wrote the rest against.</li>
 * </ol>
 * Other directives ({@code #define}, {@code #include}, stray {@code #else}/{@code #endif}) are dropped
 * from the stream; #defines are read separately into the macro table.
 *
 * <p>Groups nested more than {@link #MAX_NESTING} deep keep their first live branch, and so do all the groups
 * inside them, in one flat pass: the policy above recurses once per level, and the input decides the levels.
 */
public final class Conditionals {
    /** #if groups nested deeper than this keep only their first live branch (no recursion beyond it). */
    public static final int MAX_NESTING = 64;

    private final TokenBuffer tb;
    private final int size;         // the file's own tokens; synthetic ones are appended after them
    private final int[] groupEnd;   // for an opening directive: index of its #endif (or size)
    private final int[] nextBranch; // for a group directive: index of the next #elif/#else/#endif of its group
    private int depth;              // brace depth of what has been emitted so far
    private final IntList holes = new IntList(64);
    private int groupsWrapped;
    private int groupsFirstOnly;
    private int nesting;            // #if groups being handled by group(), outermost first
    private int deepGroups;         // groups handled by the flat pass because they nest too deep
    private int firstDeepLine;

    private Conditionals(TokenBuffer tb) {
        this.tb = tb;
        int n = tb.size();
        size = n;
        groupEnd = new int[n];
        nextBranch = new int[n];
        int[] stack = new int[64];
        int[] lastBranch = new int[64];
        int sp = 0;
        for (int i = 0; i < n; i++) {
            if (tb.type(i) != Tok.DIRECTIVE) continue;
            DirectiveKind k = tb.directiveKind(i);
            if (k.opensGroup()) {
                if (sp == stack.length) {
                    stack = java.util.Arrays.copyOf(stack, sp * 2);
                    lastBranch = java.util.Arrays.copyOf(lastBranch, sp * 2);
                }
                stack[sp] = i;
                lastBranch[sp] = i;
                sp++;
            } else if (k.continuesGroup() && sp > 0) {
                nextBranch[lastBranch[sp - 1]] = i;
                lastBranch[sp - 1] = i;
            } else if (k == DirectiveKind.ENDIF && sp > 0) {
                sp--;
                nextBranch[lastBranch[sp]] = i;
                groupEnd[stack[sp]] = i;
            }
        }
        while (sp > 0) { // unterminated groups run to the end of the file
            sp--;
            nextBranch[lastBranch[sp]] = n;
            groupEnd[stack[sp]] = n;
        }
    }

    /**
     * The result: token indices in order (synthetic tokens are appended to the buffer), the source ranges
     * left out ([start, end) pairs: directives and branches not taken), and counters.
     */
    public record Result(int[] tokens, int[] holes, int groupsWrapped, int groupsFirstOnly, int deepGroups,
                         int firstDeepLine) {}

    public static Result apply(TokenBuffer tb) {
        Conditionals c = new Conditionals(tb);
        IntList out = new IntList(tb.size());
        c.emit(0, tb.size(), out);
        return new Result(out.toArray(), c.holes.toArray(), c.groupsWrapped, c.groupsFirstOnly, c.deepGroups,
                c.firstDeepLine);
    }

    private void emit(int from, int to, IntList out) {
        int i = from;
        while (i < to) {
            int t = tb.type(i);
            if (t == Tok.DIRECTIVE) {
                if (tb.directiveKind(i).opensGroup()) {
                    if (nesting < MAX_NESTING) {
                        nesting++;
                        group(i, out); // records the holes of the group's own directives
                        nesting--;
                    } else {
                        firstBranches(i, out);
                    }
                    i = groupEnd[i] + 1;
                    continue;
                }
                hole(tb.start(i), tb.end(i));
                i++;
                continue;
            }
            if (t != Tok.DROPPED) {
                out.add(i);
                if (t == LBRACE) depth++;
                else if (t == RBRACE) depth--;
            }
            i++;
        }
    }

    /**
     * The group opened at {@code g} and every group inside it, each keeping its first branch not known to be
     * false: one pass over the tokens with a stack of flags, however deep the groups nest.
     */
    private void firstBranches(int g, IntList out) {
        if (deepGroups++ == 0) firstDeepLine = tb.line(g);
        int end = Math.min(groupEnd[g], size - 1);
        // per open group: bit 0 "this branch is kept", bit 1 "a branch was kept"; live = all kept
        IntList stack = new IntList(16);
        int dead = 0; // how many open groups are not in a kept branch
        for (int i = g; i <= end; i++) {
            int t = tb.type(i);
            if (t == Tok.DIRECTIVE) {
                hole(tb.start(i), tb.end(i));
                DirectiveKind k = tb.directiveKind(i);
                if (k.opensGroup()) {
                    boolean keep = dead == 0 && truth(i) != Truth.FALSE;
                    stack.add(keep ? 3 : 0);
                    if (!keep) dead++;
                } else if (k.continuesGroup() && !stack.isEmpty()) {
                    int top = stack.get(stack.size() - 1);
                    boolean outerLive = dead - ((top & 1) == 0 ? 1 : 0) == 0;
                    boolean keep = outerLive && (top & 2) == 0 && truth(i) != Truth.FALSE;
                    if ((top & 1) == 0 && keep) dead--;
                    if ((top & 1) != 0 && !keep) dead++;
                    stack.set(stack.size() - 1, (keep ? 1 : 0) | (top & 2) | (keep ? 2 : 0));
                } else if (k == DirectiveKind.ENDIF && !stack.isEmpty()) {
                    int top = stack.removeLast();
                    if ((top & 1) == 0) dead--;
                }
                continue;
            }
            if (t == Tok.DROPPED) continue;
            if (dead > 0) {
                hole(tb.start(i), tb.end(i));
                continue;
            }
            out.add(i);
            if (t == LBRACE) depth++;
            else if (t == RBRACE) depth--;
        }
    }

    private enum Truth { FALSE, TRUE, UNKNOWN }

    private Truth truth(int d) {
        DirectiveKind k = tb.directiveKind(d);
        if (k == DirectiveKind.ELSE) return Truth.UNKNOWN;
        // gfplint reads C, never C++: __cplusplus is known to be undefined
        if (k == DirectiveKind.IFDEF || k == DirectiveKind.ELIFDEF) {
            return condition(d).equals("__cplusplus") ? Truth.FALSE : Truth.UNKNOWN;
        }
        if (k == DirectiveKind.IFNDEF || k == DirectiveKind.ELIFNDEF) {
            return condition(d).equals("__cplusplus") ? Truth.TRUE : Truth.UNKNOWN;
        }
        if (k != DirectiveKind.IF && k != DirectiveKind.ELIF) return Truth.UNKNOWN;
        String cond = condition(d);
        if (cond.equals("0") || cond.equals("(0)")) return Truth.FALSE;
        if (cond.equals("1") || cond.equals("(1)")) return Truth.TRUE;
        if (cond.equals("defined(__cplusplus)") || cond.equals("defined __cplusplus")) return Truth.FALSE;
        return Truth.UNKNOWN;
    }

    /** The directive's text after its name, comments removed and white space folded. */
    private String condition(int d) {
        int s = tb.start(d) + 1;
        char[] x = tb.text;
        while (s < tb.end(d) && (x[s] == ' ' || x[s] == '\t')) s++;
        while (s < tb.end(d) && Character.isLetter(x[s])) s++;
        return new dev.gfplint.core.ir.SourceText(x).normalized(s, tb.end(d));
    }

    private void group(int g, IntList out) {
        int end = groupEnd[g];
        // live branches: directive index, output tokens, balanced?
        java.util.List<Integer> dirs = new java.util.ArrayList<>();
        java.util.List<IntList> bodies = new java.util.ArrayList<>();
        boolean allBalanced = true;
        boolean allEndAtBoundary = true;
        int depthBefore = depth;
        boolean taken = false; // a branch known true was seen: the rest are not compiled
        if (end < size) hole(tb.start(end), tb.end(end)); // the #endif
        for (int d = g; d < end; d = nextBranch[d]) {
            hole(tb.start(d), tb.end(d));
            Truth tr = taken ? Truth.FALSE : truth(d);
            if (tr == Truth.FALSE) {
                holeBranch(d, end);
                continue;
            }
            IntList body = new IntList(16);
            depth = depthBefore;
            emit(d + 1, Math.min(nextBranch[d], end), body);
            if (!balanced(body)) allBalanced = false;
            if (!body.isEmpty() && !isBoundary(tb.type(body.last()))) allEndAtBoundary = false;
            if (!body.isEmpty() && tb.type(body.get(0)) == ELSE) allEndAtBoundary = false;
            dirs.add(d);
            bodies.add(body);
            if (tr == Truth.TRUE) taken = true;
            if (nextBranch[d] <= d) break;
        }
        depth = depthBefore;
        if (bodies.isEmpty()) return;
        if (bodies.size() == 1) {
            append(bodies.get(0), out);
            return;
        }
        int prev = out.isEmpty() ? -1 : tb.type(out.last());
        boolean betweenStatements = prev == -1 || prev == SEMI || prev == LBRACE || prev == RBRACE
                || prev == COLON || prev == RPAREN || prev == ELSE;
        if (allBalanced && allEndAtBoundary && betweenStatements) {
            groupsWrapped++;
            if (depthBefore > 0) {
                wrap(dirs, bodies, out);
            } else {
                for (IntList b : bodies) append(b, out);
            }
            return;
        }
        groupsFirstOnly++;
        append(bodies.get(0), out);
        for (int k = 1; k < dirs.size(); k++) holeBranch(dirs.get(k), end);
    }

    private void hole(int start, int end) {
        holes.add(start);
        holes.add(end);
    }

    /** The source of branch d (from its directive to the next one) is not part of the stream. */
    private void holeBranch(int d, int groupEnd) {
        int next = Math.min(nextBranch[d], groupEnd);
        hole(tb.start(d), next < size ? tb.start(next) : tb.text.length); // not a synthetic token's offset
    }

    private void wrap(java.util.List<Integer> dirs, java.util.List<IntList> bodies, IntList out) {
        for (int k = 0; k < bodies.size(); k++) {
            int d = dirs.get(k);
            boolean isElse = tb.directiveKind(d) == DirectiveKind.ELSE;
            if (k > 0) synth(ELSE, d, out);
            if (!isElse) {
                synth(IF, d, out);
                synth(LPAREN, d, out);
                out.add(tb.add(PP_COND, tb.start(d), tb.end(d), tb.line(d), tb.col(d), 0));
                synth(RPAREN, d, out);
            }
            synth(LBRACE, d, out);
            append(bodies.get(k), out);
            synth(RBRACE, d, out);
        }
    }

    private void synth(int type, int at, IntList out) {
        out.add(tb.add(type, tb.start(at), tb.start(at), tb.line(at), tb.col(at), 0));
    }

    private void append(IntList body, IntList out) {
        for (int k = 0; k < body.size(); k++) {
            int t = tb.type(body.get(k));
            if (t == LBRACE) depth++;
            else if (t == RBRACE) depth--;
            out.add(body.get(k));
        }
    }

    private boolean balanced(IntList body) {
        int br = 0;
        int pa = 0;
        int bk = 0;
        for (int k = 0; k < body.size(); k++) {
            switch (tb.type(body.get(k))) {
                case LBRACE: br++; break;
                case RBRACE: if (--br < 0) return false; break;
                case LPAREN: pa++; break;
                case RPAREN: if (--pa < 0) return false; break;
                case LBRACK: bk++; break;
                case RBRACK: if (--bk < 0) return false; break;
                default: break;
            }
        }
        return br == 0 && pa == 0 && bk == 0;
    }

    private static boolean isBoundary(int t) {
        return t == SEMI || t == RBRACE;
    }
}
