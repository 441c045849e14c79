package dev.gfplint.cli;

import dev.gfplint.core.cache.FileCache;
import dev.gfplint.core.model.FactsCodec;
import dev.gfplint.core.scan.DataFiles;
import dev.gfplint.rules.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What, besides a file's path and bytes, decides the results the cache stores for it; and the end of a scan's use of it. */
final class CacheKey {
    private CacheKey() {}

    /**
     * The running gfplint (the SHA-256 of its own jar, so every build is its own; its version outside a jar),
     * the entry formats, the user's idiom and catalog files and the config's catalog entries, the kernel version
     * and flag layout judged, the rules that run per function, and the options that change per-file results.
     */
    static String fingerprint(ModelSetup setup, List<Path> idiomFiles, List<Path> catalogFiles, Config config, List<Rule> rules,
                              boolean showSkipped) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("gfplint ").append(Main.version()).append(' ').append(codeHash()).append('\n');
        sb.append("formats ").append(FileCache.FORMAT).append(' ').append(FactsCodec.FORMAT).append(' ')
                .append(dev.gfplint.rules.FindingCodec.FORMAT).append('\n');
        for (Path p : idiomFiles) sb.append("idioms ").append(DataFiles.read(p, StandardCharsets.UTF_8)).append('\n');
        for (Map.Entry<String, String> e : config.catalogExtensions()) sb.append("catalog ").append(e.getValue()).append('\n');
        for (Path p : catalogFiles) sb.append("catalog ").append(DataFiles.read(p, StandardCharsets.UTF_8)).append('\n');
        sb.append("kernel ").append(setup.version()).append('\n');
        sb.append("flags ").append(setup.flags().source()).append(' ').append(new TreeMap<>(setup.flags().values())).append('\n');
        sb.append("rules");
        for (Rule r : rules) sb.append(' ').append(r.id());
        sb.append("\nshow-skipped ").append(showSkipped).append('\n');
        return sb.toString();
    }

    private static volatile String codeHash;

    /** The SHA-256 of the jar gfplint runs from, or "classes" when it runs from class directories (tests). */
    static String codeHash() {
        String h = codeHash;
        if (h != null) return h;
        try {
            var src = CacheKey.class.getProtectionDomain().getCodeSource();
            Path p = src == null ? null : Path.of(src.getLocation().toURI());
            if (p != null && Files.isRegularFile(p)) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                try (InputStream in = Files.newInputStream(p)) {
                    byte[] buf = new byte[1 << 16];
                    for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
                }
                h = HexFormat.of().formatHex(md.digest());
            } else {
                h = "classes";
            }
        } catch (Exception e) {
            h = "unknown";
        }
        codeHash = h;
        return h;
    }

    /** Bounds the cache's size and says what went wrong with it: an unwritable directory, entries rebuilt. */
    static void finish(FileCache cache, PrintWriter err, boolean quiet) {
        cache.saveIndex();
        FileCache.Use u = cache.use();
        if (u.unwritable() != null) err.println("gfplint: note: " + u.unwritable());
        else if (u.stored() > 0) { // a scan that stored nothing cannot have grown the cache: no need to list it
            try {
                cache.evict();
            } catch (IOException e) {
                err.println("gfplint: note: " + cache.root() + ": cannot bound the cache's size (" + e.getMessage() + ")");
            }
        }
        if (u.rebuilt() > 0 && !quiet) {
            err.println("gfplint: note: " + u.rebuilt() + " cache " + (u.rebuilt() == 1 ? "entry" : "entries")
                    + " did not check out (truncated, corrupt or not gfplint's) and " + (u.rebuilt() == 1 ? "was" : "were")
                    + " rebuilt" + (u.corrupt().isEmpty() ? "" : ", e.g. " + u.corrupt().get(0)));
        }
    }
}
