package dev.gfplint.core.ir;

/** The decoded text of one file, shared by the IR nodes that point into it. */
public final class SourceText {
    private final char[] chars;

    public SourceText(char[] chars) {
        this.chars = chars;
    }

    public int length() {
        return chars.length;
    }

    /** The source between two offsets with comments removed and runs of white space folded to one blank. */
    public String normalized(int start, int end) {
        StringBuilder sb = new StringBuilder(Math.max(0, end - start));
        boolean space = false;
        int i = start;
        while (i < end) {
            char c = chars[i];
            if (c == '/' && i + 1 < end && chars[i + 1] == '*') {
                int j = i + 2;
                while (j + 1 < end && !(chars[j] == '*' && chars[j + 1] == '/')) j++;
                i = j + 2;
                space = true;
                continue;
            }
            if (c == '/' && i + 1 < end && chars[i + 1] == '/') {
                while (i < end && chars[i] != '\n') i++;
                space = true;
                continue;
            }
            if (c == '"' || c == '\'') {
                if (space && sb.length() > 0) sb.append(' ');
                space = false;
                int j = i + 1;
                while (j < end && chars[j] != c && chars[j] != '\n') j += chars[j] == '\\' ? 2 : 1;
                j = Math.min(end, j + 1);
                sb.append(chars, i, j - i);
                i = j;
                continue;
            }
            if (c == '\\' && i + 1 < end && (chars[i + 1] == '\n' || chars[i + 1] == '\r')) {
                i++;
                space = true;
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = true;
                i++;
                continue;
            }
            if (space && sb.length() > 0) sb.append(' ');
            space = false;
            sb.append(c);
            i++;
        }
        return sb.toString();
    }
}
