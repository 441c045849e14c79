package dev.gfplint.core.lex;

import java.util.Arrays;

/**
 * The tokens of one file, as parallel arrays (a file of the kernel tree has up to a few million tokens, so
 * no object per token). Offsets index {@link #text}; lines and columns are 1-based, columns in chars.
 * Token types are the parser's ({@code KernelCLexerTypes}) plus {@link Tok#DIRECTIVE} for a whole
 * preprocessor line; {@link #aux} holds the {@link DirectiveKind} ordinal for directives, and for an identifier or keyword the flags the
 * idiom table gives its spelling ({@code IdiomTable.flagsOf}), so that it is looked up once.
 */
public final class TokenBuffer {
    public final char[] text;
    int size;
    int[] type;
    int[] start;
    int[] end;
    int[] line;
    int[] col;
    int[] aux;

    TokenBuffer(char[] text, int capacity) {
        this.text = text;
        int c = Math.max(16, capacity);
        type = new int[c];
        start = new int[c];
        end = new int[c];
        line = new int[c];
        col = new int[c];
        aux = new int[c];
    }

    /** Appends a token and returns its index. */
    public int add(int t, int s, int e, int ln, int cl, int a) {
        if (size == type.length) {
            int c = size * 2;
            type = Arrays.copyOf(type, c);
            start = Arrays.copyOf(start, c);
            end = Arrays.copyOf(end, c);
            line = Arrays.copyOf(line, c);
            col = Arrays.copyOf(col, c);
            aux = Arrays.copyOf(aux, c);
        }
        type[size] = t;
        start[size] = s;
        end[size] = e;
        line[size] = ln;
        col[size] = cl;
        aux[size] = a;
        return size++;
    }

    public int size() { return size; }
    public int type(int i) { return type[i]; }
    public void setType(int i, int t) { type[i] = t; }
    public int start(int i) { return start[i]; }
    public int end(int i) { return end[i]; }
    public int line(int i) { return line[i]; }
    public int col(int i) { return col[i]; }
    public int aux(int i) { return aux[i]; }

    public String text(int i) {
        return new String(text, start[i], end[i] - start[i]);
    }

    public boolean textEquals(int i, String s) {
        int len = end[i] - start[i];
        if (len != s.length()) return false;
        int o = start[i];
        for (int k = 0; k < len; k++) if (text[o + k] != s.charAt(k)) return false;
        return true;
    }

    public DirectiveKind directiveKind(int i) {
        return DirectiveKind.ofOrdinal(aux[i]);
    }
}
