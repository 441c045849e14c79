// gfplint: kernel-version 5.10
/* The mask arrives through a parameter: judged with what each caller passes. */
static void *buf_alloc(unsigned long n, gfp_t gfp)
{
	return __vmalloc(n, gfp); // BUG: error: mask passed by fs_writeback_prepare
}

void *fs_writeback_prepare(void)
{
	return buf_alloc(4096, GFP_NOFS);
}

void *driver_probe_buffers(void)
{
	return buf_alloc(65536, GFP_KERNEL);
}
