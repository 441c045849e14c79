/* #ifdef/#else around whole case groups inside a switch: both alternatives stay reachable from the switch. */
static int frob_cmd(int cmd) // IR: function frob_cmd
{
	switch (cmd) { // IR: node SWITCH | edge CASE[1] -> +1 | edge CASE[2] -> +5 | edge CASE[2] -> +9 | edge DEFAULT -> +14
	case 1:
		frob_one(); // IR: call frob_one() | edge BREAK -> +12
		break;
#ifdef CONFIG_FROB_TWO // IR: node BRANCH | edge TRUE -> +1 | edge FALSE -> +5
	case 2: // IR: node CASE 2
		frob_two(); // IR: call frob_two() | edge BREAK -> +8
		break;
#else
	case 2: // IR: node CASE 2
		frob_two_stub(); // IR: call frob_two_stub() | edge BREAK -> +4
		break;
#endif
	}
	return 0;
}
