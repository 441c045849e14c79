package dev.gfplint.core.front;

import dev.gfplint.core.lex.TokenBuffer;
import java.util.List;
import org.antlr.v4.runtime.CommonToken;

/**
 * A parser token that points back into the file's {@link TokenBuffer} (index {@code idx}): its text is read
 * from there on demand rather than copied. A SKIPPED token lists the tokens of the statement it replaces.
 */
final class KToken extends CommonToken {
    final TokenBuffer tb;
    final int idx;
    final List<KToken> parts;

    KToken(TokenBuffer tb, int type, int idx) {
        this(tb, type, idx, null);
    }

    KToken(TokenBuffer tb, int type, int idx, List<KToken> parts) {
        super(type);
        this.tb = tb;
        this.idx = idx;
        this.parts = parts;
        if (idx >= 0) {
            setLine(tb.line(idx));
            setCharPositionInLine(tb.col(idx) - 1);
        }
    }

    /** Offset where this token's text starts in the file. */
    int startOffset() {
        return tb.start(idx);
    }

    /** Offset where this token's text (for SKIPPED: the last replaced token's text) ends. */
    int endOffset() {
        if (parts != null) return Math.max(tb.end(idx), parts.get(parts.size() - 1).endOffset());
        return tb.end(idx);
    }

    @Override
    public String getText() {
        if (idx < 0) return "<EOF>";
        return new String(tb.text, startOffset(), Math.max(0, endOffset() - startOffset()));
    }
}
