package dev.gfplint.core.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A mainline kernel version, major.minor (sublevels do not change GFP semantics). */
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {
    /** The oldest version the model describes. */
    public static final KernelVersion OLDEST = new KernelVersion(4, 4);
    /** The newest version whose facts the model carries; the default when the tree does not say. */
    public static final KernelVersion NEWEST = new KernelVersion(6, 12);

    private static final Pattern TEXT = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?");
    private static final Pattern MAKE_VAR = Pattern.compile("(?m)^(VERSION|PATCHLEVEL)\\s*=\\s*(\\d+)\\s*$");

    public static KernelVersion parse(String s) {
        Matcher m = TEXT.matcher(s.strip());
        if (!m.matches()) throw new IllegalArgumentException("not a kernel version (expected X.Y): " + s);
        return new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The version a kernel tree's top-level Makefile declares (VERSION and PATCHLEVEL), if it is one. */
    public static Optional<KernelVersion> fromTree(Path root) {
        Path mk = root.resolve("Makefile");
        if (!Files.isRegularFile(mk)) return Optional.empty();
        try {
            // The variables are in the first lines; read a bounded prefix.
            byte[] b;
            try (var in = Files.newInputStream(mk)) {
                b = in.readNBytes(4096);
            }
            Matcher m = MAKE_VAR.matcher(new String(b, StandardCharsets.ISO_8859_1));
            Integer major = null, minor = null;
            while (m.find()) {
                if (m.group(1).equals("VERSION") && major == null) major = Integer.parseInt(m.group(2));
                if (m.group(1).equals("PATCHLEVEL") && minor == null) minor = Integer.parseInt(m.group(2));
            }
            return major != null && minor != null ? Optional.of(new KernelVersion(major, minor)) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean atLeast(KernelVersion o) {
        return compareTo(o) >= 0;
    }

    public boolean before(KernelVersion o) {
        return compareTo(o) < 0;
    }

    public static KernelVersion of(int major, int minor) {
        return new KernelVersion(major, minor);
    }

    @Override
    public int compareTo(KernelVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
