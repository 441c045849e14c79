package dev.gfplint.core.ir;

/**
 * The decoded text of one file, shared by the IR nodes that point into it. Holes are ranges the front end
 * left out (preprocessor lines, #if branches not taken); the text of an expression never includes them.
 */
public final class SourceText {
    private final char[] chars;
    private int[] holeStart = new int[0];
    private int[] holeEnd = new int[0];

    /** The file's characters (not a copy: not to be changed). */
    public char[] chars() {
        return chars;
    }

    public SourceText(char[] chars) {
        this.chars = chars;
    }

    /** Sets the holes, given as [start, end) offset pairs in any order; overlapping pairs are merged. */
    public void setHoles(int[] pairs) {
        int n = pairs.length / 2;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) packed[i] = ((long) pairs[2 * i] << 32) | (pairs[2 * i + 1] & 0xffffffffL);
        java.util.Arrays.sort(packed);
        int[] s = new int[n];
        int[] e = new int[n];
        int m = 0;
        for (long p : packed) {
            int a = (int) (p >>> 32);
            int b = (int) p;
            if (b <= a) continue;
            if (m > 0 && a <= e[m - 1]) {
                e[m - 1] = Math.max(e[m - 1], b);
            } else {
                s[m] = a;
                e[m] = b;
                m++;
            }
        }
        holeStart = java.util.Arrays.copyOf(s, m);
        holeEnd = java.util.Arrays.copyOf(e, m);
    }

    /** The end of the hole containing offset i, or i when it is in none. */
    private int skipHole(int i) {
        int lo = 0;
        int hi = holeStart.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (holeStart[mid] > i) hi = mid - 1;
            else if (holeEnd[mid] <= i) lo = mid + 1;
            else return holeEnd[mid];
        }
        return i;
    }

    public int length() {
        return chars.length;
    }

    /**
     * The source between two offsets with comments and holes removed, runs of white space folded to one
     * blank, and no blank after an opening or before a closing parenthesis or bracket or before a comma.
     */
    public String normalized(int start, int end) {
        return normalized(start, end, Integer.MAX_VALUE);
    }

    /** The first {@code limit} characters of {@link #normalized(int, int)}, or a few more (all of it when shorter). */
    public String normalized(int start, int end, int limit) {
        StringBuilder sb = new StringBuilder(Math.max(0, Math.min(end - start, limit)));
        boolean space = false;
        int i = start;
        boolean holes = holeStart.length > 0;
        while (i < end && sb.length() < limit) {
            if (holes) {
                int j = skipHole(i);
                if (j > i) {
                    i = j;
                    space = true;
                    continue;
                }
            }
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
            if (space && sb.length() > 0 && c != ')' && c != ']' && c != ',') {
                char prev = sb.charAt(sb.length() - 1);
                if (prev != '(' && prev != '[') sb.append(' ');
            }
            space = false;
            sb.append(c);
            i++;
        }
        return sb.toString();
    }
}
