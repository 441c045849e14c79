/* vmalloc with a non-blocking mask may still sleep: its page tables are allocated with GFP_KERNEL. */
struct big { spinlock_t lock; void *area; };

void big_grow(struct big *b)
{
	spin_lock(&b->lock);
	b->area = __vmalloc(1 << 20, GFP_ATOMIC); // BUG: note: may still sleep
	spin_unlock(&b->lock);
}
