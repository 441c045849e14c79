package dev.gfplint.cli;

import dev.gfplint.core.ir.Suppression;
import dev.gfplint.rules.Finding;
import dev.gfplint.rules.Level;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies {@code gfplint: ignore[rule-id]} comments: a finding covered by one is dropped. A suppression that
 * covers nothing, or names a rule that does not exist, becomes a note of its own ({@value #UNUSED}), so stale
 * suppressions do not pile up.
 */
final class Suppressions {
    static final String UNUSED = "unused-suppression";

    private Suppressions() {}

    /**
     * {@code byFile}: each scanned file's suppressions by its path as the findings spell it. {@code enabled}: the
     * ids of the rules that ran (a suppression of a rule that did not run is not called unused);
     * {@code known}: every rule id.
     */
    static List<Finding> apply(List<Finding> findings, Map<String, List<Suppression>> byFile, Set<String> enabled,
                               Set<String> known) {
        Map<Suppression, Boolean> used = new IdentityHashMap<>();
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            boolean covered = false;
            for (Suppression s : byFile.getOrDefault(f.file(), List.of())) {
                if (s.covers(f.ruleId(), f.line())) {
                    used.put(s, true);
                    covered = true;
                }
            }
            if (!covered) kept.add(f);
        }
        for (Map.Entry<String, List<Suppression>> e : byFile.entrySet()) {
            for (Suppression s : e.getValue()) {
                if (used.containsKey(s)) continue;
                List<String> unknown = s.ruleIds().stream().filter(id -> !known.contains(id)).toList();
                String what = s.fileLevel() ? "ignore-file" : "ignore";
                if (s.ruleIds().isEmpty()) {
                    kept.add(note(e.getKey(), s, "gfplint: " + what + "[] names no rule"));
                } else if (!unknown.isEmpty()) {
                    kept.add(note(e.getKey(), s, "gfplint: " + what + " names unknown rule " + String.join(", ", unknown)
                            + " (see 'gfplint rules')"));
                } else if (s.ruleIds().stream().anyMatch(enabled::contains)) {
                    kept.add(note(e.getKey(), s, "gfplint: " + what + "[" + String.join(",", s.ruleIds())
                            + "] suppresses nothing" + (s.fileLevel() ? " in this file" : " here") + "; remove it"));
                }
            }
        }
        kept.sort(Finding.ORDER);
        return kept;
    }

    private static Finding note(String file, Suppression s, String message) {
        return new Finding(UNUSED, Level.NOTE, file, s.line(), s.col(), message, List.of());
    }
}
