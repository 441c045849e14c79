package dev.gfplint.core.front;

import static dev.gfplint.grammar.KernelC.*;

import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.ir.Stmt;
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
 * Parses one function body. The {@link QuickParser} reads it first, from arrays of token types and offsets
 * (no token object per token), and gives it back when it is not sure to build what ANTLR would; then ANTLR,
 * SLL prediction with a bail-out first; on failure LL, which either succeeds or
 * names the token where the body stops being C this grammar knows. The statement around that token is then
 * replaced by one SKIPPED token and the statement is parsed again, so a statement the grammar does not know
 * costs only itself. A body that does not parse whole is parsed a top-level statement at a time (so an error
 * costs a reparse of its own top-level statement); a top-level statement still unparsable after
 * {@link #MAX_ROUNDS} rounds, or whose skipped span would swallow it, becomes one SKIPPED statement. Only a body
 * whose braces do not match is given up. One instance per thread (an ANTLR parser is not thread-safe; its DFA
 * cache is shared and is).
 */
final class BodyParser {
    /**
     * The deepest parse tree a statement may have (rule invocations plus the operands of a left-recursive chain:
     * {@code a + a + ... + a} is as deep as it is long). Deeper statements are skipped, which bounds every
     * recursive walk of the trees later on (AST, CFG, model) and the parser's own recursion. The deepest
     * statement of Linux 6.12 is far below it (see the README).
     */
    static final int MAX_DEPTH = 2000;
    /**
     * Statements whose braces, parentheses and brackets nest deeper than this are skipped before parsing:
     * besides the depth of the tree, ANTLR's prediction may look ahead through all of the nesting at each
     * level, which costs time and memory quadratic in it.
     */
    static final int MAX_NESTING = 256;
    private static final int MAX_ROUNDS = 40;

    private final DepthLimitedParser parser = new DepthLimitedParser(MAX_DEPTH);
    private final IdiomTable idioms;
    /** Tried on each run of statements before ANTLR; null: ANTLR only. */
    private final QuickParser quick;
    private int quickDeepest;
    /** Runs of statements parsed by the quick parser and by ANTLR, since this parser was made. */
    long quickBodies, antlrBodies;

    BodyParser(IdiomTable idioms) {
        this(idioms, true);
    }

    BodyParser(IdiomTable idioms, boolean quick) {
        this.quick = quick ? new QuickParser() : null;
        this.idioms = idioms;
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        // children lists cut to size as each rule ends: a large function's tree takes a third of the memory
        parser.setTrimParseTree(true);
    }

    /** The deepest parse tree this parser built or began (never more than {@link #MAX_DEPTH} + 1). */
    int deepest() {
        return Math.max(parser.deepest, quickDeepest);
    }

    void resetDeepest() {
        parser.deepest = 0;
        quickDeepest = 0;
    }

    /**
     * {@code tooDeep}: how many statements were skipped because they nest deeper than the limits, and
     * {@code firstTooDeep} the token where the first one passed its limit, {@code whyTooDeep} which limit.
     */
    record Result(Stmt body, int skipped, String gaveUpReason, int tooDeep, KToken firstTooDeep, String whyTooDeep) {
        Result(Stmt body, int skipped, String gaveUpReason) {
            this(body, skipped, gaveUpReason, 0, null, null);
        }
    }

    private static final String NESTING = "brackets nested deeper than " + MAX_NESTING + " levels";
    private static final String CHAINED = "control statements nested deeper than " + MAX_NESTING + " levels without braces";
    private static final String DEPTH = "a parse tree deeper than " + MAX_DEPTH + " levels";

    /** Thrown by the parser when a statement's tree gets deeper than the limit; {@code token}: where. */
    static final class TooDeep extends org.antlr.v4.runtime.misc.ParseCancellationException {
        final int token;

        TooDeep(int token) {
            super("parse tree deeper than " + MAX_DEPTH, null);
            this.token = token;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /**
     * The generated parser, counting the depth of the tree it builds: one level per rule invoked, and one per
     * operand a left-recursive rule wraps (ANTLR turns left recursion into a loop, but the contexts nest).
     */
    static final class DepthLimitedParser extends KernelC {
        private final int limit;
        private int depth;
        private int[] wrapped = new int[256]; // per active rule invocation: how many levels its loop added
        private int sp;
        /** The deepest tree seen since this parser was made (for the statistics). */
        int deepest;

        DepthLimitedParser(int limit) {
            super(null);
            this.limit = limit;
        }

        void resetDepth() {
            depth = 0;
            sp = 0;
        }

        private void push() {
            if (sp == wrapped.length) wrapped = java.util.Arrays.copyOf(wrapped, sp * 2);
            wrapped[sp++] = 0;
            if (++depth > deepest) deepest = depth;
            if (depth > limit) throw new TooDeep(getCurrentToken().getTokenIndex());
        }

        private void pop() {
            if (sp > 0) depth -= 1 + wrapped[--sp];
        }

        @Override
        public void enterRule(org.antlr.v4.runtime.ParserRuleContext localctx, int state, int ruleIndex) {
            push();
            super.enterRule(localctx, state, ruleIndex);
        }

        @Override
        public void enterRecursionRule(org.antlr.v4.runtime.ParserRuleContext localctx, int state, int ruleIndex, int precedence) {
            push();
            super.enterRecursionRule(localctx, state, ruleIndex, precedence);
        }

        @Override
        public void pushNewRecursionContext(org.antlr.v4.runtime.ParserRuleContext localctx, int state, int ruleIndex) {
            if (sp > 0) wrapped[sp - 1]++;
            if (++depth > deepest) deepest = depth;
            if (depth > limit) throw new TooDeep(getCurrentToken().getTokenIndex());
            super.pushNewRecursionContext(localctx, state, ruleIndex);
        }

        @Override
        public void exitRule() {
            pop();
            super.exitRule();
        }

        @Override
        public void unrollRecursionContexts(org.antlr.v4.runtime.ParserRuleContext parentctx) {
            pop();
            super.unrollRecursionContexts(parentctx);
        }
    }

    /** Bodies with more tokens than this are parsed a run of top-level statements at a time (see {@link #parse}). */
    static final int CHUNKED_ABOVE = 100_000;
    /** The least number of tokens in one such run (runs end at a statement boundary). */
    static final int CHUNK = 20_000;

    /** What parsing one body found, over all its runs of statements. */
    private static final class Outcome {
        int skipped;
        int tooDeep;
        KToken firstTooDeep;
        String whyTooDeep;

        void tooDeep(KToken at, String why) {
            if (firstTooDeep == null) {
                firstTooDeep = at;
                whyTooDeep = why;
            }
            tooDeep++;
        }
    }

    /**
     * Parses the body between stream indices {@code open} and {@code close} (its braces) and builds its
     * statements with {@code build}. A body of more than {@link #CHUNKED_ABOVE} tokens is parsed in runs of
     * whole top-level statements, each as a block of its own whose statements are then put together: the
     * parse trees and parser tokens of one run at a time are all that is in memory, and a run the parser gives
     * up on costs that run only. A smaller body is parsed whole; if that fails, each of its top-level
     * statements is parsed on its own, so that each unparsable statement costs a parse of its top-level
     * statement, not of the whole body again.
     */
    Result parse(TokenBuffer tb, int[] seq, int open, int close, Set<String> typedefs, AstBuilder ast) {
        if (close <= open || tb.type(seq[open]) != LBRACE || tb.type(seq[close]) != RBRACE) {
            return new Result(null, 0, "unbalanced braces");
        }
        Outcome o = new Outcome();
        int run = CHUNK;
        if (close - open <= CHUNKED_ABOVE) {
            boolean triedQuick = false;
            if (quick != null) { // first without a parser token object per token: most bodies need none
                QuickParser.Tokens qt = quickTokens(tb, seq, open, close, typedefs);
                if (firstTooDeep(qt.type, qt.size) == null) { // else its statements too deep are skipped first
                    triedQuick = true;
                    Stmt body = quickParse(qt, ast);
                    if (body != null) return new Result(body, 0, null);
                }
            }
            Object r = parseRun(tokens(tb, seq, open + 1, close - 1, open, close, typedefs), tb, o, 1, ast, !triedQuick);
            if (r instanceof Stmt body) {
                return new Result(body, o.skipped, null, o.tooDeep, o.firstTooDeep, o.whyTooDeep);
            }
            o = new Outcome(); // parsed again below, statement by statement
            run = 1;
        }
        List<Stmt> items = new ArrayList<>();
        Stmt first = null;
        int from = open + 1;
        while (from < close) {
            int to = runEnd(tb, seq, from, close, run);
            List<KToken> toks = tokens(tb, seq, from, to, open, close, typedefs);
            Object r = parseRun(toks, tb, o, MAX_ROUNDS, ast, true);
            if (r instanceof String) { // the run costs itself: one skipped statement
                toks = replace(toks, new int[] {1, toks.size() - 3}, tb);
                r = parseRun(toks, tb, o, 1, ast, true);
            }
            if (r instanceof Stmt block) {
                if (first == null) first = block;
                items.addAll(block.body);
            }
            from = to + 1;
        }
        Stmt body = new Stmt(Stmt.Kind.BLOCK, first != null ? first.pos
                : new dev.gfplint.core.ir.SourcePos(tb.line(seq[open]), tb.col(seq[open])));
        body.body = items;
        return new Result(body, o.skipped, null, o.tooDeep, o.firstTooDeep, o.whyTooDeep);
    }

    /** Receives the parser tokens of a run: type, and the stream indices of its first and last token. */
    private interface TokenSink {
        void add(int type, int first, int last);
    }

    /**
     * The parser's tokens for stream indices [from, to] between the body's braces {@code open} and {@code close},
     * with identifiers that stand for types marked, in order: each one token of the stream, but adjacent string
     * literals, which are one (C joins them before parsing; as one token they spare the parser a choice it
     * could only make by reading to the end of the run, at each string).
     */
    private void tokens(TokenBuffer tb, int[] seq, int from, int to, int close, Set<String> typedefs, TokenSink sink) {
        char[] s = tb.text;
        for (int k = from; k <= to; k++) {
            int idx = seq[k];
            int t = tb.type(idx);
            if (t == STRING && k < to && tb.type(seq[k + 1]) == STRING) {
                int first = k;
                while (k < to && tb.type(seq[k + 1]) == STRING) k++;
                sink.add(STRING, first, k);
                continue;
            }
            if (t == IDENT && isTypeName(tb, idx, s, typedefs, tb.type(seq[k - 1]),
                    k + 1 <= close ? tb.type(seq[k + 1]) : -1)) {
                t = TYPEDEF_NAME;
            }
            sink.add(t, k, k);
        }
    }

    /** {@link #tokens(TokenBuffer, int[], int, int, int, Set, TokenSink)} as parser token objects, with the braces and EOF. */
    private List<KToken> tokens(TokenBuffer tb, int[] seq, int from, int to, int open, int close, Set<String> typedefs) {
        List<KToken> toks = new ArrayList<>(to - from + 4);
        toks.add(new KToken(tb, LBRACE, seq[open]));
        tokens(tb, seq, from, to, close, typedefs, (t, first, last) -> {
            if (first == last) {
                toks.add(new KToken(tb, t, seq[first]));
                return;
            }
            List<KToken> parts = new ArrayList<>(last - first + 1);
            for (int k = first; k <= last; k++) parts.add(new KToken(tb, STRING, seq[k]));
            toks.add(new KToken(tb, STRING, seq[first], parts));
        });
        toks.add(new KToken(tb, RBRACE, seq[close]));
        toks.add(new KToken(tb, Token.EOF, -1));
        return toks;
    }

    /** The same tokens for the whole body [open, close], as the quick parser's arrays (no object per token). */
    private QuickParser.Tokens quickTokens(TokenBuffer tb, int[] seq, int open, int close, Set<String> typedefs) {
        QuickParser.Tokens q = new QuickParser.Tokens(tb, close - open + 2);
        q.add(LBRACE, seq[open], tb.end(seq[open]), null);
        // a joined string ends where its last part does, as KToken.endOffset says
        tokens(tb, seq, open + 1, close - 1, close, typedefs, (t, first, last) ->
                q.add(t, seq[first], Math.max(tb.end(seq[first]), tb.end(seq[last])), null));
        q.add(RBRACE, seq[close], tb.end(seq[close]), null);
        q.add(Token.EOF, -1, 0, null);
        return q;
    }

    /** The end (inclusive) of a run of top-level statements from {@code from} of at least {@code size} tokens. */
    private static int runEnd(TokenBuffer tb, int[] seq, int from, int close, int size) {
        int depth = 0;
        for (int k = from; k < close; k++) {
            int t = tb.type(seq[k]);
            if (t == LBRACE || t == LPAREN || t == LBRACK) depth++;
            else if (t == RBRACE || t == RPAREN || t == RBRACK) depth = Math.max(0, depth - 1);
            if (k - from + 1 >= size && depth == 0 && (t == SEMI || t == RBRACE)
                    && !continuesAfterBlock(tb.type(seq[k + 1]))) {
                return k;
            }
        }
        return close - 1;
    }

    /**
     * Parses one block of tokens ({@code toks}: '{', the statements, '}', EOF), skipping what cannot be parsed
     * statement by statement, in at most {@code rounds} attempts: the parse tree, or why the block was given up.
     */
    private Object parseRun(List<KToken> toks, TokenBuffer tb, Outcome o, int rounds, AstBuilder ast, boolean tryQuick) {
        int lastSpanStart = -2;
        int level = 0;
        for (int[] span; (span = nestedTooDeep(toks)) != null; ) {
            o.tooDeep(toks.get(span[2]), span[3] == 0 ? NESTING : CHAINED);
            toks = replace(toks, span, tb);
        }
        Stmt body = quick != null && tryQuick ? quickParse(QuickParser.Tokens.of(toks), ast) : null;
        if (body != null) {
            for (KToken k : toks) if (k.getType() == SKIPPED) o.skipped++;
            return body;
        }
        antlrBodies++;
        try {
            for (int round = 0; round < rounds; round++) {
                Object r = attempt(toks);
                if (r instanceof KernelC.FunctionBodyContext tree) {
                    for (KToken k : toks) if (k.getType() == SKIPPED) o.skipped++;
                    return ast.body(tree);
                }
                int[] span;
                if (r instanceof TooDeep d) {
                    // Too deep for the limit: the whole statement at the top of the body that holds the point goes
                    // (the depth comes from everything around the point, so a smaller piece would not help).
                    int err = Math.max(1, Math.min(d.token, toks.size() - 2));
                    o.tooDeep(toks.get(err), DEPTH);
                    span = topLevelSpan(toks, err);
                    level = 0;
                } else {
                    int err = (Integer) r;
                    level = (err >= lastSpanStart && err <= lastSpanStart + 1) ? level + 1 : 0;
                    span = span(toks, err, level);
                }
                if (span == null) return "no statement boundary around the error";
                toks = replace(toks, span, tb);
                lastSpanStart = span[0];
            }
        } finally {
            parser.setTokenStream(empty); // the parser lets go of this run's tokens
        }
        return "more than " + MAX_ROUNDS + " unparsable statements"
                + (o.tooDeep > 0 ? " (" + o.tooDeep + " of them with " + o.whyTooDeep + ")" : "");
    }

    /** The quick parser's statements for these tokens, counted; or null when ANTLR must parse them. */
    private Stmt quickParse(QuickParser.Tokens toks, AstBuilder ast) {
        Stmt body = quick.parse(toks, ast);
        if (body != null) {
            quickDeepest = Math.max(quickDeepest, quick.deepest());
            quickBodies++;
        }
        return body;
    }

    /** Set in place of a run's tokens once it is parsed (one per parser: a token stream is not thread-safe). */
    private final CommonTokenStream empty = new CommonTokenStream(new ListTokenSource(List.of()));

    /** {@code toks} with the range [span[0], span[1]] replaced by one SKIPPED token holding its tokens. */
    private static List<KToken> replace(List<KToken> toks, int[] span, TokenBuffer tb) {
        List<KToken> parts = new ArrayList<>();
        for (KToken t : toks.subList(span[0], span[1] + 1)) {
            if (t.parts != null) parts.addAll(t.parts);
            else parts.add(t);
        }
        KToken skipped = new KToken(tb, SKIPPED, parts.get(0).idx, parts);
        List<KToken> next = new ArrayList<>(toks.size() - (span[1] - span[0]));
        next.addAll(toks.subList(0, span[0]));
        next.add(skipped);
        next.addAll(toks.subList(span[1] + 1, toks.size()));
        return next;
    }

    /**
     * The first statement directly in the body whose brackets nest deeper than {@link #MAX_NESTING}, as
     * {start, end, the token where the limit is passed}; null when there is none.
     */
    static int[] nestedTooDeep(List<KToken> toks) {
        int[] types = new int[toks.size()];
        for (int j = 0; j < types.length; j++) types[j] = toks.get(j).getType();
        int[] at = firstTooDeep(types, types.length);
        if (at == null) return null;
        int[] span = topLevelSpan(toks, at[0]);
        return span == null ? null : new int[] {span[0], span[1], at[0], at[1]};
    }

    /**
     * In a block of {@code n} tokens of these types ('{', the statements, '}', EOF), the first token where brackets
     * nest deeper than {@link #MAX_NESTING} ({token, 0}) or control statements chain deeper ({token, 1}); or null.
     */
    static int[] firstTooDeep(int[] types, int n) {
        int depth = 0;
        int chain = 0; // control statements in a row without a brace or a ';' between (if (a) if (b) ...)
        for (int j = 1; j < n - 2; j++) {
            int t = types[j];
            if (t == LBRACE || t == LPAREN || t == LBRACK) {
                if (t == LBRACE) chain = 0;
                if (++depth > MAX_NESTING) return new int[] {j, 0};
            } else if (t == RBRACE || t == RPAREN || t == RBRACK) {
                if (t == RBRACE) chain = 0;
                depth = Math.max(0, depth - 1);
            } else if (t == SEMI) {
                chain = 0;
            } else if (t == IF || t == WHILE || t == FOR || t == DO || t == ELSE || t == SWITCH) {
                // each one nests the next statement; deciding where an else belongs looks ahead to the end of
                // the chain, so a long chain costs its length squared
                if (++chain > MAX_NESTING) return new int[] {j, 1};
            }
        }
        return null;
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

    /** The parse tree, the index of the offending token, or {@link TooDeep} (where SLL and LL would agree). */
    private Object attempt(List<KToken> toks) {
        for (PredictionMode mode : new PredictionMode[] {PredictionMode.SLL, PredictionMode.LL}) {
            parser.setTokenStream(new CommonTokenStream(new ListTokenSource(toks)));
            parser.getInterpreter().setPredictionMode(mode);
            parser.resetDepth();
            try {
                return parser.functionBody();
            } catch (TooDeep e) {
                return e;
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

    /**
     * The token range of the statement directly in the body's block that holds {@code err}: from after the
     * previous ';' or '}' at the body's own level to the ';' or '}' that ends it there, an {@code else}, a
     * do-while's {@code while} or a trailing ';' after a block continuing it. Null when that is the whole body
     * and it is not one statement.
     */
    static int[] topLevelSpan(List<KToken> toks, int err) {
        int last = toks.size() - 3; // toks[0] '{', toks[last + 1] '}', then EOF
        if (last < 1) return null;
        int depth = 0; // braces, parentheses and brackets below the body's own level
        int start = 1;
        for (int j = 1; j <= last; j++) {
            int t = toks.get(j).getType();
            if (t == LBRACE || t == LPAREN || t == LBRACK) depth++;
            else if (t == RBRACE || t == RPAREN || t == RBRACK) depth = Math.max(0, depth - 1);
            boolean ends = depth == 0 && (t == SEMI || t == RBRACE) && !continuesAfterBlock(toks.get(j + 1).getType());
            if (!ends) continue;
            if (j >= err) return new int[] {start, j};
            start = j + 1;
        }
        return start <= last && err >= start ? new int[] {start, last} : null;
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
