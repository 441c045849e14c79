package dev.gfplint.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SARIF {@code partialFingerprints.primaryLocationLineHash} of a line, computed the way GitHub's
 * {@code github/codeql-action} computes it when it uploads SARIF (its file {@code src/fingerprints.ts},
 * function {@code hash}), so that the values gfplint writes match the ones the upload would fill in and
 * alerts keep their identity across runs.
 *
 * <p>The algorithm, over the UTF-16 code units of the file text:
 * <ol>
 *   <li>Characters are filtered and normalised into one stream. Every space (U+0020) and tab (U+0009) is
 *       dropped, wherever it is. A carriage return becomes a line feed. A line feed that comes directly
 *       after a carriage return is dropped, so CRLF, a lone CR and a lone LF are each one line break; "directly"
 *       means with nothing dropped in between: a space or tab between CR and LF clears the CR state, so
 *       {@code "\r \n"} is two line breaks. No other character is changed (a BOM, NUL or any non-ASCII code
 *       unit is kept as is; a supplementary character is two code units).</li>
 *   <li>After the last character of the text, the value 65535 (U+FFFF) is appended as an end marker.</li>
 *   <li>Lines are numbered from 1. A line starts at the first kept character after a line feed of the
 *       stream (line 1 at the first kept character). The end marker is a character like any other, so when
 *       the text is empty or ends with a line break there is one more line than the break count suggests,
 *       holding only the end marker (for example {@code "a\n"} has lines 1 and 2).</li>
 *   <li>The hash of a line is a polynomial hash of the 100 stream values starting at the line's first
 *       character, the line feeds included, running into the following lines; past the end marker the
 *       values are 0. For values c<sub>0</sub>..c<sub>99</sub> it is
 *       sum(c<sub>k</sub> &middot; 37<sup>99-k</sup>) modulo 2<sup>64</sup> (64-bit two's complement
 *       wrap-around). It is computed as a rolling hash: h &larr; 37&middot;h + c<sub>new</sub> &minus;
 *       37<sup>100</sup>&middot;c<sub>old</sub>, with 37<sup>100</sup> itself taken modulo 2<sup>64</sup>.
 *       So only the first 100 non-blank characters from the start of a line matter, and a line shorter than
 *       that is hashed together with the start of the lines after it.</li>
 *   <li>The hash is written as the unsigned 64-bit value in lower-case hexadecimal without leading zeros,
 *       then {@code ":"} and N, where N counts how many lines of the file so far, in line order and this
 *       line included, have the same hash: the first is {@code ":1"}, the next identical one {@code ":2"}.
 *       Every line of the file counts, whether or not its hash is asked for.</li>
 * </ol>
 *
 * <p>The action reads the file as UTF-8 (Node's decoder, which keeps a leading BOM), so {@code fileText}
 * should be the file's bytes decoded as UTF-8 with nothing stripped. For bytes that are not valid UTF-8 the
 * number of U+FFFD replacement characters Java's decoder produces may differ from Node's; that case is not
 * covered by the tests.
 */
public final class LineHash {
    private static final int WINDOW = 100;
    private static final long BASE = 37;
    private static final char END_MARK = '\uffff';
    /** 37^100 modulo 2^64: the weight of the value that leaves the window. */
    private static final long LEAVING_WEIGHT;

    static {
        long w = 1;
        for (int i = 0; i < WINDOW; i++) {
            w *= BASE;
        }
        LEAVING_WEIGHT = w;
    }

    private LineHash() {
    }

    /**
     * The primaryLocationLineHash of each requested line.
     *
     * @param fileText the whole file, decoded as UTF-8
     * @param lines 1-based line numbers
     * @return line number to hash (such as {@code "39fa2ee980eb94b0:1"}), iterated in line order; a requested
     *     line the file does not have (below 1 or past the last line, see the class comment on the extra line
     *     after a final line break) has no entry, as the action gives such a result no fingerprint
     */
    public static Map<Integer, String> hashes(String fileText, Set<Integer> lines) {
        Map<Integer, String> out = new TreeMap<>();
        if (lines.isEmpty()) {
            return out;
        }
        int last = Collections.max(lines);
        List<String> all = compute(fileText, last);
        for (int line : lines) {
            if (line >= 1 && line <= all.size()) {
                out.put(line, all.get(line - 1));
            }
        }
        return out;
    }

    /**
     * The primaryLocationLineHash of one line.
     *
     * @param fileText the whole file, decoded as UTF-8
     * @param line 1-based line number
     * @return the hash, or null where the file has no such line
     */
    public static String of(String fileText, int line) {
        return hashes(fileText, Set.of(line)).get(line);
    }

    /**
     * The primaryLocationLineHash of every line of the file, element 0 for line 1.
     *
     * @param fileText the whole file, decoded as UTF-8
     * @return one hash per line, including the extra line after a final line break
     */
    public static List<String> all(String fileText) {
        return compute(fileText, Integer.MAX_VALUE);
    }

    /** Hashes of lines 1..{@code upToLine} (fewer when the file has fewer lines). */
    private static List<String> compute(String text, int upToLine) {
        int[] stream = new int[text.length() + 1 + WINDOW];
        boolean[] startsLine = new boolean[stream.length];
        int n = 0;
        boolean afterCr = false;
        boolean atLineStart = true;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : END_MARK;
            if (c == ' ' || c == '\t' || (afterCr && c == '\n')) {
                afterCr = false;
                continue;
            }
            afterCr = c == '\r';
            if (afterCr) {
                c = '\n';
            }
            if (atLineStart) {
                startsLine[n] = true;
                atLineStart = false;
            }
            if (c == '\n') {
                atLineStart = true;
            }
            stream[n++] = c;
        }
        // stream[n .. n+WINDOW) stays 0: the padding after the end marker.

        List<String> result = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        long h = 0;
        for (int j = 0; j < n + WINDOW - 1 && result.size() < upToLine; j++) {
            long leaving = j >= WINDOW ? stream[j - WINDOW] : 0;
            h = BASE * h + stream[j] - LEAVING_WEIGHT * leaving;
            int start = j - (WINDOW - 1);
            if (start >= 0 && startsLine[start]) {
                int count = seen.merge(h, 1, Integer::sum);
                result.add(Long.toHexString(h) + ":" + count);
            }
        }
        return result;
    }
}
