/* No caller passes a NOFS mask: GFP_KERNEL here is not in a NOFS region (sleeping in atomic context is another rule's business). */
static void *helper(unsigned long n, gfp_t gfp)
{
	return kmalloc(n, GFP_KERNEL);
}

void *a(void) { return helper(8, GFP_KERNEL); }
void *b(void) { return helper(8, GFP_ATOMIC); }
