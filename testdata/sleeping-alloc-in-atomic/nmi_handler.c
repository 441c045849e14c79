/* An NMI handler may not sleep, and may not allocate at all: even GFP_ATOMIC takes locks the interrupted code may
   hold. The irq_work it queues runs later in hard-irq context, where GFP_ATOMIC is fine. */
struct watch { struct irq_work work; void *rec, *buf; };
static struct watch w;

static int watch_nmi(unsigned int cmd, struct pt_regs *regs)
{
	w.rec = kmalloc(32, GFP_ATOMIC); // BUG: note: kmalloc() with GFP_ATOMIC in NMI context (register_nmi_handler() registers watch_nmi
	w.buf = kzalloc(4096, GFP_KERNEL); // BUG: error: in NMI context (register_nmi_handler() registers watch_nmi at line 22); no allocator is safe in NMI context
	irq_work_queue(&w.work);
	return NMI_HANDLED;
}

static void watch_work(struct irq_work *work)
{
	w.rec = kmalloc(32, GFP_ATOMIC);
}

int watch_init(void)
{
	init_irq_work(&w.work, watch_work);
	return register_nmi_handler(NMI_LOCAL, watch_nmi, 0, "watch");
}
