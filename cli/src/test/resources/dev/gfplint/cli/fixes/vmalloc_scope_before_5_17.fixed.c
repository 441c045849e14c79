// args: --kernel-version 5.10
/* Before 5.17 __vmalloc ignores NOFS and NOIO for its page tables: the scope API is what works. */
struct xbuf { void *data; void *log; };

int xbuf_alloc(struct xbuf *b, unsigned long size)
{
	unsigned int nofs_flags;

	nofs_flags = memalloc_nofs_save();
	b->data = __vmalloc(size, GFP_KERNEL | __GFP_ZERO); /* the buffer */
	memalloc_nofs_restore(nofs_flags);
	if (!b->data)
		return -ENOMEM;
	return 0;
}

static void *xbuf_map(unsigned long size)
{
	unsigned int noio_flags;
	void *p;

	noio_flags = memalloc_noio_save();
	p = __vmalloc(size,
		      GFP_KERNEL);
	memalloc_noio_restore(noio_flags);
	return p;
}

int xbuf_log(struct xbuf *b, unsigned long size)
{
	if (size > 4096)
		b->log = __vmalloc(size, GFP_NOFS);
	return b->log ? 0 : -ENOMEM;
}
