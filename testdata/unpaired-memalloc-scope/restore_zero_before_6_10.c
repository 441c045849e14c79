// gfplint: kernel-version 6.8
void drop_scope(void)
{
	memalloc_nofs_restore(0); // BUG: error: before 6.10 restoring 0 clears the scope even when a caller opened it
}
