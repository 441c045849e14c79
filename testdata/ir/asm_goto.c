/* asm goto: control may continue at any label listed after the fourth colon, so the ASM node has an edge to
 * each of them (as a goto does). */
static inline bool key_enabled(struct static_key *key) // IR: function key_enabled | inline | returns bool
{
	asm goto("1: nop\n\t" ".pushsection __jump_table, \"aw\"\n\t" ".popsection" // IR: node ASM | edge NORMAL -> +2 | edge GOTO -> +3
		 : : "i" (key) : : l_yes);
	return false; // IR: node RETURN | edge RETURN -> exit
l_yes: // IR: node LABEL l_yes
	return true; // IR: edge RETURN -> exit
}

int try_cmpxchg_user(u32 __user *uaddr, u32 old, u32 new) // IR: function try_cmpxchg_user | param 0 uaddr: u32 *
{
	asm volatile goto("1: lock cmpxchg %[new], %[ptr]\n" // IR: node ASM | edge NORMAL -> +4 | edge GOTO -> +5 | edge GOTO -> +7
			  : [ptr] "+m" (*uaddr), "+a" (old)
			  : [new] "r" (new)
			  : "memory" : efault, busy);
	return 0;
efault: // IR: node LABEL efault
	return -EFAULT;
busy: // IR: node LABEL busy
	return -EBUSY;
}
