/* Under a raw spinlock even GFP_ATOMIC is not allowed on PREEMPT_RT: a note. */
struct hw { raw_spinlock_t lock; void *p; };

void hw_poke(struct hw *h)
{
	raw_spin_lock(&h->lock);
	h->p = kmalloc(8, GFP_ATOMIC); // BUG: note: on PREEMPT_RT
	raw_spin_unlock(&h->lock);
}
