/* Inline assembly: asm, asm volatile, __asm__ __volatile__ with outputs, inputs and clobbers: one ASM node each. */
static inline unsigned long read_flags(void) // IR: function read_flags | storage STATIC | inline | returns unsigned long | params 0
{
	unsigned long flags;

	asm volatile("pushf ; pop %0" : "=rm" (flags) : : "memory"); // IR: node ASM | edge NORMAL -> +1
	return flags; // IR: node RETURN
}

void fence_all(int *p, int v) // IR: function fence_all
{
	asm("" ::: "memory"); // IR: node ASM | edge NORMAL -> +1
	__asm__ __volatile__("xchg %0, %1" // IR: node ASM | edge NORMAL -> +4
			     : "+r" (v), [mem] "+m" (*p)
			     :
			     : "memory", "cc");
	asm inline volatile(ALTERNATIVE("nop", "lfence", X86_FEATURE_LFENCE) ::: "memory"); // IR: node ASM
	publish(p, v); // IR: call publish(p, v)
}
