/* A hard-irq handler may not sleep; the threaded handler runs in process context. */
struct mydev { int irq; void *buf, *log; };

static irqreturn_t mydev_irq(int irq, void *data)
{
	struct mydev *d = data;

	d->buf = kmalloc(64, GFP_KERNEL); // BUG: error: in a hard-irq handler (request_threaded_irq() registers mydev_irq
	return IRQ_WAKE_THREAD;
}

static irqreturn_t mydev_thread(int irq, void *data)
{
	struct mydev *d = data;

	d->log = kmalloc(64, GFP_KERNEL);
	return IRQ_HANDLED;
}

int mydev_probe(struct mydev *d)
{
	return request_threaded_irq(d->irq, mydev_irq, mydev_thread, 0, "mydev", d);
}
