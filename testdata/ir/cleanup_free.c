/* Scope-based cleanup: `__free(kfree)` in a declaration is dropped; the initializer is an ordinary call. */
int load_blob(struct device *dev, size_t len) // IR: function load_blob
{
	u8 *buf __free(kfree) = kmalloc(len, GFP_KERNEL); // IR: call kmalloc(len, GFP_KERNEL) | init buf = kmalloc(len, GFP_KERNEL)
	struct blob *b __free(kvfree) = NULL; // IR: init b = NULL
	char *name __free(kfree) = kasprintf(GFP_KERNEL, "%s-blob", dev_name(dev)); // IR: call dev_name(dev) | call kasprintf(GFP_KERNEL, "%s-blob", dev_name(dev)) | init name = kasprintf(GFP_KERNEL, "%s-blob", dev_name(dev))

	if (!buf || !name)
		return -ENOMEM;
	b = kvzalloc(len, GFP_KERNEL); // IR: call kvzalloc(len, GFP_KERNEL) | assign b = kvzalloc(len, GFP_KERNEL)
	if (!b)
		return -ENOMEM;
	return blob_install(dev, no_free_ptr(b)); // IR: call no_free_ptr(b) | call blob_install(dev, no_free_ptr(b))
}
