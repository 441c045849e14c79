package dev.gfplint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gfplint.rules.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Known findings to leave out of a report, keyed by rule id, path (relative to the repository root, see
 * {@link SourceRoot}) and fingerprint, not by line number: code that moves stays matched, a new finding on an old line does not.
 * Each entry matches one finding, so a second copy of a known finding is new.
 */
final class Baseline {
    static final class BadBaseline extends Exception {
        BadBaseline(String m) {
            super(m);
        }
    }

    private final Map<String, Integer> counts;

    private Baseline(Map<String, Integer> counts) {
        this.counts = counts;
    }

    private static String key(String rule, String path, String fingerprint) {
        return rule + "\u0000" + path + "\u0000" + fingerprint;
    }

    static Baseline read(Path file) throws BadBaseline {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(dev.gfplint.core.scan.DataFiles.read(file, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
            throw new BadBaseline(file + ": cannot read baseline: " + m);
        }
        if (root == null || !root.path("findings").isArray() || root.path("version").asInt() != 1) {
            throw new BadBaseline(file + ": not a gfplint baseline (expected {\"version\": 1, \"findings\": [...]})");
        }
        Map<String, Integer> counts = new HashMap<>();
        int i = 0;
        for (JsonNode n : root.get("findings")) {
            String r = n.path("ruleId").asText(null), p = n.path("path").asText(null), fp = n.path("fingerprint").asText(null);
            if (r == null || p == null || fp == null) {
                throw new BadBaseline(file + ": findings[" + i + "] lacks ruleId, path or fingerprint");
            }
            counts.merge(key(r, p, fp), 1, Integer::sum);
            i++;
        }
        return new Baseline(counts);
    }

    /** The findings the baseline does not know. */
    List<Finding> newFindings(List<Finding> findings, UnaryOperator<String> relative, Fingerprints fps) {
        Map<String, Integer> left = new HashMap<>(counts);
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            String k = key(f.ruleId(), relative.apply(f.file()), fps.of(f));
            Integer n = left.get(k);
            if (n != null && n > 0) left.put(k, n - 1);
            else out.add(f);
        }
        return out;
    }

    static void write(Path file, List<Finding> findings, UnaryOperator<String> relative, Fingerprints fps) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("version", 1);
        ArrayNode arr = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode n = arr.addObject();
            n.put("ruleId", f.ruleId());
            n.put("path", relative.apply(f.file()));
            n.put("fingerprint", fps.of(f));
            n.put("message", f.message());
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        m.writeValue(file.toFile(), root);
    }
}
