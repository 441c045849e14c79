package dev.gfplint.core.ir;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What the front end made of one file: its function definitions with their CFGs, its macros, the typedef
 * names it declares, and its parse statistics.
 */
public final class TranslationUnit {
    private final String path;
    private final List<Function> functions;
    private final MacroTable macros;
    private final Set<String> typedefs;
    private final int lines;
    private final List<Suppression> suppressions;
    private final List<Prototype> prototypes;
    private final List<OpsTable> tables;

    public TranslationUnit(String path, List<Function> functions, MacroTable macros, Set<String> typedefs, int lines) {
        this(path, functions, macros, typedefs, lines, List.of());
    }

    public TranslationUnit(String path, List<Function> functions, MacroTable macros, Set<String> typedefs, int lines,
                           List<Suppression> suppressions) {
        this(path, functions, macros, typedefs, lines, suppressions, List.of());
    }

    public TranslationUnit(String path, List<Function> functions, MacroTable macros, Set<String> typedefs, int lines,
                           List<Suppression> suppressions, List<Prototype> prototypes) {
        this(path, functions, macros, typedefs, lines, suppressions, prototypes, List.of());
    }

    public TranslationUnit(String path, List<Function> functions, MacroTable macros, Set<String> typedefs, int lines,
                           List<Suppression> suppressions, List<Prototype> prototypes, List<OpsTable> tables) {
        this.tables = List.copyOf(tables);
        this.prototypes = List.copyOf(prototypes);
        this.suppressions = List.copyOf(suppressions);
        this.path = path;
        this.functions = List.copyOf(functions);
        this.macros = macros;
        this.typedefs = Collections.unmodifiableSet(typedefs);
        this.lines = lines;
    }

    /** The path as given to the scanner (relative to the scan root when it was under one). */
    public String path() { return path; }
    public List<Function> functions() { return functions; }
    public MacroTable macros() { return macros; }
    public Set<String> typedefs() { return typedefs; }
    /** The file's {@code gfplint: ignore[...]} comments. */
    public List<Suppression> suppressions() { return suppressions; }
    public int lines() { return lines; }
    /** The functions it declares without defining them, in order. */
    public List<Prototype> prototypes() { return prototypes; }
    /** Its file-scope initializers that store functions in members (operations tables), in order. */
    public List<OpsTable> tables() { return tables; }

    public Function function(String name) {
        for (Function f : functions) if (f.name().equals(name)) return f;
        return null;
    }

    public long functionsFullyParsed() {
        return functions.stream().filter(Function::fullyParsed).count();
    }
}
