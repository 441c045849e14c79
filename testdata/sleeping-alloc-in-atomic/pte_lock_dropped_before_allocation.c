/* A page-table lock taken with pte_offset_map_lock() and dropped with pte_unmap_unlock(). */
int copy_one(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	struct page *p;

	p = alloc_page(GFP_ATOMIC);
	pte_unmap_unlock(pte, ptl);
	if (!p)
		p = alloc_page(GFP_KERNEL);
	return p ? 0 : -ENOMEM;
}
