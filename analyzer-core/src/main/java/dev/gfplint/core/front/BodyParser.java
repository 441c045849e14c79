package dev.gfplint.core.front;

import static dev.gfplint.grammar.KernelC.*;

import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.lex.TokenBuffer;
import dev.gfplint.grammar.KernelC;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses one function body. SLL prediction with a bail-out first; on failure LL, which either succeeds or
 * names the token where the body stops being C this grammar knows. The statement around that token is then
 * replaced by one SKIPPED token and the body is parsed again, so a statement the grammar does not know costs
 * only itself; after too many rounds, or when the skipped span would swallow the body, the function is given
 * up. One instance per thread (an ANTLR parser is not thread-safe; its DFA cache is shared and is).
 */
final class BodyParser {
    /** Deeper nesting than this is refused rather than risking the parser's recursion. */
    static final int MAX_NESTING = 400;
    private static final int MAX_ROUNDS = 40;

    private final KernelC parser = new KernelC(null);
    private final IdiomTable idioms;

    BodyParser(IdiomTable idioms) {
        this.idioms = idioms;
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
    }

    record Result(KernelC.FunctionBodyContext tree, int skipped, String gaveUpReason) {}

    Result parse(TokenBuffer tb, int[] seq, int open, int close, Set<String> typedefs) {
        List<KToken> toks = new ArrayList<>(close - open + 2);
        char[] s = tb.text;
        for (int k = open; k <= close; k++) {
            int idx = seq[k];
            int t = tb.type(idx);
            if (t == IDENT && isTypeName(tb, idx, s, typedefs, tb.type(seq[k - 1]),
                    k + 1 <= close ? tb.type(seq[k + 1]) : -1)) {
                t = TYPEDEF_NAME;
            }
            toks.add(new KToken(tb, t, idx));
        }
        if (toks.isEmpty() || toks.get(0).getType() != LBRACE || toks.get(toks.size() - 1).getType() != RBRACE) {
            return new Result(null, 0, "unbalanced braces");
        }
        int depth = nesting(toks);
        if (depth > MAX_NESTING) return new Result(null, 0, "nesting too deep (" + depth + " levels)");
        KToken eof = new KToken(tb, Token.EOF, -1);
        toks.add(eof);

        int lastSpanStart = -2;
        int level = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Object r = attempt(toks);
            if (r instanceof KernelC.FunctionBodyContext) {
                int skipped = 0;
                for (KToken k : toks) if (k.getType() == SKIPPED) skipped++;
                return new Result((KernelC.FunctionBodyContext) r, skipped, null);
            }
            int err = (Integer) r;
            level = (err >= lastSpanStart && err <= lastSpanStart + 1) ? level + 1 : 0;
            int[] span = span(toks, err, level);
            if (span == null) return new Result(null, 0, "no statement boundary around the error");
            List<KToken> parts = new ArrayList<>();
            for (KToken t : toks.subList(span[0], span[1] + 1)) {
                if (t.parts != null) parts.addAll(t.parts);
                else parts.add(t);
            }
            KToken skipped = new KToken(tb, SKIPPED, parts.get(0).idx, parts);
            List<KToken> next = new ArrayList<>(toks.size());
            next.addAll(toks.subList(0, span[0]));
            next.add(skipped);
            next.addAll(toks.subList(span[1] + 1, toks.size()));
            toks = next;
            lastSpanStart = span[0];
        }
        return new Result(null, 0, "more than " + MAX_ROUNDS + " unparsable statements");
    }

    private boolean isTypeName(TokenBuffer tb, int idx, char[] s, Set<String> typedefs, int prev, int next) {
        int a = tb.start(idx);
        int b = tb.end(idx);
        // where only a variable can stand, a name is not a type whatever tables say (&dev->lock, xe = ...)
        if (prev == DOT || prev == ARROW || prev == AMP) return false;
        if (next == ARROW || next == DOT || next == ASSIGN || next == INC || next == DEC || next == LBRACK
                || (next >= MUL_ASSIGN && next <= OR_ASSIGN)) {
            return false;
        }
        if (idioms.isTypedef(s, a, b)) return true;
        if (!typedefs.isEmpty() && typedefs.contains(new String(s, a, b - a))) return true;
        // The kernel's convention: lower-case names ending in _t are types. Variables are named so too (dev_t,
        // buf_t), so the guess is taken only where a type stands: before a declarator (`foo_t x`, `foo_t *p`,
        // `foo_t const`) or alone in parentheses or a macro argument (`(foo_t)`, `sizeof(foo_t)`, `min_t(foo_t,`).
        if (b - a <= 2 || s[b - 1] != 't' || s[b - 2] != '_' || !Character.isLowerCase(s[a])) return false;
        if (next == IDENT || next == STAR || next == CONST || next == VOLATILE) return true;
        return (prev == LPAREN || prev == COMMA) && (next == RPAREN || next == COMMA);
    }

    private static int nesting(List<KToken> toks) {
        int d = 0;
        int max = 0;
        for (KToken k : toks) {
            int t = k.getType();
            if (t == LBRACE || t == LPAREN || t == LBRACK) max = Math.max(max, ++d);
            else if (t == RBRACE || t == RPAREN || t == RBRACK) d--;
        }
        return max;
    }

    /** The parse tree, or the index of the offending token. */
    private Object attempt(List<KToken> toks) {
        for (PredictionMode mode : new PredictionMode[] {PredictionMode.SLL, PredictionMode.LL}) {
            parser.setTokenStream(new CommonTokenStream(new ListTokenSource(toks)));
            parser.getInterpreter().setPredictionMode(mode);
            try {
                return parser.functionBody();
            } catch (ParseCancellationException e) {
                if (mode == PredictionMode.LL) {
                    Token off = e.getCause() instanceof RecognitionException
                            ? ((RecognitionException) e.getCause()).getOffendingToken() : null;
                    if (off == null) off = parser.getCurrentToken();
                    return off.getTokenIndex();
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * The token range [start, end] of the statement around the error at {@code err}: back to the previous
     * ';' (outside parentheses), '{' or '}', forward to the next such ';' or to a block that a ')' opens (the
     * block is kept: `weird_header(...) { ... }` loses only its header). At {@code level} > 0 the span
     * widens: paired braces are crossed and {@code level} enclosing blocks are swallowed whole.
     */
    static int[] span(List<KToken> toks, int err, int level) {
        int n = toks.size(); // toks[0] is the body's '{', toks[n-2] its '}', toks[n-1] EOF
        int last = n - 3;
        if (last < 1) return null;
        err = Math.max(1, Math.min(err, last + 1));
        if (err == last + 1) err = last; // error at the final brace: the statement before it is incomplete
        int[] fd = frameDepths(toks);
        int k = err - 1;
        int bd = 0;
        int swallow = level;
        while (k >= 1) {
            int t = toks.get(k).getType();
            if (t == RBRACE) {
                if (level == 0 && bd == 0) break;
                bd++;
            } else if (t == LBRACE) {
                if (bd > 0) bd--;
                else if (swallow > 0) swallow--;
                else break;
            } else if (t == SEMI && bd == 0 && fd[k] == 0) {
                break;
            }
            k--;
        }
        int start = k + 1;
        int need = level - swallow;
        int open = 0;
        int end = -1;
        for (int j = err; j <= last; j++) {
            int t = toks.get(j).getType();
            if (t == LBRACE) {
                if (level == 0 && open == 0 && need == 0 && j > start && toks.get(j - 1).getType() == RPAREN) {
                    end = j - 1;
                    break;
                }
                open++;
            } else if (t == RBRACE) {
                if (open > 0) {
                    open--;
                    if (open == 0 && need == 0 && !continuesAfterBlock(toks.get(j + 1).getType())) {
                        end = j;
                        break;
                    }
                } else if (need > 0) {
                    if (--need == 0) {
                        end = j;
                        break;
                    }
                } else {
                    end = j - 1;
                    break;
                }
            } else if (t == SEMI && open == 0 && need == 0 && fd[j] == 0) {
                end = j;
                break;
            }
        }
        if (end < 0) end = last;
        if (end < start) end = start;
        if (start < 1 || end > last || (start == 1 && end == last && level > 0)) return null;
        return new int[] {start, end};
    }

    private static boolean continuesAfterBlock(int t) {
        return t == ELSE || t == SEMI || t == COMMA || t == RPAREN || t == WHILE;
    }

    /** Parenthesis depth of each token within its innermost brace pair. */
    private static int[] frameDepths(List<KToken> toks) {
        int n = toks.size();
        int[] fd = new int[n];
        int[] stack = new int[16];
        int sp = 0;
        int cur = 0;
        for (int i = 0; i < n; i++) {
            int t = toks.get(i).getType();
            if (t == LBRACE) {
                if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
                stack[sp++] = cur;
                fd[i] = cur;
                cur = 0;
            } else if (t == RBRACE) {
                cur = sp > 0 ? stack[--sp] : 0;
                fd[i] = cur;
            } else if (t == LPAREN || t == LBRACK) {
                fd[i] = cur++;
            } else if (t == RPAREN || t == RBRACK) {
                cur = Math.max(0, cur - 1);
                fd[i] = cur;
            } else {
                fd[i] = cur;
            }
        }
        return fd;
    }
}
