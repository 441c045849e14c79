package dev.gfplint.cli;

import dev.gfplint.rules.Rule;
import dev.gfplint.rules.Rules;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code gfplint rules}: one line per rule: id, default level, summary. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules: id, default level, summary.")
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = 0;
        for (Rule r : Rules.all()) width = Math.max(width, r.id().length());
        for (Rule r : Rules.all()) {
            out.printf("%-" + width + "s  %-7s  %s%n", r.id(), r.info().level().label(), r.info().summary());
        }
        out.printf("%-" + width + "s  %-7s  %s%n", Suppressions.UNUSED, "note",
                "a gfplint: ignore[...] comment that suppresses nothing (reported by scan, not a check)");
        out.flush();
        return Main.EXIT_OK;
    }
}
