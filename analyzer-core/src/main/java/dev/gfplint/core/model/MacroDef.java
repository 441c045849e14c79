package dev.gfplint.core.model;

import java.util.List;

/**
 * A macro as the evaluator sees it: parameter names (null when object-like) and the parsed replacement.
 * {@code origin} says where it was defined (a path, "catalog", "prelude") and {@code line} on which line
 * (0 when it has none), for findings reported at a definition and for tie-breaking.
 */
public record MacroDef(String name, List<String> params, MaskExpr body, String origin, int line) {
    public MacroDef(String name, List<String> params, MaskExpr body, String origin) {
        this(name, params, body, origin, 0);
    }

    public boolean isFunctionLike() {
        return params != null;
    }

    public static MacroDef of(String name, List<String> params, String bodyText, String origin) {
        return new MacroDef(name, params, MaskParser.parse(bodyText), origin, 0);
    }

    public static MacroDef of(String name, List<String> params, String bodyText, String origin, int line) {
        return new MacroDef(name, params, MaskParser.parse(bodyText), origin, line);
    }
}
