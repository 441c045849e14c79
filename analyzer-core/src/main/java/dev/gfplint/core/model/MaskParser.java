package dev.gfplint.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses C expression text (a macro's replacement list, a mask written in the catalog) into a
 * {@link MaskExpr}. Anything that is not an expression (statements, token pasting, a trailing remainder)
 * yields UNKNOWN rather than an error: macro bodies of a raw tree are whatever their authors wrote.
 */
public final class MaskParser {
    private static final Set<String> TYPE_WORDS = Set.of("__force", "gfp_t", "unsigned", "signed", "int", "long",
            "short", "char", "const", "volatile", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "__u8", "__u16",
            "__u32", "__u64", "size_t", "__bitwise", "__kernel", "bool", "uint", "ulong", "uint32_t", "uint64_t");

    /** Deeper nesting than this (parentheses, unary operators, ?:) makes the text UNKNOWN: no mask is that deep. */
    static final int MAX_DEPTH = MaskExpr.MAX_SIZE;

    private final String s;
    private int p;
    private int depth;
    private String tok;      // current token text
    private char tokKind;    // 'i' identifier, 'n' number, 'o' operator, 'e' end, 'x' junk

    private MaskParser(String s) {
        this.s = s;
        next();
    }

    /** Parses the whole text as one expression; UNKNOWN when it is not one. */
    public static MaskExpr parse(String text) {
        if (text == null || text.isBlank() || text.contains("#")) return MaskExpr.UNKNOWN;
        try {
            MaskParser mp = new MaskParser(text);
            MaskExpr e = mp.expr(0);
            return mp.tokKind == 'e' ? e : MaskExpr.UNKNOWN;
        } catch (RuntimeException e) {
            return MaskExpr.UNKNOWN;
        }
    }

    /** Parses an integer literal as C writes it (hex, octal, decimal, with u/l suffixes); null if it is not one. */
    public static Long parseInt(String lit) {
        String t = lit.strip();
        int end = t.length();
        while (end > 0 && "uUlL".indexOf(t.charAt(end - 1)) >= 0) end--;
        t = t.substring(0, end);
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseUnsignedLong(t.substring(2), 16);
            if (t.startsWith("0b") || t.startsWith("0B")) return Long.parseUnsignedLong(t.substring(2), 2);
            if (t.length() > 1 && t.startsWith("0")) return Long.parseUnsignedLong(t.substring(1), 8);
            return Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // C binary operator precedence (higher binds tighter); ?: is handled at level 1.
    private static int prec(String op) {
        return switch (op) {
            case "||" -> 2;
            case "&&" -> 3;
            case "|" -> 4;
            case "^" -> 5;
            case "&" -> 6;
            case "==", "!=" -> 7;
            case "<", ">", "<=", ">=" -> 8;
            case "<<", ">>" -> 9;
            case "+", "-" -> 10;
            case "*", "/", "%" -> 11;
            default -> -1;
        };
    }

    private MaskExpr expr(int minPrec) {
        if (++depth > MAX_DEPTH) throw new IllegalStateException("too deep");
        try {
            return exprAt(minPrec);
        } finally {
            depth--;
        }
    }

    private MaskExpr exprAt(int minPrec) {
        MaskExpr left = unary();
        while (true) {
            if (tokKind == 'o' && tok.equals("?") && minPrec <= 1) {
                next();
                MaskExpr a = tokKind == 'o' && tok.equals(":") ? left : expr(0);
                expect(":");
                MaskExpr b = expr(1);
                left = MaskExpr.cond(left, a, b);
                continue;
            }
            if (tokKind != 'o') return left;
            int pr = prec(tok);
            if (pr < 0 || pr < minPrec || pr == 0) return left;
            String op = tok;
            next();
            MaskExpr right = expr(pr + 1);
            left = MaskExpr.binary(op, left, right);
        }
    }

    private MaskExpr unary() {
        if (++depth > MAX_DEPTH) throw new IllegalStateException("too deep");
        try {
            return unaryAt();
        } finally {
            depth--;
        }
    }

    private MaskExpr unaryAt() {
        if (tokKind == 'o') {
            switch (tok) {
                case "~", "!", "-", "+" -> {
                    String op = tok;
                    next();
                    MaskExpr a = unary();
                    return op.equals("+") ? a : MaskExpr.unary(op, a);
                }
                case "(" -> {
                    int save = p;
                    String saveTok = tok;
                    char saveKind = tokKind;
                    if (tryCast()) return unary();
                    p = save;
                    tok = saveTok;
                    tokKind = saveKind;
                    next();
                    MaskExpr e = expr(0);
                    while (tokKind == 'o' && tok.equals(",")) { // comma operator: the last value
                        next();
                        e = expr(0);
                    }
                    expect(")");
                    return e;
                }
                default -> throw new IllegalStateException("unexpected " + tok);
            }
        }
        if (tokKind == 'n') {
            Long v = parseInt(tok);
            next();
            return v == null ? MaskExpr.UNKNOWN : MaskExpr.constant(v);
        }
        if (tokKind == 'i') {
            String id = tok;
            next();
            if (id.equals("sizeof") || id.equals("__builtin_constant_p")) {
                skipBalanced();
                return MaskExpr.UNKNOWN;
            }
            if (tokKind == 'o' && tok.equals("(")) {
                next();
                List<MaskExpr> args = new ArrayList<>();
                if (!(tokKind == 'o' && tok.equals(")"))) {
                    args.add(expr(0));
                    while (tokKind == 'o' && tok.equals(",")) {
                        next();
                        args.add(expr(0));
                    }
                }
                expect(")");
                return MaskExpr.call(id, args);
            }
            return MaskExpr.name(id);
        }
        throw new IllegalStateException("unexpected token");
    }

    /** At '(': consumes "(type words)" when that is what follows; returns false without guarantees otherwise. */
    private boolean tryCast() {
        next();
        int words = 0;
        while (tokKind == 'i' || (tokKind == 'o' && tok.equals("*"))) {
            if (tokKind == 'i' && !(TYPE_WORDS.contains(tok) || tok.endsWith("_t"))) return false;
            words++;
            next();
        }
        if (words == 0 || !(tokKind == 'o' && tok.equals(")"))) return false;
        next();
        return tokKind == 'i' || tokKind == 'n' || (tokKind == 'o' && "(~!-".contains(tok));
    }

    private void skipBalanced() {
        if (!(tokKind == 'o' && tok.equals("("))) {
            next();
            return;
        }
        int depth = 0;
        do {
            if (tokKind == 'o' && tok.equals("(")) depth++;
            if (tokKind == 'o' && tok.equals(")")) depth--;
            if (tokKind == 'e') throw new IllegalStateException("unbalanced");
            next();
        } while (depth > 0);
    }

    private void expect(String op) {
        if (!(tokKind == 'o' && tok.equals(op))) throw new IllegalStateException("expected " + op);
        next();
    }

    private void next() {
        int n = s.length();
        while (p < n && Character.isWhitespace(s.charAt(p))) p++;
        if (p >= n) {
            tok = "";
            tokKind = 'e';
            return;
        }
        char c = s.charAt(p);
        int st = p;
        if (Character.isLetter(c) || c == '_') {
            while (p < n && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '_')) p++;
            tok = s.substring(st, p);
            tokKind = 'i';
            return;
        }
        if (Character.isDigit(c)) {
            while (p < n && (Character.isLetterOrDigit(s.charAt(p)))) p++;
            tok = s.substring(st, p);
            tokKind = 'n';
            return;
        }
        if (c == '"' || c == '\'') throw new IllegalStateException("literal");
        String two = p + 1 < n ? s.substring(p, p + 2) : "";
        switch (two) {
            case "<<", ">>", "&&", "||", "==", "!=", "<=", ">=" -> {
                p += 2;
                tok = two;
                tokKind = 'o';
                return;
            }
            default -> { }
        }
        if ("|&^~!()?:,+-*/%<>".indexOf(c) >= 0) {
            p++;
            tok = String.valueOf(c);
            tokKind = 'o';
            return;
        }
        throw new IllegalStateException("junk");
    }
}
