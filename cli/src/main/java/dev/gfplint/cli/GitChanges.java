package dev.gfplint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines a change touches, from {@code git diff -U0}: since a revision (working tree included) or staged
 * for the next commit. Findings outside them are not reported; the analysis still sees every file.
 */
final class GitChanges {
    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@");

    /** Changed lines per file, by absolute normalized path. */
    private final Map<Path, BitSet> lines;
    /** The work tree's top directory. */
    private final Path top;

    private GitChanges(Map<Path, BitSet> lines, Path top) {
        this.lines = lines;
        this.top = top;
    }

    /** The top directory of the work tree: the whole program that the changed lines are judged in. */
    Path top() {
        return top;
    }

    static final class GitException extends Exception {
        GitException(String m) {
            super(m);
        }
    }

    /** The top directory of the git work tree that holds {@code where} (a directory). */
    static Path topOf(Path where) throws GitException {
        return Path.of(run(where.toAbsolutePath().normalize(), "git", "rev-parse", "--show-toplevel").strip()).toAbsolutePath().normalize();
    }

    /** {@code rev} null means the staged changes. {@code where}: a directory inside the repository. */
    static GitChanges of(String rev, Path where) throws GitException {
        Path dir = where.toAbsolutePath().normalize();
        Path top = topOf(dir);
        List<String> cmd = new ArrayList<>(List.of("git", "diff", "-U0", "--no-color", "--no-ext-diff",
                "--diff-filter=AMRC"));
        if (rev == null) cmd.add("--cached");
        else cmd.add(rev);
        cmd.add("--");
        String diff = run(dir, cmd.toArray(new String[0]));
        Map<Path, BitSet> out = new HashMap<>();
        BitSet cur = null;
        for (String line : diff.split("\n")) {
            if (line.startsWith("+++ ")) {
                String name = line.substring(4);
                cur = null;
                if (name.startsWith("b/")) cur = out.computeIfAbsent(top.resolve(name.substring(2)).normalize(), k -> new BitSet());
            } else if (cur != null) {
                Matcher m = HUNK.matcher(line);
                if (m.find()) {
                    int start = Integer.parseInt(m.group(1));
                    int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                    if (count > 0) cur.set(start, start + count);
                }
            }
        }
        return new GitChanges(out, top);
    }

    /** Whether some line of {@code file} changed. */
    boolean touchesFile(String file) {
        BitSet b = lines.get(Path.of(file).toAbsolutePath().normalize());
        return b != null && !b.isEmpty();
    }

    boolean touches(String file, int line) {
        BitSet b = lines.get(Path.of(file).toAbsolutePath().normalize());
        return b != null && b.get(line);
    }

    /** Runs a git command in {@code dir}; its stdout, or the first line of its stderr as the exception. */
    static String run(Path dir, String... cmd) throws GitException {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false).start();
            byte[] out;
            byte[] err;
            try (InputStream in = p.getInputStream(); InputStream es = p.getErrorStream()) {
                out = in.readAllBytes();
                err = es.readAllBytes();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new GitException(String.join(" ", cmd) + ": timed out");
            }
            if (p.exitValue() != 0) {
                String msg = new String(err, StandardCharsets.UTF_8).strip();
                int nl = msg.indexOf('\n');
                throw new GitException(String.join(" ", cmd) + ": " + (nl > 0 ? msg.substring(0, nl) : msg));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GitException("cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("interrupted while running git");
        }
    }
}
