/* Tests of the context: on the branch where in_atomic() is false the code may block. */
void *buf;

void fill(void)
{
	if (in_atomic() || irqs_disabled())
		buf = kmalloc(8, GFP_ATOMIC);
	else
		buf = kmalloc(8, GFP_KERNEL);
	if (in_interrupt())
		buf = kmalloc(8, GFP_KERNEL); // BUG: error: under in_interrupt()
}
