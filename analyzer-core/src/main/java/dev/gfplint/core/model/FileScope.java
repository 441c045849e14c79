package dev.gfplint.core.model;

import dev.gfplint.core.ir.Function;
import dev.gfplint.core.ir.OpsTable;
import dev.gfplint.core.ir.Prototype;
import dev.gfplint.core.ir.TranslationUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a file tells the analysis of each of its functions about names at file scope: the functions it
 * defines or declares (which a call may be passed), and its tables of functions by variable name (which a
 * call may be passed as {@code &table}: the functions in its members may run inside that call), with the
 * members that name functions of the file.
 */
public record FileScope(Set<String> functions, Map<String, List<OpsTable.Member>> tables) {
    public static final FileScope NONE = new FileScope(Set.of(), Map.of());

    public static FileScope of(TranslationUnit tu) {
        Set<String> fns = new HashSet<>();
        for (Function f : tu.functions()) fns.add(f.name());
        for (Prototype p : tu.prototypes()) fns.add(p.name());
        Map<String, List<OpsTable.Member>> tables = tu.tables().isEmpty() ? Map.of() : new HashMap<>();
        for (OpsTable t : tu.tables()) {
            List<OpsTable.Member> in = new ArrayList<>(t.members().size());
            for (OpsTable.Member m : t.members()) if (fns.contains(m.function())) in.add(m);
            if (!in.isEmpty()) tables.merge(t.name(), in, (a, b) -> a); // a name defined twice (#ifdef arms): the first
        }
        return new FileScope(fns, tables);
    }
}
