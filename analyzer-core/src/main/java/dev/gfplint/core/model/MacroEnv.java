package dev.gfplint.core.model;

/** Where the evaluator looks up names: the flag table, the tree's macros, the model's own helpers. */
@FunctionalInterface
public interface MacroEnv {
    /** The definition of {@code name} as seen from {@code file} (a definition in that file wins), or null. */
    MacroDef lookup(String name, String file);

    /** Looks in this environment first, then in {@code next}. */
    default MacroEnv then(MacroEnv next) {
        return (n, f) -> {
            MacroDef d = lookup(n, f);
            return d != null ? d : next.lookup(n, f);
        };
    }
}
