/* Computed goto: `goto *p` has a GOTO edge to every label whose address is taken with &&label. */
int run_ops(const unsigned char *ops) // IR: function run_ops | param 0 ops: const unsigned char *
{
	static void *dispatch[] = { &&op_add, &&op_halt }; // IR: node STATEMENT | init dispatch = { &&op_add, &&op_halt }
	int acc = 0;

	goto *dispatch[*ops++]; // IR: node GOTO | edge GOTO[op_add] -> +1 | edge GOTO[op_halt] -> +4
op_add: // IR: node LABEL op_add
	acc += step_value(ops); // IR: call step_value(ops) | assign acc += step_value(ops)
	goto *dispatch[*ops++]; // IR: edge GOTO[op_add] -> -2 | edge GOTO[op_halt] -> +1
op_halt: // IR: node LABEL op_halt
	return acc; // IR: edge RETURN -> exit
}
