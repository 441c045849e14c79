/* Braces, parentheses and quotes inside string/char literals and comments do not disturb function finding or
 * statement boundaries. */
static const char *frob_open_brace = "{"; // IR: nothing

void frob_dump(struct seq_file *m, int c) // IR: function frob_dump
{
	seq_puts(m, "} ) ; {\n"); // IR: call seq_puts(m, "} ) ; {\n") | edge NORMAL -> +2
	/* an unbalanced } in a comment ( */
	if (c == '{' || c == '}') // IR: node BRANCH | edge TRUE -> +1
		seq_printf(m, "brace '%c' \"}\"\n", c); // IR: call seq_printf(m, "brace '%c' \"}\"\n", c)
	// another } in a line comment
	seq_putc(m, ';'); // IR: call seq_putc(m, ';')
}

int frob_after(void) // IR: function frob_after
{
	return frob_dump_count('}'); // IR: call frob_dump_count('}')
}
