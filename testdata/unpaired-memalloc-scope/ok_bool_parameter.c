/* xfs kmem_zalloc_large style: a flag argument decides both the save and the restore. */
void *zalloc_large(unsigned long size, bool nofs)
{
	unsigned int nofs_flag = 0;
	void *ptr;

	if (nofs)
		nofs_flag = memalloc_nofs_save();
	ptr = vzalloc(size);
	if (nofs)
		memalloc_nofs_restore(nofs_flag);
	return ptr;
}
