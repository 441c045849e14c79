package dev.gfplint.core.lex;

import dev.gfplint.grammar.KernelC;

/** Token types: the parser's vocabulary plus the two the front end uses before parsing. */
public final class Tok {
    private Tok() {}

    /** A whole preprocessor line (with its continuations). Never reaches the parser. */
    public static final int DIRECTIVE = 10_000;
    /** A token removed before parsing (an annotation macro and its arguments). */
    public static final int DROPPED = 10_001;

    public static boolean isOpen(int t) {
        return t == KernelC.LPAREN || t == KernelC.LBRACK || t == KernelC.LBRACE;
    }

    public static boolean isClose(int t) {
        return t == KernelC.RPAREN || t == KernelC.RBRACK || t == KernelC.RBRACE;
    }
}
