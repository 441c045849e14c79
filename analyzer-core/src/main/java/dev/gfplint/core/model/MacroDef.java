package dev.gfplint.core.model;

import java.util.List;

/**
 * A macro as the evaluator sees it: parameter names (null when object-like) and the parsed replacement.
 * {@code origin} says where it was defined, for messages and tie-breaking.
 */
public record MacroDef(String name, List<String> params, MaskExpr body, String origin) {
    public boolean isFunctionLike() {
        return params != null;
    }

    public static MacroDef of(String name, List<String> params, String bodyText, String origin) {
        return new MacroDef(name, params, MaskParser.parse(bodyText), origin);
    }
}
