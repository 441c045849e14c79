package dev.gfplint.core.lex;

import static dev.gfplint.grammar.KernelC.*;

import dev.gfplint.core.idiom.IdiomTable;

/**
 * A hand-written lexer for raw kernel C. It never fails: an unterminated comment, string or character
 * literal ends at the end of the file or line, and a character C does not know becomes OTHER.
 *
 * <p>It handles comments, literals with prefixes (L, u, U, u8) and escapes, backslash-newline continuations
 * anywhere, and preprocessor lines, which become one DIRECTIVE token each (comments inside them may span
 * lines). Keywords and their GNU spellings (__volatile__, __typeof__, ...) map to keyword tokens.
 * Hand-written rather than ANTLR-generated for speed: the whole kernel is 1.3 GB of C.
 */
public final class Lexer {
    private final IdiomTable idioms;

    public Lexer(IdiomTable idioms) {
        this.idioms = idioms;
    }

    public TokenBuffer lex(char[] s) {
        return lex(s, Integer.MAX_VALUE);
    }

    /** Lexes at most {@code maxTokens + 1} tokens: a buffer longer than {@code maxTokens} says the text has more. */
    public TokenBuffer lex(char[] s, int maxTokens) {
        TokenBuffer tb = new TokenBuffer(s, (int) Math.min(s.length / 5, (long) maxTokens + 1));
        int n = s.length;
        int i = 0;
        int line = 1;
        int lineStart = 0;
        boolean atLineStart = true;
        while (i < n && tb.size() <= maxTokens) {
            char c = s[i];
            if (c == '\n') {
                i++;
                line++;
                lineStart = i;
                atLineStart = true;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
                i++;
                continue;
            }
            if (c == '\\') {
                int j = skipContinuation(s, i);
                if (j > i) {
                    i = j;
                    line++;
                    lineStart = i;
                    continue;
                }
            }
            if (c == '/' && i + 1 < n) {
                char d = s[i + 1];
                if (d == '/') {
                    // line comment; a backslash-newline continues it
                    i += 2;
                    while (i < n && s[i] != '\n') {
                        if (s[i] == '\\') {
                            int j = skipContinuation(s, i);
                            if (j > i) {
                                i = j;
                                line++;
                                lineStart = i;
                                continue;
                            }
                        }
                        i++;
                    }
                    continue;
                }
                if (d == '*') {
                    i += 2;
                    while (i < n) {
                        char e = s[i];
                        if (e == '*' && i + 1 < n && s[i + 1] == '/') {
                            i += 2;
                            break;
                        }
                        if (e == '\n') {
                            line++;
                            lineStart = i + 1;
                        }
                        i++;
                    }
                    if (i > n) i = n;
                    continue;
                }
            }
            int startLine = line;
            int startCol = i - lineStart + 1;
            if (c == '#' && atLineStart) {
                // preprocessor line
                int dstart = i;
                i++;
                while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
                int ns = i;
                while (i < n && isIdentPart(s[i])) i++;
                DirectiveKind kind = DirectiveKind.of(s, ns, i);
                // to the end of the logical line
                while (i < n) {
                    char e = s[i];
                    if (e == '\n') break;
                    if (e == '\\') {
                        int j = skipContinuation(s, i);
                        if (j > i) {
                            i = j;
                            line++;
                            lineStart = i;
                            continue;
                        }
                        i++;
                        continue;
                    }
                    if (e == '/' && i + 1 < n && s[i + 1] == '*') {
                        i += 2;
                        while (i < n && !(s[i] == '*' && i + 1 < n && s[i + 1] == '/')) {
                            if (s[i] == '\n') {
                                line++;
                                lineStart = i + 1;
                            }
                            i++;
                        }
                        i = Math.min(n, i + 2);
                        continue;
                    }
                    if (e == '/' && i + 1 < n && s[i + 1] == '/') {
                        while (i < n && s[i] != '\n') i++;
                        break;
                    }
                    if (e == '"' || e == '\'') {
                        int from = i;
                        i = skipQuoted(s, i, e);
                        int nl = lastNewline(s, from, i); // a literal continued with backslash-newline
                        if (nl >= 0) {
                            line += newlines(s, from, i);
                            lineStart = nl + 1;
                        }
                        continue;
                    }
                    i++;
                }
                tb.add(Tok.DIRECTIVE, dstart, i, startLine, startCol, kind.ordinal());
                atLineStart = false;
                continue;
            }
            atLineStart = false;
            if (isIdentStart(c)) {
                int j = i + 1;
                while (j < n && isIdentPart(s[j])) j++;
                // string / char literal prefixes
                if (j < n && (s[j] == '"' || s[j] == '\'') && isLiteralPrefix(s, i, j)) {
                    char q = s[j];
                    int e = skipQuoted(s, j, q);
                    tb.add(q == '"' ? STRING : CHAR_LIT, i, e, startLine, startCol, 0);
                    int nl = lastNewline(s, j, e);
                    if (nl >= 0) {
                        line += newlines(s, j, e);
                        lineStart = nl + 1;
                    }
                    i = e;
                    continue;
                }
                int w = idioms.word(s, i, j);
                tb.add(IdiomTable.typeOf(w), i, j, startLine, startCol, IdiomTable.flagsOf(w));
                i = j;
                continue;
            }
            if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')) {
                int j = i + 1;
                boolean isFloat = c == '.';
                while (j < n) {
                    char e = s[j];
                    char prev = s[j - 1];
                    if ((e == '+' || e == '-') && (prev == 'e' || prev == 'E' || prev == 'p' || prev == 'P')) {
                        j++; // pp-number exponent sign (as in C, 0xe+1 is one pp-number)
                    } else if (isIdentPart(e) || e == '.') {
                        j++;
                    } else {
                        break;
                    }
                }
                boolean hex = j - i > 1 && c == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X');
                for (int k = i; k < j && !isFloat; k++) {
                    char e = s[k];
                    isFloat = e == '.' || (!hex && (e == 'e' || e == 'E')) || (hex && (e == 'p' || e == 'P'));
                }
                tb.add(isFloat ? FLOAT_LIT : INT_LIT, i, j, startLine, startCol, 0);
                i = j;
                continue;
            }
            if (c == '"' || c == '\'') {
                int e = skipQuoted(s, i, c);
                tb.add(c == '"' ? STRING : CHAR_LIT, i, e, startLine, startCol, 0);
                int nl = lastNewline(s, i, e);
                if (nl >= 0) {
                    line += newlines(s, i, e);
                    lineStart = nl + 1;
                }
                i = e;
                continue;
            }
            int t;
            int len = 1;
            char d = i + 1 < n ? s[i + 1] : 0;
            char f = i + 2 < n ? s[i + 2] : 0;
            switch (c) {
                case '(': t = LPAREN; break;
                case ')': t = RPAREN; break;
                case '[': t = LBRACK; break;
                case ']': t = RBRACK; break;
                case '{': t = LBRACE; break;
                case '}': t = RBRACE; break;
                case ';': t = SEMI; break;
                case ',': t = COMMA; break;
                case '?': t = QUESTION; break;
                case ':': t = COLON; break;
                case '~': t = TILDE; break;
                case '.':
                    if (d == '.' && f == '.') { t = ELLIPSIS; len = 3; } else t = DOT;
                    break;
                case '-':
                    if (d == '>') { t = ARROW; len = 2; }
                    else if (d == '-') { t = DEC; len = 2; }
                    else if (d == '=') { t = SUB_ASSIGN; len = 2; }
                    else t = MINUS;
                    break;
                case '+':
                    if (d == '+') { t = INC; len = 2; }
                    else if (d == '=') { t = ADD_ASSIGN; len = 2; }
                    else t = PLUS;
                    break;
                case '&':
                    if (d == '&') { t = ANDAND; len = 2; }
                    else if (d == '=') { t = AND_ASSIGN; len = 2; }
                    else t = AMP;
                    break;
                case '|':
                    if (d == '|') { t = OROR; len = 2; }
                    else if (d == '=') { t = OR_ASSIGN; len = 2; }
                    else t = PIPE;
                    break;
                case '*':
                    if (d == '=') { t = MUL_ASSIGN; len = 2; } else t = STAR;
                    break;
                case '/':
                    if (d == '=') { t = DIV_ASSIGN; len = 2; } else t = DIV;
                    break;
                case '%':
                    if (d == '=') { t = MOD_ASSIGN; len = 2; } else t = MOD;
                    break;
                case '^':
                    if (d == '=') { t = XOR_ASSIGN; len = 2; } else t = CARET;
                    break;
                case '!':
                    if (d == '=') { t = NE; len = 2; } else t = BANG;
                    break;
                case '=':
                    if (d == '=') { t = EQ; len = 2; } else t = ASSIGN;
                    break;
                case '<':
                    if (d == '<') {
                        if (f == '=') { t = SHL_ASSIGN; len = 3; } else { t = SHL; len = 2; }
                    } else if (d == '=') { t = LE; len = 2; }
                    else t = LT;
                    break;
                case '>':
                    if (d == '>') {
                        if (f == '=') { t = SHR_ASSIGN; len = 3; } else { t = SHR; len = 2; }
                    } else if (d == '=') { t = GE; len = 2; }
                    else t = GT;
                    break;
                case '#':
                    if (d == '#') { t = HASHHASH; len = 2; } else t = HASH;
                    break;
                default:
                    t = OTHER;
            }
            tb.add(t, i, i + len, startLine, startCol, 0);
            i += len;
        }
        return tb;
    }

    /** If s[i] starts a backslash-newline (optionally with \r or trailing blanks), the index after it; else i. */
    private static int skipContinuation(char[] s, int i) {
        int j = i + 1;
        while (j < s.length && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) j++;
        if (j < s.length && s[j] == '\n') return j + 1;
        return i;
    }

    /** The offset of the last newline in [a, b), or -1 (a literal continued across lines with backslash-newline). */
    private static int lastNewline(char[] s, int a, int b) {
        for (int k = b - 1; k >= a; k--) if (s[k] == '\n') return k;
        return -1;
    }

    private static int newlines(char[] s, int a, int b) {
        int c = 0;
        for (int k = a; k < b; k++) if (s[k] == '\n') c++;
        return c;
    }

    /** Skips a quoted literal starting at the quote; stops after the closing quote or at an unescaped newline. */
    private static int skipQuoted(char[] s, int i, char q) {
        int n = s.length;
        int j = i + 1;
        while (j < n) {
            char e = s[j];
            if (e == '\\') { // an escape, or a line continued (backslash-newline, also with CR LF)
                j += j + 2 < n && s[j + 1] == '\r' && s[j + 2] == '\n' ? 3 : 2;
                continue;
            }
            if (e == q) return j + 1;
            if (e == '\n') return j;
            j++;
        }
        return n;
    }

    private static boolean isLiteralPrefix(char[] s, int a, int b) {
        int len = b - a;
        if (len == 1) return s[a] == 'L' || s[a] == 'u' || s[a] == 'U';
        return len == 2 && s[a] == 'u' && s[a + 1] == '8';
    }

    public static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    public static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }
}
