package dev.gfplint.core.ir;

import java.util.List;

/**
 * A {@code #define} of the file. {@code params} is null for an object-like macro. {@code body} is the
 * replacement text with continuations joined and comments removed.
 */
public record Macro(String name, List<String> params, String body, SourcePos pos) {
    public boolean isFunctionLike() {
        return params != null;
    }
}
