/* Calls through pointers: the callee is not a name (callee null); calleeText is the callee expression. */
struct alloc_ops {
	void *(*alloc)(struct device *dev, gfp_t gfp);
	void (*free)(void *p);
};

void *dev_alloc(struct device *dev, const struct alloc_ops *ops) // IR: function dev_alloc
{
	void *p = ops->alloc(dev, GFP_NOFS); // IR: indirect-call ops->alloc(dev, GFP_NOFS) | init p = ops->alloc(dev, GFP_NOFS)

	if (!p)
		p = dev->bus->ops->alloc(dev, GFP_NOIO); // IR: indirect-call dev->bus->ops->alloc(dev, GFP_NOIO)
	if (!p)
		p = handlers[dev->type](dev, GFP_ATOMIC); // IR: indirect-call handlers[dev->type](dev, GFP_ATOMIC)
	ops->free(to_free(dev)); // IR: call to_free(dev) | indirect-call ops->free(to_free(dev))
	return p;
}
