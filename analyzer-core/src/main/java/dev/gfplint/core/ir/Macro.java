package dev.gfplint.core.ir;

import java.util.List;
import java.util.Objects;

/**
 * A {@code #define} of the file. {@code params} is null for an object-like macro. {@code body} is the
 * replacement text with continuations joined and comments removed. A macro read from a file makes that text
 * only when asked: a file defines thousands of macros, and the model looks into few of their bodies
 * ({@link #rawBody} and {@link #leadingWord} answer the questions it asks of all of them).
 */
public final class Macro {
    /** How much of a body {@link #leadingWord} makes before it makes all of it. */
    private static final int WORD_LIMIT = 96;

    private final String name;
    private final List<String> params;
    private final SourcePos pos;
    private final SourceText src;
    private final int start, end;
    private String body;

    public Macro(String name, List<String> params, String body, SourcePos pos) {
        this.name = name;
        this.params = params;
        this.body = Objects.requireNonNull(body);
        this.pos = pos;
        this.src = null;
        this.start = this.end = 0;
    }

    /** The macro whose body is {@code src} between {@code start} and {@code end}, made into text when first asked. */
    public Macro(String name, List<String> params, SourceText src, int start, int end, SourcePos pos) {
        this.name = name;
        this.params = params;
        this.pos = pos;
        this.src = src;
        this.start = start;
        this.end = end;
    }

    public String name() {
        return name;
    }

    public List<String> params() {
        return params;
    }

    public SourcePos pos() {
        return pos;
    }

    public String body() {
        String b = body;
        if (b == null) body = b = src.normalized(start, end);
        return b;
    }

    /**
     * The body as written, comments and continuations included. Making the body ({@link #body}) only removes
     * and folds characters and never joins two words, so a word or letters absent from this are absent from it.
     */
    public CharSequence rawBody() {
        return body != null ? body : java.nio.CharBuffer.wrap(src.chars(), start, end - start);
    }

    /** The letters, digits and underscores the body starts with ("" when it starts with anything else). */
    public String leadingWord() {
        if (body != null) return leadingWord(body);
        String prefix = src.normalized(start, end, WORD_LIMIT); // the body's first characters: enough for most words
        String w = leadingWord(prefix);
        return w.length() == prefix.length() && prefix.length() >= WORD_LIMIT ? leadingWord(body()) : w;
    }

    /** The letters, digits and underscores {@code b} starts with. */
    public static String leadingWord(String b) {
        int i = 0;
        while (i < b.length() && (Character.isLetterOrDigit(b.charAt(i)) || b.charAt(i) == '_')) i++;
        return b.substring(0, i);
    }

    public boolean isFunctionLike() {
        return params != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Macro m && name.equals(m.name) && Objects.equals(params, m.params) && body().equals(m.body())
                && Objects.equals(pos, m.pos);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, params, body(), pos);
    }

    @Override
    public String toString() {
        return "Macro[name=" + name + ", params=" + params + ", body=" + body() + ", pos=" + pos + "]";
    }
}
