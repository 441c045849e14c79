/* printk with a KERN_<level> macro before the format, and adjacent string literals: one argument each. */
void report(struct device *dev, int err) // IR: function report
{
	printk(KERN_ERR "report: failed with %d\n", err); // IR: call printk(KERN_ERR "report: failed with %d\n", err)
	printk(KERN_WARNING "report: " "second " "part\n"); // IR: call printk(KERN_WARNING "report: " "second " "part\n")
	dev_err(dev, "%s: " "bad state %d\n", __func__, err); // IR: call dev_err(dev, "%s: " "bad state %d\n", __func__, err)
	pr_err("multi-line " // IR: call pr_err("multi-line " "format %d\n", err)
	       "format %d\n", err);
	pr_info("%s" DRV_SUFFIX "\n", dev_name(dev)); // IR: call dev_name(dev) | call pr_info("%s" DRV_SUFFIX "\n", dev_name(dev))
}
