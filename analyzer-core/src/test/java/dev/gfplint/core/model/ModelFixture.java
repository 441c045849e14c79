package dev.gfplint.core.model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gfplint.core.front.FrontEnd;
import dev.gfplint.core.idiom.IdiomTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link Model} from small C files held in memory, and finds things in it by name. */
final class ModelFixture {
    private final Model model;

    private ModelFixture(Model model) {
        this.model = model;
    }

    /** {@code files}: path, source, path, source, ... */
    static ModelFixture of(String version, String... files) {
        KernelVersion v = KernelVersion.parse(version);
        ModelBuilder b = new ModelBuilder(v, Catalog.defaults(), FlagTable.builtin(v));
        FrontEnd fe = new FrontEnd(IdiomTable.defaults());
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < files.length; i += 2) m.put(files[i], files[i + 1]);
        m.forEach((path, src) -> b.add(fe.analyze(path, src.toCharArray()).unit()));
        return new ModelFixture(b.build());
    }

    Model model() {
        return model;
    }

    int fn(String name) {
        int i = model.find(name, null);
        if (i < 0) fail("no function " + name);
        return i;
    }

    /** The allocation sites of a function, in call order. */
    List<Model.AllocSite> sites(String function) {
        int f = fn(function);
        List<Model.AllocSite> out = new ArrayList<>();
        for (Model.AllocSite s : model.allocationSites()) if (s.fn() == f) out.add(s);
        assertTrue(!out.isEmpty(), "no allocation in " + function);
        return out;
    }

    Model.AllocSite site(String function) {
        return sites(function).get(0);
    }

    List<Model.SiteContext> contexts(String function) {
        return model.contexts(site(function));
    }

    Mask flag(String name) {
        return model.flags().value(name).orElseThrow(() -> new AssertionError("no flag " + name));
    }

    long bits(String name) {
        Mask m = flag(name);
        assertTrue(m.isConstant(), name + " is constant");
        return m.value();
    }

    static String chain(Model.SiteContext c) {
        return String.join(" > ", c.chain().stream().map(s -> s.caller() + ":" + s.line()).toList());
    }
}
