package dev.gfplint.core.front;

import static dev.gfplint.grammar.KernelC.*;

import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.ir.Expr;
import dev.gfplint.core.ir.SourcePos;
import dev.gfplint.core.ir.SourceText;
import dev.gfplint.core.ir.Stmt;
import dev.gfplint.core.lex.TokenBuffer;
import dev.gfplint.grammar.KernelC;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns a function body's parse tree into {@link Stmt} and {@link Expr} trees. */
final class AstBuilder {
    private final TokenBuffer tb;
    private final SourceText src;
    private final IdiomTable idioms;

    AstBuilder(TokenBuffer tb, SourceText src, IdiomTable idioms) {
        this.tb = tb;
        this.src = src;
        this.idioms = idioms;
    }

    // ------------------------------------------------------------------ positions and text

    private static KToken k(Token t) {
        return (KToken) t;
    }

    SourcePos pos(Token t) {
        KToken kt = k(t);
        return new SourcePos(tb.line(kt.idx), tb.col(kt.idx));
    }

    /** The normalized source text from token {@code first} to token {@code last}. */
    String text(KToken first, KToken last) {
        return text(first.startOffset(), last.endOffset());
    }

    /** The normalized source text from offset {@code start} to {@code end} (at least empty). */
    String text(int start, int end) {
        return src.normalized(start, Math.max(start, end));
    }

    /** An expression node spanning tokens {@code first} to {@code last}. */
    Expr mk(Expr.Kind kind, String op, String name, List<Expr> kids, Stmt block, KToken first, KToken last) {
        return mk(kind, op, name, kids, block, pos(first), first.startOffset(), last.endOffset());
    }

    /** An expression node at {@code pos} spanning offsets {@code start} to {@code end} (at least empty). */
    Expr mk(Expr.Kind kind, String op, String name, List<Expr> kids, Stmt block, SourcePos pos, int start, int end) {
        return new Expr(kind, op, name, kids, block, pos, src, start, Math.max(start, end));
    }

    private String text(ParserRuleContext c) {
        return text(k(c.start), k(c.stop != null ? c.stop : c.start));
    }

    private Expr mk(Expr.Kind kind, String op, String name, List<Expr> kids, Stmt block, ParserRuleContext c) {
        return mk(kind, op, name, kids, block, k(c.start), k(c.stop != null ? c.stop : c.start));
    }

    // ------------------------------------------------------------------ statements

    Stmt body(KernelC.FunctionBodyContext c) {
        return block(c.compoundStatement());
    }

    private Stmt block(KernelC.CompoundStatementContext c) {
        Stmt s = new Stmt(Stmt.Kind.BLOCK, pos(c.start));
        if (c.stop != null) s.end = pos(c.stop);
        List<Stmt> items = new ArrayList<>(c.blockItem().size());
        for (KernelC.BlockItemContext bi : c.blockItem()) items.add(blockItem(bi));
        s.body = items;
        return s;
    }

    private Stmt blockItem(KernelC.BlockItemContext c) {
        if (c instanceof KernelC.DeclItemContext) return declaration(((KernelC.DeclItemContext) c).declaration());
        if (c instanceof KernelC.StmtItemContext) return stmt(((KernelC.StmtItemContext) c).statement());
        return new Stmt(Stmt.Kind.LOCAL_LABELS, pos(c.start));
    }

    /** A statement, with {@link Stmt#end} at its last token (where a guard's scope ends). */
    private Stmt stmt(KernelC.StatementContext c) {
        Stmt s = stmt0(c);
        if (s != null && s.end == null && c.stop != null) s.end = pos(c.stop);
        return s;
    }

    private Stmt stmt0(KernelC.StatementContext c) {
        SourcePos p = pos(c.start);
        if (c instanceof KernelC.BlockStmtContext) return block(((KernelC.BlockStmtContext) c).compoundStatement());
        if (c instanceof KernelC.IfStmtContext) {
            KernelC.IfStmtContext x = (KernelC.IfStmtContext) c;
            Stmt s = new Stmt(Stmt.Kind.IF, p);
            s.expr = expression(x.expression());
            s.then = stmt(x.statement(0));
            if (x.statement().size() > 1) s.otherwise = stmt(x.statement(1));
            return s;
        }
        if (c instanceof KernelC.SwitchStmtContext) {
            KernelC.SwitchStmtContext x = (KernelC.SwitchStmtContext) c;
            Stmt s = new Stmt(Stmt.Kind.SWITCH, p);
            s.expr = expression(x.expression());
            s.then = stmt(x.statement());
            return s;
        }
        if (c instanceof KernelC.WhileStmtContext) {
            KernelC.WhileStmtContext x = (KernelC.WhileStmtContext) c;
            Stmt s = new Stmt(Stmt.Kind.WHILE, p);
            s.expr = expression(x.expression());
            s.then = stmt(x.statement());
            return s;
        }
        if (c instanceof KernelC.DoStmtContext) {
            KernelC.DoStmtContext x = (KernelC.DoStmtContext) c;
            Stmt s = new Stmt(Stmt.Kind.DO, p);
            s.then = stmt(x.statement());
            s.expr = expression(x.expression());
            return s;
        }
        if (c instanceof KernelC.ForStmtContext) {
            KernelC.ForStmtContext x = (KernelC.ForStmtContext) c;
            Stmt s = new Stmt(Stmt.Kind.FOR, p);
            if (x.forInit() != null) s.init = forInit(x.forInit());
            if (x.forCond != null) s.expr = expression(x.forCond);
            if (x.forStep != null) s.step = expression(x.forStep);
            s.then = stmt(x.statement());
            return s;
        }
        if (c instanceof KernelC.GotoStmtContext) {
            Stmt s = new Stmt(Stmt.Kind.GOTO, p);
            s.name = ((KernelC.GotoStmtContext) c).IDENT().getText();
            return s;
        }
        if (c instanceof KernelC.ComputedGotoStmtContext) {
            Stmt s = new Stmt(Stmt.Kind.COMPUTED_GOTO, p);
            s.expr = expression(((KernelC.ComputedGotoStmtContext) c).expression());
            return s;
        }
        if (c instanceof KernelC.ContinueStmtContext) return new Stmt(Stmt.Kind.CONTINUE, p);
        if (c instanceof KernelC.BreakStmtContext) return new Stmt(Stmt.Kind.BREAK, p);
        if (c instanceof KernelC.ReturnStmtContext) {
            Stmt s = new Stmt(Stmt.Kind.RETURN, p);
            KernelC.ExpressionContext e = ((KernelC.ReturnStmtContext) c).expression();
            if (e != null) s.expr = expression(e);
            return s;
        }
        if (c instanceof KernelC.CaseLabelContext) {
            KernelC.CaseLabelContext x = (KernelC.CaseLabelContext) c;
            Stmt s = new Stmt(Stmt.Kind.CASE, p);
            s.expr = expr(x.assignExpr(0));
            if (x.assignExpr().size() > 1) s.caseHigh = expr(x.assignExpr(1));
            return s;
        }
        if (c instanceof KernelC.DefaultLabelContext) return new Stmt(Stmt.Kind.DEFAULT, p);
        if (c instanceof KernelC.LabelStmtContext) {
            Stmt s = new Stmt(Stmt.Kind.LABEL, p);
            s.name = ((KernelC.LabelStmtContext) c).IDENT().getText();
            return s;
        }
        if (c instanceof KernelC.AsmStmtContext) {
            Stmt s = new Stmt(Stmt.Kind.ASM, p);
            s.text = text(c);
            KernelC.AsmLabelsContext labels = ((KernelC.AsmStmtContext) c).asmStatement().asmLabels();
            if (labels != null) s.labels = labels.IDENT().stream().map(TerminalNode::getText).toList();
            return s;
        }
        if (c instanceof KernelC.ExprStmtContext) {
            Stmt s = new Stmt(Stmt.Kind.EXPR, p);
            s.expr = expression(((KernelC.ExprStmtContext) c).expression());
            return s;
        }
        if (c instanceof KernelC.MacroStmtContext) {
            KernelC.MacroStmtContext x = (KernelC.MacroStmtContext) c;
            Stmt s = new Stmt(Stmt.Kind.MACRO, p);
            String name = x.IDENT().getText();
            s.expr = macroCall(x.IDENT().getSymbol(), x.argumentList(), x.RPAREN().getSymbol(), c);
            s.then = stmt(x.statement());
            s.macroKind = macroKind(name);
            return s;
        }
        if (c instanceof KernelC.SkippedStmtContext) return skipped(k(c.start), p);
        if (c instanceof KernelC.MacroEndStmtContext) {
            // a statement-like macro written without a semicolon at the end of a block
            KernelC.MacroEndStmtContext x = (KernelC.MacroEndStmtContext) c;
            Stmt s = new Stmt(Stmt.Kind.MACRO, p);
            s.expr = macroCall(x.IDENT().getSymbol(), x.argumentList(), x.RPAREN().getSymbol(), c);
            s.macroKind = Stmt.MacroKind.STATEMENT;
            return s;
        }
        return new Stmt(Stmt.Kind.EMPTY, p);
    }

    /** NAME(args) as a CALL expression spanning NAME to its closing parenthesis. */
    private Expr macroCall(Token name, KernelC.ArgumentListContext args, Token rparen, ParserRuleContext c) {
        return macroCall(k(name), arguments(args), k(rparen));
    }

    private Expr macroCall(KToken name, List<Expr> args, KToken rparen) {
        return macroCall(name.getText(), pos(name), name.startOffset(), name.endOffset(), args, rparen.endOffset());
    }

    /** NAME(args) for the name {@code name} at {@code pos} and offsets [start, end), its ')' ending at {@code close}. */
    Expr macroCall(String name, SourcePos pos, int start, int end, List<Expr> args, int close) {
        List<Expr> kids = new ArrayList<>();
        kids.add(new Expr(Expr.Kind.NAME, null, name, null, null, pos, src, start, end));
        kids.addAll(args);
        return new Expr(Expr.Kind.CALL, null, null, kids, null, pos, src, start, close);
    }

    /** The kind of the statement-like macro {@code name}. */
    Stmt.MacroKind macroKind(String name) {
        return idioms.isGuard(name) ? Stmt.MacroKind.GUARD
                : idioms.isIterator(name) ? Stmt.MacroKind.ITERATOR : Stmt.MacroKind.STATEMENT;
    }

    private Stmt forInit(KernelC.ForInitContext c) {
        if (c.expression() != null) {
            Stmt s = new Stmt(Stmt.Kind.EXPR, pos(c.start));
            s.expr = expression(c.expression());
            return s;
        }
        Stmt s = new Stmt(Stmt.Kind.DECL, pos(c.start));
        List<Stmt.Declarator> ds = new ArrayList<>();
        String type = c.declarationSpecifiers() != null ? text(c.declarationSpecifiers()) : specText(c);
        if (c.initDeclaratorList() != null) {
            for (KernelC.InitDeclaratorContext d : c.initDeclaratorList().initDeclarator()) ds.add(declarator(type, d));
        } else {
            identDeclarators(type, c.identInitDeclaratorList(), ds);
        }
        s.declarators = ds;
        return s;
    }

    private Stmt declaration(KernelC.DeclarationContext c) {
        Stmt s = new Stmt(Stmt.Kind.DECL, pos(c.start));
        List<Stmt.Declarator> ds = new ArrayList<>();
        if (c.LPAREN() != null) {
            // a variable declared through a macro: DECLARE_BITMAP(x, N) = { }; static DEFINE_MUTEX(m);
            Expr call = macroCall(c.IDENT().getSymbol(), c.argumentList(), c.RPAREN().getSymbol(), c);
            List<Expr> args = call.args();
            Expr first = args.isEmpty() ? null : args.get(0);
            String name = first != null && first.kind() == Expr.Kind.NAME ? first.name() : "";
            Expr init = c.initializerBlock() != null
                    ? mk(Expr.Kind.INIT_LIST, null, null, initList(c.initializerBlock().initializerList()), null, c.initializerBlock())
                    : null;
            ds.add(new Stmt.Declarator(name, call.calleeName(), init, first != null ? first.pos() : call.pos()));
            s.expr = call;
        } else if (c.declarationSpecifiers() != null) {
            String type = text(c.declarationSpecifiers());
            if (c.initDeclaratorList() != null) {
                for (KernelC.InitDeclaratorContext d : c.initDeclaratorList().initDeclarator()) ds.add(declarator(type, d));
            }
        } else {
            identDeclarators(specText(c), c.identInitDeclaratorList(), ds);
        }
        s.declarators = ds;
        return s;
    }

    /** The type words of a declaration whose type is a bare identifier: everything before the declarators. */
    private String specText(ParserRuleContext c) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.getChildCount(); i++) {
            ParseTree ch = c.getChild(i);
            if (ch instanceof KernelC.IdentInitDeclaratorListContext) break;
            if (sb.length() > 0) sb.append(' ');
            sb.append(ch instanceof ParserRuleContext ? text((ParserRuleContext) ch) : ch.getText());
        }
        return sb.toString();
    }

    private void identDeclarators(String type, KernelC.IdentInitDeclaratorListContext l, List<Stmt.Declarator> ds) {
        KernelC.IdentInitDeclaratorContext first = l.identInitDeclarator();
        KernelC.IdentDeclaratorContext id = first.identDeclarator();
        String name;
        String ptr = "";
        SourcePos p;
        if (id.IDENT() != null) {
            name = id.IDENT().getText();
            p = pos(id.IDENT().getSymbol());
        } else {
            ptr = " " + text(id.pointer());
            Token nt = declaredName(id.directDeclarator());
            name = nt == null ? "" : nt.getText();
            p = nt == null ? pos(id.start) : pos(nt);
        }
        Expr init = first.initializer() != null ? initializer(first.initializer()) : null;
        ds.add(new Stmt.Declarator(name, (type + ptr).strip(), init, p));
        for (KernelC.InitDeclaratorContext d : l.initDeclarator()) ds.add(declarator(type, d));
    }

    private Stmt.Declarator declarator(String type, KernelC.InitDeclaratorContext d) {
        KernelC.DeclaratorContext dc = d.declarator();
        Token nt = declaredName(dc.directDeclarator());
        String ptr = dc.pointer() != null ? " " + text(dc.pointer()) : "";
        Expr init = d.initializer() != null ? initializer(d.initializer()) : null;
        return new Stmt.Declarator(nt == null ? "" : nt.getText(), (type + ptr).strip(), init,
                nt == null ? pos(d.start) : pos(nt));
    }

    private static Token declaredName(KernelC.DirectDeclaratorContext dd) {
        while (dd != null) {
            int t = dd.start.getType();
            if (t == IDENT || t == TYPEDEF_NAME) return dd.start;
            KernelC.DeclaratorContext inner = dd.declarator();
            dd = inner == null ? null : inner.directDeclarator();
        }
        return null;
    }

    Stmt skipped(KToken t, SourcePos p) {
        Stmt s = new Stmt(Stmt.Kind.SKIPPED, p);
        s.text = src.normalized(t.startOffset(), t.endOffset());
        s.lexicalCalls = LexicalCalls.find(t.parts, src);
        return s;
    }

    // ------------------------------------------------------------------ expressions

    Expr expression(KernelC.ExpressionContext c) {
        List<KernelC.AssignExprContext> items = c.assignExpr();
        if (items.size() == 1) return expr(items.get(0));
        List<Expr> kids = new ArrayList<>(items.size());
        for (KernelC.AssignExprContext a : items) kids.add(expr(a));
        return mk(Expr.Kind.COMMA, ",", null, kids, null, c);
    }

    private Expr expr(KernelC.AssignExprContext c) {
        if (c instanceof KernelC.PrimaryContext) return primary(((KernelC.PrimaryContext) c).primaryExpr());
        if (c instanceof KernelC.CallExprContext) {
            KernelC.CallExprContext x = (KernelC.CallExprContext) c;
            List<Expr> kids = new ArrayList<>();
            kids.add(expr(x.assignExpr()));
            kids.addAll(arguments(x.argumentList()));
            return mk(Expr.Kind.CALL, null, null, kids, null, c);
        }
        if (c instanceof KernelC.BinaryExprContext) {
            KernelC.BinaryExprContext x = (KernelC.BinaryExprContext) c;
            return mk(Expr.Kind.BINARY, x.op.getText(), null, List.of(expr(x.assignExpr(0)), expr(x.assignExpr(1))), null, c);
        }
        if (c instanceof KernelC.UnaryExprContext) {
            KernelC.UnaryExprContext x = (KernelC.UnaryExprContext) c;
            Expr operand = expr(x.assignExpr());
            if (x.op.getType() == EXTENSION) return operand;
            return mk(Expr.Kind.UNARY, x.op.getText(), null, List.of(operand), null, c);
        }
        if (c instanceof KernelC.AssignmentExprContext) {
            KernelC.AssignmentExprContext x = (KernelC.AssignmentExprContext) c;
            return mk(Expr.Kind.ASSIGN, x.op.getText(), null, List.of(expr(x.assignExpr(0)), expr(x.assignExpr(1))), null, c);
        }
        if (c instanceof KernelC.MemberExprContext) {
            KernelC.MemberExprContext x = (KernelC.MemberExprContext) c;
            return mk(Expr.Kind.MEMBER, x.op.getText(), x.stop.getText(), List.of(expr(x.assignExpr())), null, c);
        }
        if (c instanceof KernelC.IndexExprContext) {
            KernelC.IndexExprContext x = (KernelC.IndexExprContext) c;
            return mk(Expr.Kind.INDEX, null, null, List.of(expr(x.assignExpr()), expression(x.expression())), null, c);
        }
        if (c instanceof KernelC.CastExprContext) {
            KernelC.CastExprContext x = (KernelC.CastExprContext) c;
            return mk(Expr.Kind.CAST, null, text(x.typeName()), List.of(expr(x.assignExpr())), null, c);
        }
        if (c instanceof KernelC.IdentCastExprContext) {
            KernelC.IdentCastExprContext x = (KernelC.IdentCastExprContext) c;
            return mk(Expr.Kind.CAST, null, x.IDENT().getText(), List.of(expr(x.assignExpr())), null, c);
        }
        if (c instanceof KernelC.ConditionalExprContext) {
            KernelC.ConditionalExprContext x = (KernelC.ConditionalExprContext) c;
            List<Expr> kids = new ArrayList<>(3);
            kids.add(expr(x.assignExpr(0)));
            kids.add(x.expression() != null ? expression(x.expression()) : null);
            kids.add(expr(x.assignExpr(1)));
            return mk(Expr.Kind.CONDITIONAL, "?:", null, kids, null, c);
        }
        if (c instanceof KernelC.PostfixExprContext) {
            KernelC.PostfixExprContext x = (KernelC.PostfixExprContext) c;
            return mk(Expr.Kind.POSTFIX, x.op.getText(), null, List.of(expr(x.assignExpr())), null, c);
        }
        if (c instanceof KernelC.StringConcatExprContext) {
            // KERN_ERR "..." or __stringify(x) "...": a string whose first part is a macro
            KernelC.StringConcatExprContext x = (KernelC.StringConcatExprContext) c;
            List<Expr> kids = new ArrayList<>();
            kids.add(expr(x.assignExpr()));
            kids.addAll(stringMacros(x.stringPart()));
            return mk(Expr.Kind.STRING, null, null, kids, null, c);
        }
        if (c instanceof KernelC.SizeofExprContext) {
            KernelC.SizeofExprContext x = (KernelC.SizeofExprContext) c;
            return mk(Expr.Kind.SIZEOF, x.op.getText(), null, List.of(expr(x.assignExpr())), null, c);
        }
        if (c instanceof KernelC.SizeofTypeExprContext) {
            KernelC.SizeofTypeExprContext x = (KernelC.SizeofTypeExprContext) c;
            return mk(Expr.Kind.SIZEOF_TYPE, x.op.getText(), text(x.typeName()), null, null, c);
        }
        if (c instanceof KernelC.LabelAddressExprContext) {
            return mk(Expr.Kind.LABEL_ADDRESS, "&&", ((KernelC.LabelAddressExprContext) c).IDENT().getText(), null, null, c);
        }
        throw new IllegalStateException("unhandled expression " + c.getClass().getSimpleName());
    }

    private Expr primary(KernelC.PrimaryExprContext c) {
        if (c instanceof KernelC.IdentPrimaryContext) {
            return mk(Expr.Kind.NAME, null, ((KernelC.IdentPrimaryContext) c).IDENT().getText(), null, null, c);
        }
        if (c instanceof KernelC.LiteralPrimaryContext) {
            int t = c.start.getType();
            Expr.Kind kind = t == INT_LIT ? Expr.Kind.INT : t == FLOAT_LIT ? Expr.Kind.FLOAT : Expr.Kind.CHAR;
            return mk(kind, null, c.start.getText(), null, null, c);
        }
        if (c instanceof KernelC.StringPrimaryContext) {
            return mk(Expr.Kind.STRING, null, null, stringMacros(((KernelC.StringPrimaryContext) c).stringPart()), null, c);
        }
        if (c instanceof KernelC.ParenPrimaryContext) return expression(((KernelC.ParenPrimaryContext) c).expression());
        if (c instanceof KernelC.StmtExprPrimaryContext) {
            return mk(Expr.Kind.STMT_EXPR, null, null, null, block(((KernelC.StmtExprPrimaryContext) c).compoundStatement()), c);
        }
        if (c instanceof KernelC.CompoundLiteralPrimaryContext) {
            KernelC.CompoundLiteralPrimaryContext x = (KernelC.CompoundLiteralPrimaryContext) c;
            return mk(Expr.Kind.COMPOUND_LITERAL, null, text(x.typeName()), initList(x.initializerList()), null, c);
        }
        if (c instanceof KernelC.GenericPrimaryContext) {
            KernelC.GenericPrimaryContext x = (KernelC.GenericPrimaryContext) c;
            List<Expr> kids = new ArrayList<>();
            kids.add(expr(x.assignExpr()));
            for (KernelC.GenericAssociationContext g : x.genericAssociation()) kids.add(expr(g.assignExpr()));
            return mk(Expr.Kind.GENERIC, null, null, kids, null, c);
        }
        return mk(Expr.Kind.PP_CONDITION, null, c.start.getText(), null, null, c);
    }

    /** The macro calls inside a string concatenation ("limit=" __stringify(N) "\n"), as CALL children. */
    private List<Expr> stringMacros(List<KernelC.StringPartContext> parts) {
        List<Expr> out = new ArrayList<>();
        for (KernelC.StringPartContext p : parts) {
            if (p.LPAREN() != null) out.add(macroCall(p.IDENT().getSymbol(), p.argumentList(), p.RPAREN().getSymbol(), p));
        }
        return out;
    }

    private List<Expr> arguments(KernelC.ArgumentListContext c) {
        List<Expr> out = new ArrayList<>();
        if (c == null) return out;
        boolean expectArg = true;
        for (ParseTree ch : c.children) {
            if (ch instanceof TerminalNode) { // a comma
                if (expectArg) out.add(empty((TerminalNode) ch));
                expectArg = true;
            } else {
                out.add(argument((KernelC.ArgumentContext) ch));
                expectArg = false;
            }
        }
        if (expectArg) out.add(empty((TerminalNode) c.getChild(c.getChildCount() - 1)));
        return out;
    }

    private Expr empty(TerminalNode comma) {
        return empty(k(comma.getSymbol()));
    }

    private Expr empty(KToken t) {
        return empty(pos(t), t.startOffset());
    }

    /** An empty macro argument, at the comma after it ({@code pos}, offset {@code at}). */
    Expr empty(SourcePos pos, int at) {
        return new Expr(Expr.Kind.EMPTY, null, null, null, null, pos, src, at, at);
    }

    private Expr argument(KernelC.ArgumentContext c) {
        if (c.RETURN() != null) {
            // a statement passed to a macro: return x, break, goto out; kept as text, calls inside still seen
            return mk(Expr.Kind.UNPARSED, null, null, c.assignExpr() != null ? List.of(expr(c.assignExpr())) : null, null, c);
        }
        if (c.assignExpr() != null) return expr(c.assignExpr());
        if (c.typeName() != null) return mk(Expr.Kind.TYPE, null, text(c.typeName()), null, null, c);
        if (c.initializerBlock() != null) {
            return mk(Expr.Kind.INIT_LIST, null, null, initList(c.initializerBlock().initializerList()), null, c);
        }
        if (c.initializer() != null) { // .field = value
            return mk(Expr.Kind.INIT_LIST, null, null, List.of(initializer(c.initializer())), null, c);
        }
        if (c.IF() != null) { // if (x) break; ... as a macro argument
            Stmt block = new Stmt(Stmt.Kind.BLOCK, pos(c.start));
            Stmt first = new Stmt(Stmt.Kind.IF, pos(c.start));
            first.expr = expression(c.expression());
            first.then = stmt(c.statement(0));
            int next = 1;
            if (c.ELSE() != null) first.otherwise = stmt(c.statement(next++));
            List<Stmt> items = new ArrayList<>();
            items.add(first);
            for (int i = next; i < c.statement().size(); i++) items.add(stmt(c.statement(i)));
            block.body = items;
            return mk(Expr.Kind.STMT_EXPR, null, null, null, block, c);
        }
        return mk(Expr.Kind.UNPARSED, null, null, null, null, c);
    }

    private Expr initializer(KernelC.InitializerContext c) {
        if (c.assignExpr() != null) return expr(c.assignExpr());
        return mk(Expr.Kind.INIT_LIST, null, null, initList(c.initializerList()), null, c);
    }

    private List<Expr> initList(KernelC.InitializerListContext c) {
        List<Expr> out = new ArrayList<>();
        if (c == null) return out;
        for (KernelC.DesignatedInitializerContext d : c.designatedInitializer()) out.add(initializer(d.initializer()));
        return out;
    }
}
