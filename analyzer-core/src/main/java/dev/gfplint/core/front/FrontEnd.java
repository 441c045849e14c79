package dev.gfplint.core.front;


import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.ir.Cfg;
import dev.gfplint.core.ir.CfgBuilder;
import dev.gfplint.core.ir.Function;
import dev.gfplint.core.ir.MacroTable;
import dev.gfplint.core.ir.SourcePos;
import dev.gfplint.core.ir.SourceText;
import dev.gfplint.core.ir.Stmt;
import dev.gfplint.core.ir.TranslationUnit;
import dev.gfplint.core.lex.Lexer;
import dev.gfplint.core.lex.TokenBuffer;
import dev.gfplint.core.pp.Conditionals;
import dev.gfplint.core.pp.MacroReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The front end for one file: lex, drop annotations, apply the #if policy, read #defines, find the
 * functions at file scope, parse each body on its own and build its CFG. It never throws for bad input;
 * an internal failure in one function is caught, counted and reported, and costs only that function.
 * Thread-safe: each thread gets its own parser.
 */
public final class FrontEnd {
    /**
     * A file with more tokens than this is not analysed: what its IR would hold is the bulk of the memory one
     * file may take. Linux 6.12's largest file (a generated register table) has 753,000.
     */
    public static final int MAX_FILE_TOKENS = 3_000_000;

    private final IdiomTable idioms;
    private final Lexer lexer;
    private final ThreadLocal<BodyParser> parsers;
    private final boolean noteSkipped;

    public FrontEnd(IdiomTable idioms) {
        this(idioms, false);
    }

    /** @param noteSkipped also add a note for every statement the parser skipped */
    public FrontEnd(IdiomTable idioms, boolean noteSkipped) {
        this(idioms, noteSkipped, true);
    }

    /** @param quick try the hand-written parser on each body before ANTLR (false: ANTLR only, to compare) */
    FrontEnd(IdiomTable idioms, boolean noteSkipped, boolean quick) {
        this.idioms = idioms;
        this.noteSkipped = noteSkipped;
        this.lexer = new Lexer(idioms);
        this.parsers = ThreadLocal.withInitial(() -> new BodyParser(idioms, quick));
    }

    /** Runs of statements the calling thread's parser gave to the quick parser and to ANTLR (for the comparison). */
    long[] parsedBy() {
        BodyParser b = parsers.get();
        return new long[] {b.quickBodies, b.antlrBodies};
    }

    /** Counters of one file; summed over a scan into the statistics. */
    public static final class FileStats {
        public int functions;
        public int functionsFullyParsed;
        public int functionsGivenUp;
        public int statementsSkipped;
        public int internalErrors;
        public int lines;
        public long tokens;
        public int macros;
        public int ppGroupsWrapped;
        public int ppGroupsFirstOnly;
        /** The deepest parse tree of a statement in the file (see BodyParser.MAX_DEPTH). */
        public int deepestStatement;
    }

    /** A one-line note about the file at a line: a function given up, a statement skipped, an internal error. */
    public record Note(int line, String message) {}

    /** The IR of a file, its counters, and its notes; or, with no IR, why the file was not analysed. */
    public record Result(TranslationUnit unit, FileStats stats, List<Note> notes, String refused) {
        Result(TranslationUnit unit, FileStats stats, List<Note> notes) {
            this(unit, stats, notes, null);
        }
    }

    public Result analyze(String path, char[] text) {
        FileStats st = new FileStats();
        List<Note> notes = new ArrayList<>();
        SourceText src = new SourceText(text);
        TokenBuffer tb = lexer.lex(text, MAX_FILE_TOKENS);
        if (tb.size() > MAX_FILE_TOKENS) {
            return new Result(null, st, notes, "more than " + MAX_FILE_TOKENS + " tokens (the limit of one file), skipped");
        }
        st.tokens = tb.size();
        st.lines = tb.size() == 0 ? 0 : tb.line(tb.size() - 1);
        Annotations.drop(tb);
        MacroTable macros = MacroReader.read(tb, src);
        st.macros = macros.size();
        Conditionals.Result pp = Conditionals.apply(tb);
        st.ppGroupsWrapped = pp.groupsWrapped();
        st.ppGroupsFirstOnly = pp.groupsFirstOnly();
        if (pp.deepGroups() > 0) {
            notes.add(new Note(pp.firstDeepLine(), (pp.deepGroups() == 1 ? "an #if group" : pp.deepGroups() + " #if groups")
                    + " nested deeper than " + Conditionals.MAX_NESTING + " levels: only the first branch of each group"
                    + " from there inward is read"));
        }
        int[] seq = pp.tokens();
        src.setHoles(pp.holes());
        IslandScanner scanner = new IslandScanner(tb, seq, idioms);
        scanner.scan();
        List<Function> functions = new ArrayList<>(scanner.functions.size());
        BodyParser parser = parsers.get();
        parser.resetDeepest();
        AstBuilder ast = new AstBuilder(tb, src, idioms);
        for (IslandScanner.Candidate c : scanner.functions) {
            FunctionHeader h = c.header();
            SourcePos namePos = new SourcePos(tb.line(h.nameToken()), tb.col(h.nameToken()));
            SourcePos endPos = new SourcePos(tb.line(seq[c.close()]), tb.col(seq[c.close()]));
            Stmt body = null;
            int skipped = 0;
            boolean givenUp = false;
            try {
                BodyParser.Result r = parser.parse(tb, seq, c.open(), c.close(), scanner.typedefs, ast);
                if (r.body() != null) {
                    body = r.body();
                    skipped = r.skipped();
                    if (noteSkipped && skipped > 0) noteSkipped(body, notes);
                    if (r.tooDeep() > 0) {
                        notes.add(new Note(r.firstTooDeep().getLine(), "function " + h.name() + ": " + (r.tooDeep() == 1
                                ? "statement skipped: " + r.whyTooDeep()
                                : r.tooDeep() + " statements skipped: " + r.whyTooDeep() + " (the first on this line)")));
                    }
                } else {
                    givenUp = true;
                    notes.add(new Note(namePos.line(), "function " + h.name() + " not parsed: " + r.gaveUpReason()));
                }
            } catch (RuntimeException | VirtualMachineError e) { // a bug, or one function too big: it costs that function
                givenUp = true;
                st.internalErrors++;
                notes.add(new Note(namePos.line(), "internal error in function " + h.name() + ": " + describe(e)));
            }
            if (body == null) body = wholeBodySkipped(tb, seq, c, src);
            Cfg cfg;
            try {
                cfg = CfgBuilder.build(body, namePos, endPos);
            } catch (RuntimeException | VirtualMachineError e) { // a bug, or one function too big: it costs that function
                st.internalErrors++;
                givenUp = true;
                notes.add(new Note(namePos.line(), "internal error building the CFG of " + h.name() + ": " + describe(e)));
                body = wholeBodySkipped(tb, seq, c, src);
                cfg = CfgBuilder.build(body, namePos, endPos);
            }
            Function f = new Function(h.name(), h.storage(), h.inline(), h.returnType(), h.params(), namePos, endPos,
                    h.definedBy(), body, cfg, skipped, givenUp);
            f.setAnnotations(annotationsBefore(tb, h.nameToken()));
            functions.add(f);
            st.functions++;
            if (f.fullyParsed()) st.functionsFullyParsed++;
            if (givenUp) st.functionsGivenUp++;
            st.statementsSkipped += skipped;
        }
        st.deepestStatement = parser.deepest();
        List<dev.gfplint.core.ir.Prototype> prototypes = new ArrayList<>(scanner.prototypes.size());
        for (FunctionHeader h : scanner.prototypes) {
            prototypes.add(new dev.gfplint.core.ir.Prototype(h.name(), h.params(),
                    new SourcePos(tb.line(h.nameToken()), tb.col(h.nameToken()))));
        }
        List<dev.gfplint.core.ir.OpsTable> tables = new ArrayList<>(scanner.tables.size());
        for (IslandScanner.Table t : scanner.tables) {
            List<dev.gfplint.core.ir.OpsTable.Member> ms = new ArrayList<>(t.members().size());
            for (int[] m : t.members()) {
                ms.add(new dev.gfplint.core.ir.OpsTable.Member(tb.text(seq[m[0]]), tb.text(seq[m[1]]),
                        new SourcePos(tb.line(seq[m[1]]), tb.col(seq[m[1]]))));
            }
            tables.add(new dev.gfplint.core.ir.OpsTable(t.type() == null ? "" : t.type(), tb.text(seq[t.nameTok()]), ms,
                    new SourcePos(tb.line(seq[t.nameTok()]), tb.col(seq[t.nameTok()]))));
        }
        return new Result(new TranslationUnit(path, functions, macros, scanner.typedefs, st.lines,
                SuppressionComments.find(text), prototypes, tables), st, notes);
    }

    /** The annotation words dropped before a function's name ({@code __init}, {@code notrace}, ...), in order. */
    private static List<String> annotationsBefore(TokenBuffer tb, int nameToken) {
        List<String> out = List.of();
        for (int i = nameToken - 1, seen = 0; i >= 0 && seen < 64; i--, seen++) {
            int t = tb.type(i);
            if (t == dev.gfplint.grammar.KernelC.SEMI || t == dev.gfplint.grammar.KernelC.RBRACE
                    || t == dev.gfplint.grammar.KernelC.LBRACE) break;
            if (t != dev.gfplint.core.lex.Tok.DROPPED) continue;
            String w = new String(tb.text, tb.start(i), tb.end(i) - tb.start(i));
            if (w.isEmpty() || !Character.isJavaIdentifierStart(w.charAt(0))) continue;
            if (out.isEmpty()) out = new ArrayList<>(2);
            out.add(0, w);
        }
        return out;
    }

    private static void noteSkipped(Stmt s, List<Note> notes) {
        if (s == null) return;
        if (s.kind == Stmt.Kind.SKIPPED) {
            String t = s.text.length() > 100 ? s.text.substring(0, 100) + "..." : s.text;
            notes.add(new Note(s.pos.line(), "statement skipped: " + t));
            return;
        }
        noteSkipped(s.init, notes);
        noteSkipped(s.then, notes);
        noteSkipped(s.otherwise, notes);
        for (Stmt c : s.body) noteSkipped(c, notes);
        if (s.expr != null) s.expr.forEach(e -> {
            if (e.kind() == dev.gfplint.core.ir.Expr.Kind.STMT_EXPR) noteSkipped(e.block(), notes);
        });
    }

    /** A body the parser gave up on: one SKIPPED statement whose calls come from a lexical scan. */
    private static Stmt wholeBodySkipped(TokenBuffer tb, int[] seq, IslandScanner.Candidate c, SourceText src) {
        List<KToken> parts = new ArrayList<>(c.close() - c.open());
        for (int k = c.open() + 1; k < c.close(); k++) parts.add(new KToken(tb, tb.type(seq[k]), seq[k]));
        SourcePos p = new SourcePos(tb.line(seq[c.open()]), tb.col(seq[c.open()]));
        Stmt block = new Stmt(Stmt.Kind.BLOCK, p);
        if (parts.isEmpty()) return block;
        Stmt s = new Stmt(Stmt.Kind.SKIPPED, p);
        KToken first = parts.get(0);
        s.text = src.normalized(first.startOffset(), parts.get(parts.size() - 1).endOffset());
        s.lexicalCalls = LexicalCalls.find(parts, src);
        block.body = List.of(s);
        return block;
    }

    private static String describe(Throwable e) {
        StackTraceElement[] st = e.getStackTrace();
        return e.getClass().getSimpleName() + (e.getMessage() != null ? " (" + e.getMessage() + ")" : "")
                + (st.length > 0 ? " at " + st[0] : "");
    }

}
