/*
 * Early boot: the first C function runs with interrupts off before the scheduler exists, and the allocator
 * strips direct reclaim from every mask until then. An __init function that nothing calls is such an entry.
 */
static void *tables;

static void __init setup_tables(void)
{
	tables = kzalloc(4096, GFP_KERNEL);
}

void __init boot_main(void)
{
	local_irq_disable();
	setup_tables();
	local_irq_enable();
}

/* An __init function that is called (an initcall's helper) gets no such pass. */
static void __init probe_hw(void)
{
	unsigned long flags;

	local_irq_save(flags);
	tables = kzalloc(64, GFP_KERNEL); // BUG: error: under local_irq_save(flags) taken at line 24
	local_irq_restore(flags);
}

static int __init hw_init(void)
{
	probe_hw();
	return 0;
}
