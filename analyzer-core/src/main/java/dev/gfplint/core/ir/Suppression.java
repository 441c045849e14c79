package dev.gfplint.core.ir;

import java.util.List;

/**
 * A {@code gfplint: ignore[rule-id,...] reason} comment ({@code ignore-file[...]} for the whole file).
 * {@code ownLine}: nothing but the comment is on its line, so it also covers the next line.
 */
public record Suppression(int line, int col, boolean fileLevel, boolean ownLine, List<String> ruleIds, String reason) {
    /** Whether a finding of {@code ruleId} on {@code findingLine} is covered. */
    public boolean covers(String ruleId, int findingLine) {
        if (!ruleIds.contains(ruleId)) return false;
        return fileLevel || findingLine == line || ownLine && findingLine == line + 1;
    }
}
