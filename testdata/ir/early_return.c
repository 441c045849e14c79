/* Early returns: every return goes straight to the exit node (the function's closing brace). */
long probe_buffer(struct device *dev, size_t len) // IR: function probe_buffer | returns long
{
	void *buf;

	if (!dev) // IR: node BRANCH | edge TRUE -> +1 | edge FALSE -> +2
		return -ENODEV; // IR: node RETURN | edge RETURN -> exit
	if (len > PAGE_SIZE) { // IR: edge TRUE -> +1 | edge FALSE -> +4
		dev_warn(dev, "too long\n"); // IR: call dev_warn(dev, "too long\n")
		return -EINVAL; // IR: edge RETURN -> exit
	}
	buf = kmalloc(len, GFP_KERNEL); // IR: call kmalloc(len, GFP_KERNEL)
	if (!buf)
		return -ENOMEM; // IR: edge RETURN -> exit
	dev_set_drvdata(dev, buf);
	return 0; // IR: edge RETURN -> exit
}

static void maybe_kick(struct device *dev) // IR: function maybe_kick | returns void
{
	if (!dev_is_ready(dev)) // IR: call dev_is_ready(dev) | edge TRUE -> +1 | edge FALSE -> +2
		return; // IR: node RETURN | edge RETURN -> exit
	dev_kick(dev); // IR: edge NORMAL -> exit
}
