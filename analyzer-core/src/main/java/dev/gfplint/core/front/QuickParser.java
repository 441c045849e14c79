package dev.gfplint.core.front;

import static dev.gfplint.grammar.KernelC.*;

import dev.gfplint.core.ir.Expr;
import dev.gfplint.core.ir.Stmt;
import dev.gfplint.core.lex.TokenBuffer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * A hand-written recursive-descent parser for the common part of the KernelC grammar, tried on a body before
 * ANTLR. It builds the statements {@link AstBuilder} would build from ANTLR's tree, node for node, and counts
 * the depth of the tree ANTLR would build (one level per rule invoked, one per operand a left-recursive
 * chain wraps), so that the body's IR and statistics do not depend on which parser read it.
 *
 * <p>It decides each choice from a token or two, and only where that is the choice ANTLR makes: where the
 * grammar is ambiguous it takes the first alternative, as ANTLR does, and where the choice would need more
 * lookahead than it takes ({@code (a) ++b}, {@code a * (b);}, a bit-field, a function pointer among
 * parameters, _Generic...) it gives the whole body back (null) and ANTLR parses it. So does every error: what
 * it accepts, ANTLR accepts with the same tree; what ANTLR must skip, it never sees. One instance per thread;
 * state lives only for one {@link #parse} call.
 */
final class QuickParser {
    /** Gives the body to ANTLR. One instance without a stack trace: it is thrown for a few percent of bodies. */
    private static final class GiveWay extends RuntimeException {
        GiveWay() {
            super(null, null, false, false);
        }
    }

    private static final GiveWay GIVE_WAY = new GiveWay();

    /** Deeper trees go to ANTLR, which enforces {@link BodyParser#MAX_DEPTH} and reports them. */
    static final int MAX_DEPTH = 1000;

    // precedences of the alternatives of assignExpr as ANTLR numbers them (the number of alternatives, 24, minus
    // the alternative's index, plus one): a suffix or operator applies inside an operand parsed at level p only
    // if its own level is at least p
    private static final int P_INDEX = 23, P_CALL = 22, P_MEMBER = 21, P_POSTFIX = 20, P_STRING = 19, P_UNARY = 18,
            P_SIZEOF = 15, P_CAST = 14, P_IDENT_CAST = 13, P_MUL = 12, P_ADD = 11, P_SHIFT = 10, P_REL = 9, P_EQ = 8,
            P_BITAND = 7, P_XOR = 6, P_BITOR = 5, P_AND = 4, P_OR = 3, P_COND = 2, P_ASSIGN = 1;

    private AstBuilder ast;
    private TokenBuffer tb;
    /** Per parser token: its type, its index in the file's token buffer, where its text ends (a joined string's
     *  or a skipped statement's: where its last part ends), and the token itself where one was made (SKIPPED). */
    private int[] ty;
    private int[] ix;
    private int[] endOff;
    private KToken[] special;
    private int p;
    private int depth;
    private int deepest;

    /** The depth ANTLR's tree of the last body parsed here would have had. */
    int deepest() {
        return deepest;
    }

    /**
     * The body ({@code toks}: '{', its tokens, '}', EOF) as {@link AstBuilder#body} would build it from ANTLR's
     * tree, or null when ANTLR must parse it.
     */
    Stmt parse(Tokens toks, AstBuilder builder) {
        int n = toks.size;
        ty = java.util.Arrays.copyOf(toks.type, n + 2);
        ty[n] = ty[n + 1] = Token.EOF;
        ix = toks.idx;
        endOff = toks.end;
        special = toks.special;
        tb = toks.tb;
        ast = builder;
        p = 0;
        depth = 0;
        deepest = 0;
        try {
            in(); // functionBody
            Stmt body = compound();
            return ty[p] == Token.EOF ? body : null;
        } catch (GiveWay g) {
            return null;
        } finally {
            ix = null;
            endOff = null;
            special = null;
            ty = null;
            ast = null;
            tb = null;
        }
    }

    /** Parser tokens as parallel arrays: no object per token (a KToken is made only for what ANTLR gets). */
    static final class Tokens {
        final TokenBuffer tb;
        int size;
        int[] type, idx, end;
        /** Null until a token with an object is added. */
        KToken[] special;

        /** Parser token objects already made (a run of statements after an error) as arrays. */
        static Tokens of(List<KToken> toks) {
            Tokens q = new Tokens(toks.get(0).tb, toks.size());
            for (KToken k : toks) q.add(k.getType(), k.idx, k.idx < 0 ? 0 : k.endOffset(), k.getType() == SKIPPED ? k : null);
            return q;
        }

        Tokens(TokenBuffer tb, int capacity) {
            this.tb = tb;
            type = new int[capacity];
            idx = new int[capacity];
            end = new int[capacity];
        }

        void add(int t, int i, int e, KToken k) {
            if (size == type.length) {
                int c = Math.max(16, size * 2);
                type = java.util.Arrays.copyOf(type, c);
                idx = java.util.Arrays.copyOf(idx, c);
                end = java.util.Arrays.copyOf(end, c);
                if (special != null) special = java.util.Arrays.copyOf(special, c);
            }
            if (k != null) { // made only where a token object exists (skipped statements)
                if (special == null) special = new KToken[type.length];
                special[size] = k;
            }
            type[size] = t;
            idx[size] = i;
            end[size++] = e;
        }
    }

    // ------------------------------------------------------------------ building, by parser token

    private dev.gfplint.core.ir.SourcePos pos(int k) {
        return new dev.gfplint.core.ir.SourcePos(tb.line(ix[k]), tb.col(ix[k]));
    }

    private String text(int k) {
        return tb.text(ix[k]);
    }

    /** The normalized source text from parser token {@code first} to {@code last}. */
    private String text(int first, int last) {
        return ast.text(tb.start(ix[first]), endOff[last]);
    }

    private Expr mk(Expr.Kind kind, String op, String name, List<Expr> kids, Stmt block, int first, int last) {
        return ast.mk(kind, op, name, kids, block, pos(first), tb.start(ix[first]), endOff[last]);
    }

    private Expr macroCall(int name, List<Expr> args, int rparen) {
        return ast.macroCall(text(name), pos(name), tb.start(ix[name]), tb.end(ix[name]), args, endOff[rparen]);
    }

    private Expr empty(int comma) {
        return ast.empty(pos(comma), tb.start(ix[comma]));
    }

    // ------------------------------------------------------------------ tokens and depth

    private void in() {
        if (++depth > deepest) {
            deepest = depth;
            if (depth > MAX_DEPTH) throw GIVE_WAY;
        }
    }

    private void out() {
        depth--;
    }

    private int la(int k) {
        int i = p + k;
        return i < ty.length ? ty[i] : Token.EOF;
    }

    private int expect(int type) {
        if (ty[p] != type) throw GIVE_WAY;
        return p++;
    }

    private static boolean isQualifier(int k) {
        return k == CONST || k == VOLATILE || k == RESTRICT;
    }

    private static boolean isStorage(int k) {
        return k == TYPEDEF || k == EXTERN || k == STATIC || k == AUTO || k == REGISTER || k == THREAD_LOCAL || k == INLINE;
    }

    private static boolean isBuiltin(int k) {
        return k == VOID || k == CHAR || k == SHORT || k == INT || k == LONG || k == FLOAT || k == DOUBLE || k == SIGNED
                || k == UNSIGNED || k == BOOL || k == COMPLEX || k == INT128 || k == AUTO_TYPE;
    }

    /** A specWord this parser reads (ALIGNAS and EXTENSION are left to ANTLR). */
    private static boolean isSpecWord(int k) {
        return isStorage(k) || isQualifier(k) || isBuiltin(k);
    }

    private static boolean startsDefiniteType(int k) {
        return k == TYPEDEF_NAME || k == STRUCT || k == UNION || k == ENUM || k == TYPEOF;
    }

    private static boolean startsTypeWord(int k) {
        if (k == ALIGNAS || k == EXTENSION) throw GIVE_WAY;
        return isSpecWord(k) || startsDefiniteType(k);
    }

    /** {@code IDENT qualifier* '*' ('*' | qualifier)*} then ')' or ',' from {@code q}: a type, not a product. */
    private boolean identPointerType(int q) {
        if (ty[q] != IDENT) return false;
        int j = q + 1;
        while (isQualifier(ty[j])) j++;
        if (ty[j] != STAR) return false;
        while (ty[j] == STAR || isQualifier(ty[j])) j++;
        return ty[j] == RPAREN || ty[j] == COMMA;
    }

    /** Whether a typeName starts at {@code q} (and no expression could). */
    private boolean startsTypeName(int q) {
        return startsTypeWord(ty[q]) || identPointerType(q);
    }

    /** The index of the ')' closing the '(' at {@code q}. */
    private int closing(int q) {
        int d = 0;
        for (int j = q; j < ty.length; j++) {
            int k = ty[j];
            if (k == LPAREN) d++;
            else if (k == RPAREN && --d == 0) return j;
            else if (k == Token.EOF) break;
        }
        throw GIVE_WAY;
    }

    /** From {@code q}: IDENT+ then STRING (a string concatenation led by macros: KERN_ERR "..."). */
    private boolean identsThenString(int q) {
        while (ty[q] == IDENT) q++;
        return ty[q] == STRING;
    }

    // ------------------------------------------------------------------ statements

    private Stmt compound() {
        in();
        int open = expect(LBRACE);
        Stmt s = new Stmt(Stmt.Kind.BLOCK, pos(open));
        List<Stmt> items = new ArrayList<>();
        while (ty[p] != RBRACE) {
            if (ty[p] == Token.EOF) throw GIVE_WAY;
            items.add(blockItem());
        }
        s.end = pos(p++);
        s.body = items;
        out();
        return s;
    }

    private Stmt blockItem() {
        in();
        Stmt s;
        if (ty[p] == LABEL) s = localLabels();
        else if (startsDeclaration()) s = declaration();
        else s = statement();
        out();
        return s;
    }

    private boolean startsDeclaration() {
        int k = ty[p];
        if (startsTypeWord(k)) return true;
        if (k != IDENT) return false;
        int n = la(1);
        if (n == STAR) return declaresPointer();
        return n == IDENT || startsTypeWord(n);
    }

    /**
     * {@code a * b ...} at the start of a block item: ANTLR takes the declaration when one parses (its first
     * alternative). After {@code IDENT *... IDENT} a declarator goes on only with '=', ',', ';', '[', '(', ':' or
     * asm; the first four make it a declaration, the rest are left to ANTLR, and anything else (or no name after
     * the stars) makes it an expression.
     */
    private boolean declaresPointer() {
        int j = p + 1;
        while (ty[j] == STAR) j++;
        int k = ty[j];
        if (isQualifier(k) || k == LPAREN) throw GIVE_WAY;
        if (k != IDENT && k != TYPEDEF_NAME) return false;
        int n = ty[j + 1];
        if (n == SEMI || n == COMMA || n == ASSIGN || n == LBRACK) return true;
        if (n == LPAREN || n == COLON || n == ASM) throw GIVE_WAY;
        return false;
    }

    private Stmt localLabels() {
        int f = p++;
        expect(IDENT);
        while (ty[p] == COMMA) {
            p++;
            expect(IDENT);
        }
        expect(SEMI);
        return new Stmt(Stmt.Kind.LOCAL_LABELS, pos(f));
    }

    private Stmt statement() {
        in();
        Stmt s = statement0();
        if (s.end == null) s.end = pos(p - 1);
        out();
        return s;
    }

    private Stmt statement0() {
        int f = p;
        switch (ty[p]) {
            case LBRACE:
                return compound();
            case IF:
                return ifStatement();
            case SWITCH:
            case WHILE: {
                p++;
                expect(LPAREN);
                Stmt s = new Stmt(ty[f] == SWITCH ? Stmt.Kind.SWITCH : Stmt.Kind.WHILE, pos(f));
                s.expr = expression();
                expect(RPAREN);
                s.then = statement();
                return s;
            }
            case DO: {
                p++;
                Stmt s = new Stmt(Stmt.Kind.DO, pos(f));
                s.then = statement();
                expect(WHILE);
                expect(LPAREN);
                s.expr = expression();
                expect(RPAREN);
                expect(SEMI);
                return s;
            }
            case FOR: {
                p++;
                expect(LPAREN);
                Stmt s = new Stmt(Stmt.Kind.FOR, pos(f));
                if (ty[p] != SEMI) s.init = forInit();
                expect(SEMI);
                if (ty[p] != SEMI) s.expr = expression();
                expect(SEMI);
                if (ty[p] != RPAREN) s.step = expression();
                expect(RPAREN);
                s.then = statement();
                return s;
            }
            case GOTO: {
                p++;
                if (ty[p] == IDENT) {
                    Stmt s = new Stmt(Stmt.Kind.GOTO, pos(f));
                    s.name = text(p++);
                    expect(SEMI);
                    return s;
                }
                expect(STAR);
                Stmt s = new Stmt(Stmt.Kind.COMPUTED_GOTO, pos(f));
                s.expr = expression();
                expect(SEMI);
                return s;
            }
            case CONTINUE:
            case BREAK:
                p++;
                expect(SEMI);
                return new Stmt(ty[f] == BREAK ? Stmt.Kind.BREAK : Stmt.Kind.CONTINUE, pos(f));
            case RETURN: {
                p++;
                Stmt s = new Stmt(Stmt.Kind.RETURN, pos(f));
                if (ty[p] != SEMI) s.expr = expression();
                expect(SEMI);
                return s;
            }
            case CASE: {
                p++;
                Stmt s = new Stmt(Stmt.Kind.CASE, pos(f));
                s.expr = assignExpr(0);
                if (ty[p] == ELLIPSIS) {
                    p++;
                    s.caseHigh = assignExpr(0);
                }
                expect(COLON);
                return s;
            }
            case DEFAULT:
                p++;
                expect(COLON);
                return new Stmt(Stmt.Kind.DEFAULT, pos(f));
            case SEMI:
                p++;
                return new Stmt(Stmt.Kind.EMPTY, pos(f));
            case SKIPPED:
                p++;
                return ast.skipped(special[f], pos(f));
            case IDENT:
                if (la(1) == COLON) {
                    Stmt s = new Stmt(Stmt.Kind.LABEL, pos(f));
                    s.name = text(f);
                    p += 2;
                    return s;
                }
                if (la(1) == LPAREN) return macroOrCall();
                return exprStmt();
            case ASM:
                return asmStatement();
            case LABEL:
                throw GIVE_WAY;
            default:
                return exprStmt();
        }
    }

    // ------------------------------------------------------------------ asm

    /** An asm statement: its text, and the labels of an asm goto. */
    private Stmt asmStatement() {
        in();
        int f = p++;
        while (ty[p] == VOLATILE || ty[p] == GOTO || ty[p] == INLINE) { // asmQualifier
            in();
            p++;
            out();
        }
        expect(LPAREN);
        in(); // asmTemplate
        do asmPiece(); while (ty[p] == STRING || ty[p] == IDENT);
        out();
        List<String> labels = null;
        for (int section = 1; section <= 4 && ty[p] == COLON; section++) {
            p++;
            if (ty[p] == RPAREN || ty[p] == COLON) continue;
            in();
            if (section == 4) {
                labels = new ArrayList<>();
                labels.add(text(expect(IDENT)));
                while (ty[p] == COMMA) {
                    p++;
                    labels.add(text(expect(IDENT)));
                }
            } else {
                if (section == 3) asmPiece();
                else asmOperand();
                while (ty[p] == COMMA) {
                    p++;
                    if (section == 3) asmPiece();
                    else asmOperand();
                }
            }
            out();
        }
        expect(RPAREN);
        expect(SEMI);
        out();
        Stmt s = new Stmt(Stmt.Kind.ASM, pos(f));
        s.text = text(f, p - 1);
        if (labels != null) s.labels = List.copyOf(labels);
        return s;
    }

    /** STRING, or IDENT with an optional parenthesised soup of assembler text. */
    private void asmPiece() {
        in();
        if (ty[p] == STRING) {
            p++;
        } else {
            expect(IDENT);
            if (ty[p] == LPAREN) {
                p++;
                parenSoup();
                expect(RPAREN);
            }
        }
        out();
    }

    private void parenSoup() {
        in();
        while (ty[p] != RPAREN) {
            if (ty[p] == Token.EOF) throw GIVE_WAY;
            if (ty[p++] == LPAREN) {
                parenSoup();
                expect(RPAREN);
            }
        }
        out();
    }

    /**
     * ([name])? pieces (expression)?. A macro piece takes the parenthesis after it as its own (ANTLR's first
     * alternative when both readings parse).
     */
    private void asmOperand() {
        in();
        if (ty[p] == LBRACK) {
            p++;
            expect(IDENT);
            expect(RBRACK);
        }
        do asmPiece(); while (ty[p] == STRING || ty[p] == IDENT);
        if (ty[p] == LPAREN) {
            p++;
            expression();
            expect(RPAREN);
        }
        out();
    }

    /** IF '(' expression ')' statement (ELSE statement)?, from the IF (its end is the caller's to set). */
    private Stmt ifStatement() {
        Stmt s = new Stmt(Stmt.Kind.IF, pos(p));
        p++;
        expect(LPAREN);
        s.expr = expression();
        expect(RPAREN);
        s.then = statement();
        if (ty[p] == ELSE) {
            p++;
            s.otherwise = statement();
        }
        return s;
    }

    private Stmt exprStmt() {
        Stmt s = new Stmt(Stmt.Kind.EXPR, pos(p));
        s.expr = expression();
        expect(SEMI);
        return s;
    }

    /** Tokens that may continue an expression after {@code name(...)}: it is a call in an expression statement. */
    private static boolean continuesExpression(int k) {
        switch (k) {
            case SEMI: case LBRACK: case LPAREN: case DOT: case ARROW: case INC: case DEC: case STRING: case STAR:
            case DIV: case MOD: case PLUS: case MINUS: case SHL: case SHR: case LT: case GT: case LE: case GE: case EQ:
            case NE: case AMP: case CARET: case PIPE: case ANDAND: case OROR: case QUESTION: case COMMA: case ASSIGN:
            case MUL_ASSIGN: case DIV_ASSIGN: case MOD_ASSIGN: case ADD_ASSIGN: case SUB_ASSIGN: case SHL_ASSIGN:
            case SHR_ASSIGN: case AND_ASSIGN: case XOR_ASSIGN: case OR_ASSIGN:
                return true;
            default:
                return false;
        }
    }

    /**
     * A statement starting {@code name(}: an expression statement when what follows the ')' continues an
     * expression (ANTLR's first alternative when both parse), a statement-like macro governing the next
     * statement, or one ending its block.
     */
    private Stmt macroOrCall() {
        int r = closing(p + 1);
        int after = ty[r + 1];
        if (continuesExpression(after)) return exprStmt();
        boolean endsBlock = after == RBRACE;
        if (after == IDENT) {
            int a2 = ty[r + 2];
            // a string led by macros, or a declaration after a macro ending its statement: left to ANTLR
            if (identsThenString(r + 1) || a2 == IDENT || a2 == STAR || isSpecWord(a2)) throw GIVE_WAY;
        } else if (!endsBlock && !startsPlainStatement(after)) {
            throw GIVE_WAY;
        }
        int name = p++;
        p++;
        List<Expr> args = new ArrayList<>();
        if (ty[p] != RPAREN) argumentList(args);
        int rp = expect(RPAREN);
        Stmt s = new Stmt(Stmt.Kind.MACRO, pos(name));
        s.expr = macroCall(name, args, rp);
        if (endsBlock) { // a statement-like macro without its semicolon at the end of a block
            s.macroKind = Stmt.MacroKind.STATEMENT;
        } else {
            s.then = statement();
            s.macroKind = ast.macroKind(text(name));
        }
        return s;
    }

    /** Tokens that start a statement and cannot start a declaration or continue an expression. */
    private static boolean startsPlainStatement(int k) {
        switch (k) {
            case LBRACE: case IF: case SWITCH: case WHILE: case DO: case FOR: case GOTO: case CONTINUE: case BREAK:
            case RETURN: case CASE: case DEFAULT: case SKIPPED: case INT_LIT: case FLOAT_LIT: case CHAR_LIT: case BANG:
            case TILDE: case SIZEOF: case ALIGNOF: case PP_COND:
                return true;
            default:
                return false;
        }
    }

    private Stmt forInit() {
        in();
        int f = p;
        Stmt s;
        if (startsTypeWord(ty[p])) {
            s = new Stmt(Stmt.Kind.DECL, pos(f));
            s.declarators = declarators(true);
        } else {
            if (ty[p] == IDENT && (la(1) == IDENT || la(1) == STAR)) throw GIVE_WAY;
            s = new Stmt(Stmt.Kind.EXPR, pos(f));
            s.expr = expression();
        }
        out();
        return s;
    }

    // ------------------------------------------------------------------ declarations

    private Stmt declaration() {
        in();
        Stmt s = new Stmt(Stmt.Kind.DECL, pos(p));
        s.declarators = declarators(false);
        expect(SEMI);
        out();
        return s;
    }

    /**
     * The specifiers and declarators of a declaration or a for loop's first clause (where the declarators may
     * not be missing): {@code declarationSpecifiers initDeclaratorList} or, with a bare identifier for the
     * type, {@code specWord* IDENT specWord* identInitDeclaratorList}.
     */
    private List<Stmt.Declarator> declarators(boolean forInit) {
        List<Stmt.Declarator> ds = new ArrayList<>();
        int q = p;
        while (isSpecWord(ty[q])) q++;
        boolean identType; // specWord* IDENT specWord* identInitDeclaratorList: the second alternative
        if (startsDefiniteType(ty[q])) {
            identType = false;
        } else if (ty[q] == IDENT) {
            if (q == p) {
                identType = true;
            } else {
                int n = ty[q + 1];
                if (n == SEMI || n == COMMA || n == ASSIGN || n == LBRACK || n == LPAREN) identType = false;
                else if (n == IDENT || n == STAR || isSpecWord(n)) identType = true;
                else throw GIVE_WAY;
            }
        } else if (q > p) {
            identType = false;
        } else {
            throw GIVE_WAY;
        }
        if (!identType) {
            int b = p;
            declarationSpecifiers();
            String type = text(b, p - 1);
            if (forInit || ty[p] != SEMI) initDeclaratorList(type, ds);
        } else {
            StringBuilder sb = new StringBuilder();
            while (isSpecWord(ty[p])) specText(sb);
            if (sb.length() > 0) sb.append(' ');
            sb.append(text(expect(IDENT)));
            while (isSpecWord(ty[p])) specText(sb);
            identInitDeclaratorList(sb.toString(), ds);
        }
        return ds;
    }

    private void specText(StringBuilder sb) {
        int b = p;
        specWord();
        if (sb.length() > 0) sb.append(' ');
        sb.append(text(b, p - 1));
    }

    private void declarationSpecifiers() {
        in();
        while (isSpecWord(ty[p])) specWord();
        if (startsDefiniteType(ty[p])) {
            definiteType();
            while (isSpecWord(ty[p])) specWord();
        }
        out();
    }

    private void specWord() {
        in();
        in(); // storageClass, typeQualifier or builtinType
        p++;
        out();
        out();
    }

    private void definiteType() {
        in();
        switch (ty[p++]) {
            case TYPEDEF_NAME:
                break;
            case STRUCT:
            case UNION:
            case ENUM:
                if (ty[p] == IDENT || ty[p] == TYPEDEF_NAME) p++;
                if (ty[p] == COLON) throw GIVE_WAY;
                if (ty[p] == LBRACE) {
                    p++;
                    while (ty[p] != RBRACE) balanced();
                    p++;
                }
                break;
            case TYPEOF:
                expect(LPAREN);
                if (startsTypeName(p)) typeName();
                else expression();
                expect(RPAREN);
                break;
            default:
                throw GIVE_WAY;
        }
        out();
    }

    private void balanced() {
        in();
        int k = ty[p++];
        if (k == Token.EOF) throw GIVE_WAY;
        if (k == LBRACE) {
            while (ty[p] != RBRACE) balanced();
            p++;
        }
        out();
    }

    private void initDeclaratorList(String type, List<Stmt.Declarator> ds) {
        in();
        ds.add(initDeclarator(type));
        while (ty[p] == COMMA) {
            p++;
            ds.add(initDeclarator(type));
        }
        out();
    }

    private Stmt.Declarator initDeclarator(String type) {
        in();
        int f = p;
        in(); // declarator
        String ptr = "";
        if (ty[p] == STAR) {
            int b = p;
            pointer();
            ptr = " " + text(b, p - 1);
        }
        int name = directDeclarator();
        out();
        Stmt.Declarator d = new Stmt.Declarator(text(name), (type + ptr).strip(),
                initializerAfterDeclarator(), pos(name));
        out();
        return d;
    }

    private Expr initializerAfterDeclarator() {
        if (ty[p] == ASM) throw GIVE_WAY;
        if (ty[p] != ASSIGN) return null;
        p++;
        return initializer();
    }

    /** (IDENT | TYPEDEF_NAME) declaratorSuffix*: the declared name. */
    /** (IDENT | TYPEDEF_NAME) declaratorSuffix* | '(' declarator ')' declaratorSuffix*: the declared name. */
    private int directDeclarator() {
        in();
        int name;
        if (ty[p] == LPAREN) { // int (*fn)(void)
            p++;
            in(); // declarator
            if (ty[p] == STAR) pointer();
            name = directDeclarator();
            out();
            expect(RPAREN);
        } else {
            int k = ty[p];
            if (k != IDENT && k != TYPEDEF_NAME) throw GIVE_WAY;
            name = p++;
        }
        declaratorSuffixes();
        out();
        return name;
    }

    private void declaratorSuffixes() {
        while (ty[p] == LBRACK || ty[p] == LPAREN || ty[p] == COLON) {
            if (ty[p] == COLON) throw GIVE_WAY; // a bit-field: left to ANTLR
            if (ty[p] == LPAREN) { // a function declarator: its parameters
                in();
                p++;
                if (ty[p] != RPAREN) parameterList();
                expect(RPAREN);
                out();
                continue;
            }
            in();
            p++;
            while (ty[p] == STATIC || isQualifier(ty[p])) {
                if (ty[p] == STATIC) {
                    p++;
                } else {
                    in();
                    p++;
                    out();
                }
            }
            if (ty[p] != RBRACK) assignExpr(0);
            expect(RBRACK);
            out();
        }
    }

    private void parameterList() {
        in();
        if (ty[p] == ELLIPSIS) {
            p++;
        } else {
            parameterDeclaration();
            while (ty[p] == COMMA) {
                p++;
                if (ty[p] == ELLIPSIS) {
                    p++;
                    break;
                }
                parameterDeclaration();
            }
        }
        out();
    }

    /**
     * declarationSpecifiers then a declarator, an abstract one or none; or, with a bare identifier for the type,
     * specWord* IDENT specWord* and the same. After type words, an identifier followed by ',', ')' or '[' is the
     * parameter's name (the first alternative, which ANTLR takes when both parse).
     */
    private void parameterDeclaration() {
        in();
        int q = p;
        while (isSpecWord(ty[q])) q++;
        boolean identType;
        if (startsDefiniteType(ty[q])) {
            identType = false;
        } else if (ty[q] == IDENT) {
            int n = ty[q + 1];
            if (q == p || n == IDENT || n == STAR || isSpecWord(n)) identType = true;
            else if (n == COMMA || n == RPAREN || n == LBRACK) identType = false;
            else throw GIVE_WAY;
        } else if (q > p) {
            identType = false;
        } else {
            throw GIVE_WAY;
        }
        if (identType) {
            while (isSpecWord(ty[p])) specWord();
            expect(IDENT);
            while (isSpecWord(ty[p])) specWord();
        } else {
            declarationSpecifiers();
        }
        int k = ty[p];
        if (k == IDENT || k == TYPEDEF_NAME) {
            in(); // declarator
            directDeclarator();
            out();
        } else if (k == STAR) {
            int j = p;
            while (ty[j] == STAR || isQualifier(ty[j])) j++;
            if (ty[j] == IDENT || ty[j] == TYPEDEF_NAME) { // a declarator
                in();
                pointer();
                directDeclarator();
                out();
            } else if (ty[j] == COMMA || ty[j] == RPAREN) { // an abstract declarator
                in();
                pointer();
                out();
            } else {
                throw GIVE_WAY;
            }
        } else if (k != COMMA && k != RPAREN) {
            throw GIVE_WAY;
        }
        out();
    }

    private void pointer() {
        in();
        do {
            expect(STAR);
            while (isQualifier(ty[p])) {
                in();
                p++;
                out();
            }
        } while (ty[p] == STAR);
        out();
    }

    private void identInitDeclaratorList(String type, List<Stmt.Declarator> ds) {
        in();
        in(); // identInitDeclarator
        int f = p;
        in(); // identDeclarator
        String ptr = "";
        int name;
        if (ty[p] == STAR) {
            int b = p;
            pointer();
            ptr = " " + text(b, p - 1);
            name = directDeclarator();
        } else {
            name = expect(IDENT);
            declaratorSuffixes();
        }
        out();
        ds.add(new Stmt.Declarator(text(name), (type + ptr).strip(), initializerAfterDeclarator(),
                pos(name)));
        out();
        while (ty[p] == COMMA) {
            p++;
            ds.add(initDeclarator(type));
        }
        out();
    }

    private Expr initializer() {
        in();
        Expr e;
        if (ty[p] == LBRACE) {
            int open = p++;
            List<Expr> kids = new ArrayList<>();
            if (ty[p] != RBRACE && ty[p] != COMMA) initializerList(kids);
            if (ty[p] == COMMA) p++;
            int close = expect(RBRACE);
            e = mk(Expr.Kind.INIT_LIST, null, null, kids, null, open, close);
        } else {
            e = assignExpr(0);
        }
        out();
        return e;
    }

    private void initializerList(List<Expr> out) {
        in();
        out.add(designatedInitializer());
        while (ty[p] == COMMA && la(1) != RBRACE) {
            p++;
            out.add(designatedInitializer());
        }
        out();
    }

    private Expr designatedInitializer() {
        in();
        if (ty[p] == DOT || ty[p] == LBRACK) {
            while (ty[p] == DOT || ty[p] == LBRACK) designator();
            expect(ASSIGN);
        } else if (ty[p] == IDENT && la(1) == COLON) {
            p += 2;
        }
        Expr e = initializer();
        out();
        return e;
    }

    private void designator() {
        in();
        if (ty[p] == LBRACK) {
            p++;
            assignExpr(0);
            if (ty[p] == ELLIPSIS) {
                p++;
                assignExpr(0);
            }
            expect(RBRACK);
        } else {
            expect(DOT);
            if (ty[p] != IDENT && ty[p] != TYPEDEF_NAME) throw GIVE_WAY;
            p++;
        }
        out();
    }

    /** typeName, without function or array declarators (left to ANTLR). */
    private void typeName() {
        in();
        int q = p;
        while (isSpecWord(ty[q])) q++;
        if (ty[q] == IDENT) { // specWord* IDENT specWord* pointer
            while (isSpecWord(ty[p])) specWord();
            p++;
            while (isSpecWord(ty[p])) specWord();
            pointer();
        } else {
            declarationSpecifiers();
            if (ty[p] == STAR) {
                in(); // abstractDeclarator
                pointer();
                out();
            }
        }
        if (ty[p] == LPAREN || ty[p] == LBRACK) throw GIVE_WAY;
        out();
    }

    // ------------------------------------------------------------------ expressions

    private Expr expression() {
        in();
        int f = p;
        Expr e = assignExpr(0);
        if (ty[p] == COMMA) {
            List<Expr> kids = new ArrayList<>();
            kids.add(e);
            while (ty[p] == COMMA) {
                p++;
                kids.add(assignExpr(0));
            }
            e = mk(Expr.Kind.COMMA, ",", null, kids, null, f, p - 1);
        }
        out();
        return e;
    }

    private Expr assignExpr(int prec) {
        in();
        int begin = p;
        int wraps = 0;
        Expr left = operand(begin);
        loop:
        for (;;) {
            int k = ty[p];
            int q;
            switch (k) {
                case LBRACK: q = P_INDEX; break;
                case LPAREN: q = P_CALL; break;
                case DOT: case ARROW: q = P_MEMBER; break;
                case INC: case DEC: q = P_POSTFIX; break;
                case STRING: q = P_STRING; break;
                case IDENT:
                    if (!identsThenString(p)) break loop;
                    q = P_STRING;
                    break;
                case STAR: case DIV: case MOD: q = P_MUL; break;
                case PLUS: case MINUS: q = P_ADD; break;
                case SHL: case SHR: q = P_SHIFT; break;
                case LT: case GT: case LE: case GE: q = P_REL; break;
                case EQ: case NE: q = P_EQ; break;
                case AMP: q = P_BITAND; break;
                case CARET: q = P_XOR; break;
                case PIPE: q = P_BITOR; break;
                case ANDAND: q = P_AND; break;
                case OROR: q = P_OR; break;
                case QUESTION: q = P_COND; break;
                case ASSIGN: case MUL_ASSIGN: case DIV_ASSIGN: case MOD_ASSIGN: case ADD_ASSIGN: case SUB_ASSIGN:
                case SHL_ASSIGN: case SHR_ASSIGN: case AND_ASSIGN: case XOR_ASSIGN: case OR_ASSIGN:
                    q = P_ASSIGN;
                    break;
                default:
                    break loop;
            }
            if (q < prec) break;
            wraps++; // ANTLR wraps the operand so far in a new context
            in();
            switch (q) {
                case P_INDEX: {
                    p++;
                    Expr ix = expression();
                    expect(RBRACK);
                    left = mk(Expr.Kind.INDEX, null, null, List.of(left, ix), null, begin, p - 1);
                    break;
                }
                case P_CALL: {
                    p++;
                    List<Expr> kids = new ArrayList<>();
                    kids.add(left);
                    if (ty[p] != RPAREN) argumentList(kids);
                    expect(RPAREN);
                    left = mk(Expr.Kind.CALL, null, null, kids, null, begin, p - 1);
                    break;
                }
                case P_MEMBER: {
                    int op = p++;
                    if (ty[p] != IDENT && ty[p] != TYPEDEF_NAME) throw GIVE_WAY;
                    int m = p++;
                    left = mk(Expr.Kind.MEMBER, text(op), text(m), List.of(left), null, begin, m);
                    break;
                }
                case P_POSTFIX: {
                    int op = p++;
                    left = mk(Expr.Kind.POSTFIX, text(op), null, List.of(left), null, begin, op);
                    break;
                }
                case P_STRING: {
                    while (ty[p] == IDENT) p++;
                    expect(STRING);
                    List<Expr> kids = new ArrayList<>();
                    kids.add(left);
                    kids.addAll(stringParts());
                    left = mk(Expr.Kind.STRING, null, null, kids, null, begin, p - 1);
                    break;
                }
                case P_COND: {
                    p++;
                    Expr mid = ty[p] == COLON ? null : expression();
                    expect(COLON);
                    Expr other = assignExpr(P_COND);
                    List<Expr> kids = new ArrayList<>(3);
                    kids.add(left);
                    kids.add(mid);
                    kids.add(other);
                    left = mk(Expr.Kind.CONDITIONAL, "?:", null, kids, null, begin, p - 1);
                    break;
                }
                case P_ASSIGN: {
                    int op = p++;
                    Expr right = assignExpr(P_ASSIGN);
                    left = mk(Expr.Kind.ASSIGN, text(op), null, List.of(left, right), null, begin, p - 1);
                    break;
                }
                default: { // a left-associative binary operator
                    int op = p++;
                    Expr right = assignExpr(q + 1);
                    left = mk(Expr.Kind.BINARY, text(op), null, List.of(left, right), null, begin, p - 1);
                }
            }
        }
        depth -= 1 + wraps;
        return left;
    }

    /** The alternatives of assignExpr that do not start with an operand: primaries and prefix operators. */
    private Expr operand(int b) {
        switch (ty[p]) {
            case INC: case DEC: case AMP: case STAR: case PLUS: case MINUS: case TILDE: case BANG: {
                int op = p++;
                Expr o = assignExpr(P_UNARY);
                return mk(Expr.Kind.UNARY, text(op), null, List.of(o), null, b, p - 1);
            }
            case EXTENSION:
                p++;
                return assignExpr(P_UNARY);
            case ANDAND: {
                if (la(1) != IDENT) throw GIVE_WAY;
                p += 2;
                return mk(Expr.Kind.LABEL_ADDRESS, "&&", text(p - 1), null, null, b, p - 1);
            }
            case SIZEOF:
            case ALIGNOF: {
                int op = p++;
                if (ty[p] == LPAREN && startsTypeName(p + 1)) {
                    if (ty[closing(p) + 1] == LBRACE) throw GIVE_WAY; // sizeof a compound literal
                    p++;
                    int from = p;
                    typeName();
                    String type = text(from, p - 1);
                    expect(RPAREN);
                    return mk(Expr.Kind.SIZEOF_TYPE, text(op), type, null, null, b, p - 1);
                }
                Expr o = assignExpr(P_SIZEOF);
                return mk(Expr.Kind.SIZEOF, text(op), null, List.of(o), null, b, p - 1);
            }
            case LPAREN: {
                if (la(1) == LBRACE) return primaryExpr();
                if (startsTypeName(p + 1)) {
                    if (ty[closing(p) + 1] == LBRACE) return primaryExpr(); // a compound literal
                    p++;
                    int from = p;
                    typeName();
                    String type = text(from, p - 1);
                    expect(RPAREN);
                    Expr o = assignExpr(P_CAST);
                    return mk(Expr.Kind.CAST, null, type, List.of(o), null, b, p - 1);
                }
                if (la(1) == IDENT && la(2) == RPAREN) {
                    int n = la(3);
                    switch (n) {
                        case IDENT:
                            if (identsThenString(p + 3)) throw GIVE_WAY;
                            // fall through: only a cast reads (a) b
                        case INT_LIT: case FLOAT_LIT: case CHAR_LIT: case TILDE: case BANG: case SIZEOF: case ALIGNOF: {
                            int type = p + 1;
                            p += 3;
                            Expr o = assignExpr(P_IDENT_CAST);
                            return mk(Expr.Kind.CAST, null, text(type), List.of(o), null, b, p - 1);
                        }
                        case INC: case DEC: case STRING: case EXTENSION: case GENERIC: case PP_COND:
                            throw GIVE_WAY;
                        default: // (a) - b, (a)(b), (a) & b: the parenthesised expression (the first alternative)
                            break;
                    }
                }
                return primaryExpr();
            }
            default:
                return primaryExpr();
        }
    }

    private Expr primaryExpr() {
        in();
        int f = p;
        Expr e;
        switch (ty[p]) {
            case IDENT:
                p++;
                e = mk(Expr.Kind.NAME, null, text(f), null, null, f, f);
                break;
            case INT_LIT:
            case FLOAT_LIT:
            case CHAR_LIT: {
                p++;
                int k = ty[f];
                Expr.Kind kind = k == INT_LIT ? Expr.Kind.INT : k == FLOAT_LIT ? Expr.Kind.FLOAT : Expr.Kind.CHAR;
                e = mk(kind, null, text(f), null, null, f, f);
                break;
            }
            case STRING: {
                p++;
                List<Expr> calls = stringParts();
                e = mk(Expr.Kind.STRING, null, null, calls, null, f, p - 1);
                break;
            }
            case PP_COND:
                p++;
                e = mk(Expr.Kind.PP_CONDITION, null, text(f), null, null, f, f);
                break;
            case LPAREN:
                p++;
                if (ty[p] == LBRACE) {
                    Stmt block = compound();
                    expect(RPAREN);
                    e = mk(Expr.Kind.STMT_EXPR, null, null, null, block, f, p - 1);
                } else if (startsTypeName(p)) { // (type){ ... }
                    int from = p;
                    typeName();
                    String type = text(from, p - 1);
                    expect(RPAREN);
                    expect(LBRACE);
                    List<Expr> kids = new ArrayList<>();
                    if (ty[p] != RBRACE && ty[p] != COMMA) initializerList(kids);
                    if (ty[p] == COMMA) p++;
                    expect(RBRACE);
                    e = mk(Expr.Kind.COMPOUND_LITERAL, null, type, kids, null, f, p - 1);
                } else {
                    e = expression(); // (e) is e itself
                    expect(RPAREN);
                }
                break;
            default:
                throw GIVE_WAY;
        }
        out();
        return e;
    }

    /** stringPart*: more literals and macros; the macro calls among them, as CALLs. */
    private List<Expr> stringParts() {
        List<Expr> calls = new ArrayList<>();
        while (ty[p] == STRING || ty[p] == IDENT) {
            in();
            if (ty[p] == STRING) {
                p++;
            } else {
                int name = p++;
                if (ty[p] == LPAREN) {
                    p++;
                    List<Expr> args = new ArrayList<>();
                    if (ty[p] != RPAREN) argumentList(args);
                    calls.add(macroCall(name, args, expect(RPAREN)));
                }
            }
            out();
        }
        return calls;
    }

    /** argumentList, its arguments added to {@code args}. */
    private void argumentList(List<Expr> args) {
        in();
        boolean expectArg = true;
        int lastComma = -1;
        for (;;) {
            int k = ty[p];
            if (k == COMMA) {
                lastComma = p++;
                if (expectArg) args.add(empty(lastComma));
                expectArg = true;
            } else if (k == RPAREN) {
                break;
            } else {
                if (!expectArg) throw GIVE_WAY;
                args.add(argument());
                expectArg = false;
            }
        }
        if (expectArg) args.add(empty(lastComma));
        out();
    }

    private Expr argument() {
        in();
        int f = p;
        int k = ty[p];
        Expr e;
        if (startsTypeName(p)) {
            typeName();
            e = mk(Expr.Kind.TYPE, null, text(f, p - 1), null, null, f, p - 1);
        } else if (k == LBRACE) {
            in(); // initializerBlock
            p++;
            List<Expr> kids = new ArrayList<>();
            if (ty[p] != RBRACE && ty[p] != COMMA) initializerList(kids);
            if (ty[p] == COMMA) p++;
            expect(RBRACE);
            out();
            e = mk(Expr.Kind.INIT_LIST, null, null, kids, null, f, p - 1);
        } else if (k == DOT || k == LBRACK) {
            while (ty[p] == DOT || ty[p] == LBRACK) designator();
            expect(ASSIGN);
            Expr init = initializer();
            e = mk(Expr.Kind.INIT_LIST, null, null, List.of(init), null, f, p - 1);
        } else {
            switch (k) {
                case RETURN: { // a statement passed to a macro (PP_ASSERT_WITH_CODE(c, "msg", return -EINVAL)): its calls kept
                    p++;
                    Expr value = ty[p] == COMMA || ty[p] == RPAREN ? null : assignExpr(0);
                    e = mk(Expr.Kind.UNPARSED, null, null, value == null ? null : List.of(value), null, f, p - 1);
                    break;
                }
                case GOTO:
                    p++;
                    expect(IDENT);
                    e = mk(Expr.Kind.UNPARSED, null, null, null, null, f, p - 1);
                    break;
                case BREAK: case CONTINUE: case EQ: case NE: case LT: case GT: case LE: case GE: // ASSERTCMP(a, ==, b)
                    p++;
                    e = mk(Expr.Kind.UNPARSED, null, null, null, null, f, f);
                    break;
                case IF: { // nvkm_msec(d, t, if (x) break;): the statements, as a statement expression
                    Stmt block = new Stmt(Stmt.Kind.BLOCK, pos(f));
                    List<Stmt> items = new ArrayList<>();
                    items.add(ifStatement());
                    while (ty[p] != COMMA && ty[p] != RPAREN) items.add(statement());
                    block.body = items;
                    e = mk(Expr.Kind.STMT_EXPR, null, null, null, block, f, p - 1);
                    break;
                }
                default:
                    e = assignExpr(0);
            }
        }
        if (ty[p] != COMMA && ty[p] != RPAREN) throw GIVE_WAY;
        out();
        return e;
    }
}
