package dev.gfplint.cli;

import dev.gfplint.rules.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A finding's fingerprint: GitHub's primaryLocationLineHash of its line ({@link LineHash}), which depends on
 * the text around the line and not on its number, so code that moves keeps its fingerprint. SARIF, JSON and
 * the baseline all use it. A file is read and hashed once, when its first finding asks.
 */
final class Fingerprints {
    /** One file: its text, and the hash of every line (null entries when it cannot be read). */
    private record Hashed(String text, List<String> lineHashes) {}

    private static final Hashed UNREADABLE = new Hashed(null, List.of());

    private final Map<String, Hashed> files = new HashMap<>();

    private synchronized Hashed file(String file) {
        return files.computeIfAbsent(file, Fingerprints::read);
    }

    synchronized String of(Finding f) {
        List<String> hs = file(f.file()).lineHashes();
        return f.line() >= 1 && f.line() <= hs.size() ? hs.get(f.line() - 1) : "";
    }

    /** The column just after the identifier or token at the finding's column (SARIF's exclusive end), or null. */
    synchronized Integer endColumn(Finding f) {
        String text = file(f.file()).text();
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

    /** Lines {@code from} to {@code to} (1-based, inclusive, clipped to the file) of a file, without their ends; none when unreadable. */
    synchronized List<String> lines(String file, int from, int to) {
        String text = file(file).text();
        List<String> out = new java.util.ArrayList<>();
        if (text == null) return out;
        int line = 1, at = 0;
        while (at < text.length() && line <= to) {
            int nl = text.indexOf('\n', at);
            int end = nl < 0 ? text.length() : nl;
            if (line >= from) out.add(text.substring(at, end > at && text.charAt(end - 1) == '\r' ? end - 1 : end));
            if (nl < 0) break;
            at = nl + 1;
            line++;
        }
        return out;
    }

    private static Hashed read(String file) {
        try {
            // a file the scan read: bounded like every read
            String text = new String(dev.gfplint.core.scan.DataFiles.readBytes(Path.of(file), 64L << 20), StandardCharsets.UTF_8);
            return new Hashed(text, LineHash.all(text));
        } catch (IOException | RuntimeException e) {
            return UNREADABLE;
        }
    }
}
