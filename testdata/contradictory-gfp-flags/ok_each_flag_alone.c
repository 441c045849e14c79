/* NOFAIL with a blocking mask, NORETRY or RETRY_MAYFAIL alone: all meaningful. */
void *a(unsigned long n) { return kmalloc(n, GFP_KERNEL | __GFP_NOFAIL); }
void *b(unsigned long n) { return kmalloc(n, GFP_NOFS | __GFP_NOFAIL); }
void *c(unsigned long n) { return kmalloc(n, GFP_KERNEL | __GFP_NORETRY | __GFP_NOWARN); }
void *d(unsigned long n) { return kvmalloc(n, GFP_KERNEL | __GFP_RETRY_MAYFAIL); }
struct page *e(void) { return alloc_pages(GFP_NOIO | __GFP_NOFAIL, 0); }
