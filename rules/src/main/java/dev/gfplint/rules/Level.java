package dev.gfplint.rules;

import java.util.Locale;

/** How serious a finding is; the names are SARIF's result levels. */
public enum Level {
    NOTE, WARNING, ERROR;

    /** The SARIF / text spelling: note, warning, error. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
