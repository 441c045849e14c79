// gfplint: kernel-version 6.12
void drop_scope(void)
{
	memalloc_nofs_restore(0); // BUG: warning: since 6.10 restoring 0 does nothing
}
