/* Preemption, interrupts and bottom halves disabled. */
void *a, *b, *c, *d;

void sections(void)
{
	unsigned long flags;
	int cpu;

	preempt_disable();
	a = kmalloc(8, GFP_KERNEL); // BUG: error: under preempt_disable() taken at line 9 (preemption disabled)
	preempt_enable();
	local_irq_save(flags);
	b = kmalloc(8, GFP_NOFS); // BUG: error: (interrupts disabled)
	local_irq_restore(flags);
	local_bh_disable();
	c = kmalloc(8, GFP_NOIO); // BUG: error: (bottom halves disabled)
	local_bh_enable();
	cpu = get_cpu();
	d = kmalloc_node(8, GFP_KERNEL, cpu_to_node(cpu)); // BUG: error: under get_cpu()
	put_cpu();
	d = kmalloc(8, GFP_KERNEL);
}
