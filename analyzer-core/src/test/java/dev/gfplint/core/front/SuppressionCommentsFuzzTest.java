package dev.gfplint.core.front;

import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gfplint.core.FuzzText;
import dev.gfplint.core.ir.Suppression;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Suppression comments in arbitrary text: each one found must be on a line of the text, and its line and column
 * must point at the {@code gfplint:} marker it was read from; its rule ids are non-blank and stripped.
 */
class SuppressionCommentsFuzzTest {
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @FuzzTest
    void find(byte[] input) {
        char[] text = FuzzText.chars(input);
        List<Suppression> found = SuppressionComments.find(text);
        int lines = FuzzText.lineCount(text);
        int[] lineStart = new int[lines + 1];
        int l = 1;
        for (int i = 0; i < text.length; i++) if (text[i] == '\n') lineStart[++l] = i + 1;
        for (Suppression s : found) {
            if (s.line() < 1 || s.line() > lines) fail(s + " on line " + s.line() + " of a text of " + lines + " lines");
            int at = lineStart[s.line()] + s.col() - 1;
            if (s.col() < 1 || at + 8 > text.length || !new String(text, at, 8).equals("gfplint:")) {
                fail(s + ": line " + s.line() + ", column " + s.col() + " is not at a 'gfplint:' marker but at '"
                        + FuzzText.excerpt(text, at, at + 20) + "'");
            }
            for (String id : s.ruleIds()) {
                if (id.isBlank() || !id.equals(id.strip())) fail(s + ": rule id '" + id + "'");
            }
        }
    }
}
