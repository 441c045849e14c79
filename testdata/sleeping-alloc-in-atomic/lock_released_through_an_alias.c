/* The lock is taken through one name and released through a local that aliases the same struct. */
struct rdma_info { spinlock_t lock; unsigned long map; };
struct hwfn { struct rdma_info *p_rdma_info; };

int alloc_cid(struct hwfn *p_hwfn)
{
	struct rdma_info *info = p_hwfn->p_rdma_info;
	void *ctx;

	spin_lock_bh(&p_hwfn->p_rdma_info->lock);
	info->map |= 1;
	spin_unlock_bh(&info->lock);
	ctx = kzalloc(4096, GFP_KERNEL);
	return ctx ? 0 : -ENOMEM;
}
