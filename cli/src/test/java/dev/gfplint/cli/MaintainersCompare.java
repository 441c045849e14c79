package dev.gfplint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The comparison of {@link Maintainers} with the kernel's {@code scripts/get_maintainer.pl} (run by
 * {@code bench/maintainers-vs-get_maintainer.sh}): for every file of a finding at the given levels in a
 * {@code gfplint scan --format json} of a kernel tree, runs the script twice in the tree,
 * {@code --nogit --nogit-fallback --sections -f FILE} (the sections that take the file, in the script's order)
 * and {@code --nogit --nogit-fallback --rolestats -f FILE} (the people and lists it prints), and checks:
 * the same sections; the same order, up to sections of equal depth, which the script visits in the order of a
 * Perl hash (a different one on every run, so both runs get PERL_HASH_SEED=0); the report's subsystem and people and lists as gfplint gives them
 * (its order) and, visiting the sections in the script's order of that run, the script's own lines exactly.
 * Prints each difference and a summary line; exit 1 if any file differs.
 */
public final class MaintainersCompare {
    private MaintainersCompare() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: MaintainersCompare KERNEL_TREE FINDINGS.json [LEVELS, default error,warning]");
            System.exit(2);
        }
        Path tree = Path.of(args[0]).toAbsolutePath().normalize();
        Set<String> levels = Set.of((args.length > 2 ? args[2] : "error,warning").split(","));
        JsonNode report = new ObjectMapper().readTree(Path.of(args[1]).toFile());
        Map<String, JsonNode> files = new java.util.TreeMap<>();
        for (JsonNode f : report.path("findings")) {
            if (levels.contains(f.path("level").asText())) files.putIfAbsent(f.path("path").asText(), f.path("maintainers"));
        }
        Maintainers m = Maintainers.load(tree);
        if (m == null) throw new IOException(tree + ": no MAINTAINERS");
        int sameSections = 0, sameOrder = 0, ties = 0, sameReport = 0, samePrinted = 0, differ = 0;
        for (Map.Entry<String, JsonNode> e : files.entrySet()) {
            String path = e.getKey();
            List<Maintainers.Match> ours = m.match(path);
            List<String> theirs = sections(script(tree, "--sections", path));
            List<String> oursNames = ours.stream().map(x -> x.section().name()).toList();
            List<String> problems = new ArrayList<>();
            if (new TreeSet<>(oursNames).equals(new TreeSet<>(theirs)) && oursNames.size() == theirs.size()) sameSections++;
            else problems.add("sections: gfplint " + oursNames + ", get_maintainer.pl " + theirs);
            // the script's order, with gfplint's depths: the same ranking when no depth rises along it
            Map<String, Maintainers.Match> byName = new HashMap<>();
            for (Maintainers.Match x : ours) byName.put(x.section().name(), x);
            List<Maintainers.Match> inTheirOrder = new ArrayList<>();
            for (String s : theirs) if (byName.containsKey(s)) inTheirOrder.add(byName.get(s));
            boolean ranked = inTheirOrder.size() == ours.size();
            for (int i = 1; i < inTheirOrder.size(); i++) ranked &= inTheirOrder.get(i - 1).depth() >= inTheirOrder.get(i).depth();
            if (ranked) {
                sameOrder++;
                if (!oursNames.equals(theirs)) ties++;
            } else {
                problems.add("order: gfplint " + describe(ours) + ", get_maintainer.pl " + theirs);
            }
            // the report is what assign(path) gives
            Maintainers.Assignment a = m.assign(path);
            JsonNode j = e.getValue();
            if (a != null && j.path("subsystem").asText().equals(a.subsystem().name()) && strings(j.path("maintainers")).equals(a.maintainers())
                    && strings(j.path("reviewers")).equals(a.reviewers())
                    && strings(j.path("lists")).equals(a.lists().stream().map(Maintainers.MailList::address).toList())) {
                sameReport++;
            } else {
                problems.add("report: the JSON is not what Maintainers gives: " + j);
            }
            // visiting the sections in this run's order, the script's lines exactly
            Printed p = printed(script(tree, "--rolestats", path));
            Maintainers.Assignment b = ranked ? m.assign(inTheirOrder) : null;
            List<String> lists = b == null ? List.of() : b.lists().stream().map(Maintainers.MailList::address).toList();
            if (b != null && b.maintainers().equals(p.maintainers) && b.reviewers().equals(p.reviewers) && lists.equals(p.lists)) {
                samePrinted++;
            } else {
                problems.add("printed: gfplint " + (b == null ? "-" : b.maintainers() + " " + b.reviewers()) + " " + lists
                        + ", get_maintainer.pl " + p.maintainers + " " + p.reviewers + " " + p.lists);
            }
            if (!problems.isEmpty()) {
                differ++;
                for (String x : problems) System.out.println(path + ": " + x);
            }
        }
        int n = files.size();
        System.out.printf("%d files with %s findings: same sections %d/%d, same order %d/%d (%d only by sections of equal"
                        + " depth, which the script orders at random), report as Maintainers gives it %d/%d, the script's"
                        + " people and lists %d/%d; %d differ%n", n, String.join("/", new TreeSet<>(levels)), sameSections, n,
                sameOrder, n, ties, sameReport, n, samePrinted, n, differ);
        System.exit(differ == 0 ? 0 : 1);
    }

    private static String describe(List<Maintainers.Match> ms) {
        List<String> out = new ArrayList<>();
        for (Maintainers.Match x : ms) out.add(x.section().name() + " @" + x.depth());
        return out.toString();
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static String script(Path tree, String option, String path) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("perl", "scripts/get_maintainer.pl", "--nogit", "--nogit-fallback", option, "-f", path)
                .directory(tree.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        // one hash order for both runs of a file, so that the sections of equal depth come in the same order in each
        pb.environment().put("PERL_HASH_SEED", "0");
        pb.environment().put("PERL_PERTURB_KEYS", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** The section names of {@code --sections} output: the first line of each block. */
    private static List<String> sections(String out) {
        List<String> names = new ArrayList<>();
        boolean start = true;
        for (String l : out.split("\n", -1)) {
            if (l.isEmpty()) {
                start = true;
                continue;
            }
            if (start) names.add(l);
            start = false;
        }
        return names;
    }

    private record Printed(List<String> maintainers, List<String> reviewers, List<String> lists) {}

    /**
     * {@code --rolestats} output, a line per person or list with its role in parentheses: people ({@code Name
     * <address> (maintainer:SECTION)}), then lists ({@code address (open list:SECTION)}).
     */
    private static Printed printed(String out) {
        Set<String> people = new LinkedHashSet<>(), reviewers = new LinkedHashSet<>(), lists = new LinkedHashSet<>();
        for (String l : out.split("\n")) {
            int end = l.contains("<") ? l.indexOf('>') + 1 : l.indexOf(' ');
            if (end <= 0 || !l.startsWith(" (", end) || !l.endsWith(")")) continue;
            String who = l.substring(0, end), role = l.substring(end + 2, l.length() - 1);
            String kind = role.contains(":") ? role.substring(0, role.indexOf(':')) : role;
            if (kind.contains("list")) lists.add(who);
            else if (kind.equals("reviewer")) reviewers.add(who);
            else people.add(who);
        }
        return new Printed(List.copyOf(people), List.copyOf(reviewers), List.copyOf(lists));
    }
}
