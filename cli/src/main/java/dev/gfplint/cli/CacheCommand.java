package dev.gfplint.cli;

import dev.gfplint.core.cache.FileCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gfplint cache stats|clear}: what the per-file cache holds, and emptying it. */
@Command(name = "cache", mixinStandardHelpOptions = true, description = "Show or clear the per-file results cache.",
        subcommands = {CacheCommand.Stats.class, CacheCommand.Clear.class})
public final class CacheCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_USAGE;
    }

    /** What both subcommands take: the cache's directory. */
    abstract static class Sub implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "The cache (default: $XDG_CACHE_HOME/gfplint, else ~/.cache/gfplint).")
        Path cacheDir;

        Path dir() {
            return cacheDir != null ? cacheDir : FileCache.defaultRoot(System.getenv());
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Print the cache's directory, entries and size.")
    static final class Stats extends Sub {
        @Override
        public Integer call() {
            Path d = dir();
            PrintWriter out = spec.commandLine().getOut();
            try {
                FileCache.Contents c = FileCache.contents(d);
                out.println(String.format(Locale.ROOT, "%s: %d entries, %.1f MiB (bound %.0f MiB)", d, c.entries(),
                        c.bytes() / 1048576.0, FileCache.DEFAULT_MAX_BYTES / 1048576.0));
                return Main.EXIT_OK;
            } catch (IOException e) {
                spec.commandLine().getErr().println("gfplint: error: " + d + ": cannot read the cache (" + e.getMessage() + ")");
                return Main.EXIT_USAGE;
            }
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Remove every entry of the cache.")
    static final class Clear extends Sub {
        @Override
        public Integer call() {
            Path d = dir();
            try {
                int n = FileCache.clear(d);
                spec.commandLine().getOut().println(d + ": removed " + n + (n == 1 ? " entry" : " entries"));
                return Main.EXIT_OK;
            } catch (IOException e) {
                spec.commandLine().getErr().println("gfplint: error: " + d + ": cannot clear the cache (" + e.getMessage() + ")");
                return Main.EXIT_USAGE;
            }
        }
    }
}
