package dev.gfplint.cli;

import dev.gfplint.rules.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A finding's fingerprint: GitHub's primaryLocationLineHash of its line ({@link LineHash}), which depends on
 * the text around the line and not on its number, so code that moves keeps its fingerprint. SARIF, JSON and
 * the baseline all use it. Files are read once, when their first finding asks.
 */
final class Fingerprints {
    private final Map<String, String> texts = new HashMap<>();

    synchronized String of(Finding f) {
        String text = texts.computeIfAbsent(f.file(), Fingerprints::read);
        return text == null ? "" : LineHash.of(text, f.line());
    }

    /** The column just after the identifier or token at the finding's column (SARIF's exclusive end), or null. */
    synchronized Integer endColumn(Finding f) {
        String text = texts.computeIfAbsent(f.file(), Fingerprints::read);
        if (text == null || f.line() < 1 || f.col() < 1) return null;
        int at = 0;
        for (int l = 1; l < f.line() && at >= 0; l++) {
            at = text.indexOf('\n', at);
            if (at >= 0) at++;
        }
        if (at < 0) return null;
        int i = at + f.col() - 1, end = i;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) end++;
        return end > i ? end - at + 1 : null;
    }

    private static String read(String file) {
        try {
            return new String(Files.readAllBytes(Path.of(file)), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
