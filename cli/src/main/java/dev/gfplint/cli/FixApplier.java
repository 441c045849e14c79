package dev.gfplint.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.gfplint.rules.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code scan --fix}: the reported findings' fixes, file by file, written in place ({@link #write}) or shown as
 * one unified diff ({@link #diff}, for {@code --dry-run}). A file is rewritten only if its bytes are still those
 * the fixes were computed from, through a temporary file beside it that replaces it in one rename, with the
 * original's permissions: a reader sees the old file or the new one, never half of one.
 */
final class FixApplier {
    private FixApplier() {}

    /** One file's fixes: the findings they remove and the text after them. */
    record Change(FixEdits.Source source, List<FixEdits.Resolved> made, List<FixEdits.Edit> edits, String after) {}

    /** The changes the findings' fixes make, one per file, in the findings' order of files. */
    static List<Change> plan(List<Finding> findings, FixEdits edits) {
        Map<String, List<FixEdits.Resolved>> byFile = new LinkedHashMap<>();
        for (Finding f : findings) {
            FixEdits.Resolved r = edits.resolve(f);
            if (r != null) byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(r);
        }
        List<Change> out = new ArrayList<>();
        for (List<FixEdits.Resolved> rs : byFile.values()) {
            List<FixEdits.Resolved> ok = FixEdits.compatible(rs);
            List<FixEdits.Edit> all = FixEdits.inOrder(ok);
            FixEdits.Source src = ok.get(0).source();
            String after = FixEdits.apply(src.text, all);
            // findings whose change another one already makes (one call, two findings) are fixed too
            List<FixEdits.Resolved> made = new ArrayList<>();
            for (FixEdits.Resolved r : rs) if (ok.contains(r) || sameChange(ok, r)) made.add(r);
            if (!after.equals(src.text)) out.add(new Change(src, made, all, after));
        }
        return out;
    }

    private static boolean sameChange(List<FixEdits.Resolved> ok, FixEdits.Resolved r) {
        for (FixEdits.Resolved o : ok) if (o.edits().equals(r.edits())) return true;
        return false;
    }

    /** Writes each change in place; a file that cannot be written, or changed meanwhile, is named in {@code err} and left as it is. */
    static List<Change> write(List<Change> changes, java.io.PrintWriter err) {
        List<Change> done = new ArrayList<>();
        for (Change c : changes) {
            Path file = Path.of(c.source().path);
            try {
                Path real = file.toRealPath();
                byte[] now = dev.gfplint.core.scan.DataFiles.readBytes(real, Math.max(1, c.source().bytes.length) + 1L);
                if (!Arrays.equals(now, c.source().bytes)) {
                    err.println("gfplint: error: " + file + ": changed during the scan; not fixed");
                    continue;
                }
                Path tmp = Files.createTempFile(real.getParent(), "." + real.getFileName() + ".", ".gfplint-fix");
                try {
                    Files.write(tmp, c.source().encode(c.after()));
                    copyPermissions(real, tmp);
                    Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                done.add(c);
            } catch (IOException | RuntimeException e) {
                err.println("gfplint: error: " + file + ": cannot write the fix: " + e.getMessage());
            }
        }
        return done;
    }

    /**
     * The findings the written changes did not remove, their lines (and their chains' steps) moved to where
     * the fixed files now have them: a fix that opens a scope adds lines.
     */
    static List<Finding> remaining(List<Finding> findings, List<Change> done) {
        java.util.Set<Finding> fixed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Map<String, Change> byFile = new java.util.HashMap<>();
        for (Change c : done) {
            byFile.put(c.source().path, c);
            for (FixEdits.Resolved r : c.made()) fixed.add(r.finding());
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (fixed.contains(f)) continue;
            List<dev.gfplint.core.model.Trace.Step> flow = f.flow().stream().map(s -> new dev.gfplint.core.model.Trace.Step(
                    s.caller(), s.file(), moved(byFile.get(s.file()), s.line()), s.col(), s.callee())).toList();
            out.add(new Finding(f.ruleId(), f.level(), f.file(), moved(byFile.get(f.file()), f.line()), f.col(), f.message(),
                    flow, f.mask(), f.context(), f.fix()));
        }
        return out;
    }

    /** Where line {@code line} of the file before {@code c} is after it: moved by the lines the edits above it add or remove. */
    private static int moved(Change c, int line) {
        if (c == null || line < 1 || line > c.source().lines()) return line;
        int at = c.source().lineStart(line), delta = 0;
        for (FixEdits.Edit e : c.edits()) {
            if (e.end() > at) continue;
            delta += count(e.text()) - count(c.source().text.substring(e.start(), e.end()));
        }
        return line + delta;
    }

    private static int count(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') n++;
        return n;
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView v = Files.getFileAttributeView(from, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (v != null) Files.setPosixFilePermissions(to, v.readAttributes().permissions());
    }

    /**
     * The changes as one unified diff with git's {@code a/} and {@code b/} prefixes on report paths, so that
     * {@code git apply} and {@code patch -p1} take it from the top of the tree; three lines of context. As bytes:
     * each file's lines in the file's own encoding (a file that is not UTF-8 keeps its bytes), the headers in UTF-8.
     */
    static byte[] diff(List<Change> changes, SourceRoot root) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Change c : changes) {
            String path = root.relative(c.source().path);
            List<String> before = lines(c.source().text), after = lines(c.after());
            List<String> hunks = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, before,
                    DiffUtils.diff(before, after), 3);
            for (int i = 0; i < hunks.size(); i++) {
                out.write((i < 2 ? hunks.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8) : c.source().encode(hunks.get(i))));
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    /** Lines without their '\n' but with any '\r' (a CRLF file's diff keeps its line ends); no empty last line. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }
}
