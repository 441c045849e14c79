/* for loops: the init is a statement, the condition a BRANCH at the for, the step a STATEMENT that loops
 * BACK; break, continue, and for (;;) without a condition (a JOIN head). */
int fill_slots(void **slots, int n, gfp_t gfp) // IR: function fill_slots | params 3 | param 0 slots: void * *
{
	int i;

	for (i = 0; i < n; i++) { // IR: node BRANCH | node STATEMENT | assign i = 0 | edge TRUE -> +1 | edge FALSE -> +10 | edge BACK -> +0
		if (slots[i]) // IR: edge TRUE -> -1 | edge FALSE -> +2
			continue;
		slots[i] = kmalloc(32, gfp); // IR: call kmalloc(32, gfp) | assign slots[i] = kmalloc(32, gfp)
		if (!slots[i]) { // IR: edge TRUE -> +1
			pr_warn("slot %d\n", i); // IR: call pr_warn("slot %d\n", i) | edge BREAK -> +5
			break;
		}
		touch_slot(slots[i]); // IR: edge NORMAL -> -8
	}
	for (;;) { // IR: node JOIN | edge NORMAL -> +1
		if (try_settle(slots, n)) // IR: call try_settle(slots, n) | edge TRUE -> +4 | edge FALSE -> +2
			break;
		cpu_relax(); // IR: edge BACK -> -3
	}
	for (int j = 0; j < n; j++) // IR: init j = 0 | edge TRUE -> +1
		kfree(slots[j]); // IR: call kfree(slots[j]) | edge NORMAL -> -1
	return i; // IR: edge RETURN -> exit
}
