/* The callee reaches its blocking call only when its bool says it may sleep; the locked caller says no. */
struct kdev { spinlock_t lock; struct usb_device *udev; };

static void kdev_set_mode(struct kdev *k, bool may_sleep)
{
	if (!may_sleep)
		return;
	kdev_send(k);
}

static void kdev_send(struct kdev *k)
{
	void *buf = kmalloc(64, GFP_KERNEL);

	kfree(buf);
}

void kdev_xmit(struct kdev *k)
{
	spin_lock_irq(&k->lock);
	kdev_set_mode(k, false);
	spin_unlock_irq(&k->lock);
}

void kdev_open(struct kdev *k)
{
	kdev_set_mode(k, true);
}
