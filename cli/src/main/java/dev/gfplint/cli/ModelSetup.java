package dev.gfplint.cli;

import dev.gfplint.core.model.FlagTable;
import dev.gfplint.core.model.KernelVersion;
import dev.gfplint.core.model.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which kernel version the scan is judged as, and whose flag definitions it uses: --kernel-version, else the
 * Makefile of the kernel tree that contains the first PATH (or the current directory), else the newest
 * modelled version. The tree's own gfp header wins over the built-in table when the tree has one.
 */
record ModelSetup(KernelVersion version, String versionSource, FlagTable flags) {
    static ModelSetup choose(String option, List<Path> roots) {
        return choose(option, null, null, roots);
    }

    /** {@code configured}: the config file's kernel-version (from {@code configFile}), which the option overrides. */
    static ModelSetup choose(String option, KernelVersion configured, Path configFile, List<Path> roots) {
        Optional<Path> tree = kernelTree(roots);
        KernelVersion v;
        String source;
        if (option == null && configured != null) {
            v = configured;
            source = String.valueOf(configFile);
        } else if (option != null) {
            v = KernelVersion.parse(option);
            if (v.before(KernelVersion.OLDEST))
                throw new IllegalArgumentException(v + " is older than the oldest modelled version " + KernelVersion.OLDEST);
            source = "--kernel-version";
        } else if (tree.isPresent()) { // kernelTree() only returns directories whose Makefile gives a version
            v = KernelVersion.fromTree(tree.get()).orElseThrow();
            source = tree.get().resolve("Makefile").normalize().toString();
        } else {
            v = KernelVersion.NEWEST;
            source = "default (newest modelled)";
        }
        FlagTable flags = tree.flatMap(FlagTable::fromTree).orElseGet(() -> FlagTable.builtin(v));
        return new ModelSetup(v, source, flags);
    }

    /** The nearest directory, from the first PATH (or the current directory) upwards, with a kernel Makefile. */
    static Optional<Path> kernelTree(List<Path> roots) {
        List<Path> starts = new ArrayList<>();
        if (!roots.isEmpty()) starts.add(roots.get(0));
        starts.add(Path.of("."));
        for (Path s : starts) {
            Optional<Path> tree = SourceRoot.kernelTree(SourceRoot.directoryOf(s));
            if (tree.isPresent()) return tree;
        }
        return Optional.empty();
    }

    String summaryLine(Model m) {
        Model.Stats s = m.stats();
        String newer = version.compareTo(KernelVersion.NEWEST) > 0
                ? " (newer than the newest modelled version " + KernelVersion.NEWEST + "; its facts apply)" : "";
        return String.format(Locale.ROOT, "gfplint: kernel %s from %s%s; flags: %s; %d allocation sites, %d wrappers",
                version, versionSource, newer, s.flagSource(), s.allocationSites(), s.wrappers());
    }
}
