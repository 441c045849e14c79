/* do/while: a JOIN node at the do, the condition is a BRANCH at its own line that loops BACK to the do;
 * continue goes to the condition, break past it. */
static void flush_all(struct ring *ring) // IR: function flush_all
{
	int n;

	do { // IR: node JOIN | edge NORMAL -> +1
		n = ring_flush_some(ring, 16); // IR: call ring_flush_some(ring, 16) | assign n = ring_flush_some(ring, 16)
		if (n < 0) { // IR: edge TRUE -> +1 | edge FALSE -> +4
			ring_error(ring, n); // IR: edge BREAK -> +9
			break;
		}
		if (n == 0) { // IR: edge TRUE -> +1 | edge FALSE -> +4
			ring_idle(ring); // IR: call ring_idle(ring) | edge CONTINUE -> +4
			continue;
		}
		cond_resched(); // IR: call cond_resched() | edge NORMAL -> +1
	} while (n > 0); // IR: node BRANCH | edge BACK -> -11 | edge FALSE -> +1
	ring_done(ring); // IR: call ring_done(ring)

	do {
		ring_poke(ring); // IR: call ring_poke(ring) | edge NORMAL -> +1
	} while (0); // IR: node BRANCH | edge BACK -> -2 | edge FALSE -> exit
}
