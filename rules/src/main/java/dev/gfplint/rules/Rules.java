package dev.gfplint.rules;

import java.util.List;
import java.util.Optional;

/** Every rule gfplint has, in a fixed order. */
public final class Rules {
    private Rules() {}

    public static List<Rule> all() {
        return List.of(new VmallocNofs(), new ContradictoryGfpFlags(), new UnpairedMemallocScope(), new GfpKernelInNofsRegion(),
                new SleepingAllocInAtomic());
    }

    /** The rule ids, in the fixed order. */
    public static List<String> ids() {
        return all().stream().map(Rule::id).toList();
    }

    public static Optional<Rule> byId(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
