package dev.gfplint.cli;

import dev.gfplint.rules.Rule;
import dev.gfplint.rules.Rules;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gfplint explain RULE}: the rule's help, the same text SARIF carries, for a terminal. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Show a rule's help: why it matters, a bad "
        + "and a good example, the fix.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RULE", description = "A rule id (see 'gfplint rules').")
    String id;

    @Override
    public Integer call() {
        java.util.Optional<Rule> r = Rules.byId(id);
        if (r.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown rule id '" + id + "' (known: "
                    + String.join(", ", Rules.ids()) + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(id + " (" + r.get().info().level().label() + "): " + r.get().info().summary());
        out.println();
        out.println(forTerminal(r.get().help()));
        out.flush();
        return Main.EXIT_OK;
    }

    /** Markdown made plain: bold markers and code fences dropped, code blocks indented. */
    static String forTerminal(String md) {
        StringBuilder sb = new StringBuilder();
        boolean code = false;
        for (String line : md.strip().split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                code = !code;
                continue;
            }
            sb.append(code ? "    " + line : line.replace("**", "")).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
