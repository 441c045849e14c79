/* A file-scope NAME(args) { ... } whose NAME is no known definer is still a function: it is named after the
 * macro, its parameters are the macro's arguments, and definedBy names the macro. */
FROB_IRQ_HANDLER(frob_irq, struct frob *, f) // IR: function FROB_IRQ_HANDLER | defined-by FROB_IRQ_HANDLER | params 3 | param 1 : struct frob *
{
	frob_ack(f); // IR: call frob_ack(f)
	return IRQ_HANDLED;
}

static irqreturn_t frob_thread(int irq, void *data) // IR: function frob_thread | returns irqreturn_t
{
	return frob_irq(irq, data); // IR: call frob_irq(irq, data)
}
