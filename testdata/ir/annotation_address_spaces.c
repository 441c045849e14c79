/* Sparse address-space qualifiers (__user, __iomem, __rcu, __percpu) vanish from parameter and local types. */
struct conf {
	struct table __rcu *table;
};

long copy_conf(struct conf *c, void __user *ubuf, size_t len) // IR: function copy_conf | params 3 | param 1 ubuf: void * | param 2 len: size_t
{
	struct table *t;
	void *kbuf = kmalloc(len, GFP_KERNEL | __GFP_ACCOUNT); // IR: call kmalloc(len, GFP_KERNEL | __GFP_ACCOUNT) | init kbuf = kmalloc(len, GFP_KERNEL | __GFP_ACCOUNT)

	if (copy_from_user(kbuf, ubuf, len)) // IR: call copy_from_user(kbuf, ubuf, len)
		return -EFAULT;
	rcu_read_lock();
	t = rcu_dereference(c->table); // IR: call rcu_dereference(c->table) | assign t = rcu_dereference(c->table)
	table_apply(t, kbuf);
	rcu_read_unlock();
	return 0;
}

static void write_reg(void __iomem *base, u32 __percpu *counter, unsigned int off) // IR: function write_reg | params 3 | param 0 base: void * | param 1 counter: u32 * | param 2 off: unsigned int
{
	u32 __iomem *reg = base + off; // IR: init reg = base + off
	struct table __rcu **slot = &conf_slot; // IR: init slot = &conf_slot

	writel(this_cpu_read(*counter), reg); // IR: call this_cpu_read(*counter) | call writel(this_cpu_read(*counter), reg)
	rcu_assign_pointer(*slot, NULL); // IR: call rcu_assign_pointer(*slot, NULL)
}
