package dev.gfplint.core.front;

import dev.gfplint.core.ir.Suppression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds {@code gfplint: ignore[...]} and {@code gfplint: ignore-file[...]} in a file's comments. The text is
 * searched for the marker and only then is the line looked at, so files without one cost one scan of the
 * characters.
 */
public final class SuppressionComments {
    private static final char[] MARK = "gfplint:".toCharArray();

    private SuppressionComments() {}

    /** A suppression comment sits in a line of at most this many characters before and after its marker. */
    static final int MAX_LINE = 4096;

    /** Linear in the text: lines are counted as the search moves on, and no line is read further than {@link #MAX_LINE}. */
    public static List<Suppression> find(char[] text) {
        List<Suppression> out = null;
        int line = 1, lineStart = 0, counted = 0; // lines counted up to offset `counted`
        for (int i = indexOf(text, 0); i >= 0; i = indexOf(text, i + MARK.length)) {
            for (; counted < i; counted++) {
                if (text[counted] == '\n') {
                    line++;
                    lineStart = counted + 1;
                }
            }
            if (i > 0 && (Character.isLetterOrDigit(text[i - 1]) || text[i - 1] == '_')) continue; // e.g. "notgfplint:"
            if (i - lineStart > MAX_LINE) continue;
            String before = new String(text, lineStart, i - lineStart);
            int slashes = before.indexOf("//"), block = before.indexOf("/*");
            boolean inComment = slashes >= 0 || block >= 0 || before.strip().startsWith("*");
            if (!inComment) continue;
            int commentStart = slashes >= 0 && (block < 0 || slashes < block) ? slashes : block;
            boolean ownLine = commentStart < 0 || before.substring(0, commentStart).isBlank();
            int j = i + MARK.length;
            while (j < text.length && (text[j] == ' ' || text[j] == '\t')) j++;
            boolean fileLevel;
            if (startsWith(text, j, "ignore-file[")) {
                fileLevel = true;
                j += "ignore-file[".length();
            } else if (startsWith(text, j, "ignore[")) {
                fileLevel = false;
                j += "ignore[".length();
            } else {
                continue;
            }
            int close = j;
            int bound = (int) Math.min(text.length, (long) i + MAX_LINE);
            while (close < bound && text[close] != ']' && text[close] != '\n') close++;
            if (close >= bound || text[close] != ']') continue;
            List<String> ids = new ArrayList<>();
            for (String id : new String(text, j, close - j).split(",")) if (!id.isBlank()) ids.add(id.strip());
            int end = close + 1;
            while (end < bound && text[end] != '\n') end++;
            int reasonEnd = end;
            boolean blockComment = commentStart < 0 || commentStart == block; // "/*", or a " * " line inside one
            if (blockComment) { // the reason ends with the comment, and code after the comment means not "own line"
                for (int k = close + 1; k + 1 < end; k++) {
                    if (text[k] == '*' && text[k + 1] == '/') {
                        reasonEnd = k;
                        if (!new String(text, k + 2, end - k - 2).isBlank()) ownLine = false;
                        break;
                    }
                }
            }
            String reason = new String(text, close + 1, reasonEnd - close - 1).replace("*/", "").strip();
            if (out == null) out = new ArrayList<>(2);
            out.add(new Suppression(line, i - lineStart + 1, fileLevel, ownLine, List.copyOf(ids), reason));
        }
        return out == null ? List.of() : out;
    }

    /**
     * How far the search may move on when the character under the marker's last position is {@code c} (and the
     * marker does not end there): Horspool's table, so most of a file is read one character in eight.
     */
    private static final int[] SHIFT = new int[128];

    static {
        Arrays.fill(SHIFT, MARK.length);
        for (int k = 0; k < MARK.length - 1; k++) SHIFT[MARK[k]] = MARK.length - 1 - k;
    }

    private static int indexOf(char[] t, int from) {
        int last = MARK.length - 1;
        for (int i = from; i <= t.length - MARK.length; ) {
            char c = t[i + last];
            if (c == MARK[last]) {
                int k = last - 1;
                while (k >= 0 && t[i + k] == MARK[k]) k--;
                if (k < 0) return i;
            }
            i += c < 128 ? SHIFT[c] : MARK.length;
        }
        return -1;
    }

    private static boolean startsWith(char[] t, int at, String s) {
        if (at + s.length() > t.length) return false;
        return Arrays.equals(t, at, at + s.length(), s.toCharArray(), 0, s.length());
    }
}
