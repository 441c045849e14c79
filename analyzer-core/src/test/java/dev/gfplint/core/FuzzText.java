package dev.gfplint.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz inputs are raw bytes (so a crash file is the C file that crashes, and the seeds are the fixtures as they are);
 * they become text the way the scanner reads a file: UTF-8, or ISO-8859-1 when they are not valid UTF-8.
 */
public final class FuzzText {
    private FuzzText() {}

    public static char[] chars(byte[] bytes) {
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] out = new char[cb.remaining()];
            cb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1).toCharArray();
        }
    }

    /** 1 + the number of '\n' in the text: the line count the lexer and the suppression finder work with. */
    public static int lineCount(char[] text) {
        int n = 1;
        for (char c : text) if (c == '\n') n++;
        return n;
    }

    /** A short, printable excerpt of the input for assertion messages. */
    public static String excerpt(char[] text, int from, int to) {
        int a = Math.max(0, Math.min(from, text.length));
        int b = Math.max(a, Math.min(to, text.length));
        String s = new String(text, a, Math.min(b - a, 80));
        return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
