package dev.gfplint.core.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code #define}s of one file in source order. A name defined more than once (typically in different
 * #if branches) keeps every definition; {@link #get} returns the first.
 */
public final class MacroTable {
    private final List<Macro> all = new ArrayList<>();
    private final Map<String, Macro> first = new HashMap<>();
    private final List<String> undefs = new ArrayList<>();

    public void add(Macro m) {
        all.add(m);
        first.putIfAbsent(m.name(), m);
    }

    public void undef(String name) {
        undefs.add(name);
    }

    public Macro get(String name) {
        return first.get(name);
    }

    public List<Macro> all() {
        return Collections.unmodifiableList(all);
    }

    public List<String> undefs() {
        return Collections.unmodifiableList(undefs);
    }

    public int size() {
        return all.size();
    }
}
