void nested(void)
{
	unsigned int outer = memalloc_nofs_save();
	unsigned int inner = memalloc_nofs_save();

	work();
	memalloc_nofs_restore(outer); // BUG: warning: restore nested scopes in reverse order
	memalloc_nofs_restore(inner);
}
