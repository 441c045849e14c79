package dev.gfplint.core.model;

import java.util.List;
import java.util.Map;

/**
 * The few helpers every gfp header relies on (BIT, _AC, ...) and the model's own names for "not known"
 * ({@code __GFP_UNKNOWN}), used when neither the tree nor the flag table defines them.
 */
final class Prelude {
    private Prelude() {}

    private static final Map<String, MacroDef> DEFS = Map.of(
            "BIT", MacroDef.of("BIT", List.of("nr"), "(1UL << (nr))", "prelude"),
            "BIT_ULL", MacroDef.of("BIT_ULL", List.of("nr"), "(1ULL << (nr))", "prelude"),
            "_BITUL", MacroDef.of("_BITUL", List.of("x"), "(1UL << (x))", "prelude"),
            "_AC", MacroDef.of("_AC", List.of("X", "Y"), "(X)", "prelude"),
            "_UL", MacroDef.of("_UL", List.of("x"), "(x)", "prelude"),
            "true", MacroDef.of("true", null, "1", "prelude"),
            "false", MacroDef.of("false", null, "0", "prelude"),
            "__GFP_UNKNOWN", new MacroDef("__GFP_UNKNOWN", null, MaskExpr.UNKNOWN, "prelude"));

    static final MacroEnv ENV = (n, f) -> DEFS.get(n);
}
