/*
 * kernel/power-style: a NOIO page for the image, then GFP_KERNEL for worker state. No lock is held and no
 * caller passes a NOFS mask or opens a scope: the first mask alone is weak evidence of a NOFS context, so
 * this is a note, not a warning.
 */
int save_image(struct writer *w, int nr)
{
	w->page = (void *)__get_free_page(GFP_NOIO | __GFP_HIGH);
	if (!w->page)
		return -ENOMEM;
	w->crc = kzalloc(sizeof(*w->crc), GFP_KERNEL); // BUG: note: the earlier mask may be caution, not need
	return w->crc ? 0 : -ENOMEM;
}
