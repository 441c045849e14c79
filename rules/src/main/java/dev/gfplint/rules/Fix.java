package dev.gfplint.rules;

/**
 * A mechanical change that removes a finding, said in terms of the call the finding points at: which of its
 * arguments (the gfp mask's position), which operand of that argument's top-level {@code |} chain (an identifier,
 * as the code spells it), and what to do with it. The rule knows what the change means; the reporting layer finds
 * the text (cli's FixEdits) and offers the fix only where the call's own text holds that operand, so a mask that
 * reaches the call through a local, a macro or a caller gets no fix.
 */
public sealed interface Fix {
    /** One line: what the change does, e.g. "drop __GFP_NOWARN". */
    String description();

    /** The index of the call's argument the change is in. */
    int arg();

    /** The identifier operand of that argument the change starts from. */
    String operand();

    /** Removes the operand and the {@code |} that joins it to the others. */
    record DropOperand(String description, int arg, String operand) implements Fix {}

    /** Puts {@code with} in the operand's place. */
    record ReplaceOperand(String description, int arg, String operand, String with) implements Fix {}

    /**
     * Puts {@code with} in the operand's place and the statement holding the call in a block that opens the scope
     * first and closes it after: {@code { unsigned int VAR = SAVE(); <statement> RESTORE(VAR); }}. Offered only for a
     * statement that is the call alone or an assignment of it (a declaration or a return would change meaning).
     */
    record Scope(String description, int arg, String operand, String with, String save, String restore, String variable)
            implements Fix {}
}
