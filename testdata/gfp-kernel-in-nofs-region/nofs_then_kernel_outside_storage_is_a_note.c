/*
 * kernel/power-style: a NOIO page for the image, then GFP_KERNEL for worker state. Outside the storage
 * stack the first mask is weak evidence of a NOFS context, so this is a note, not a warning.
 * gfplint: path kernel/power/image_writer.c
 */
int save_image(struct writer *w, int nr)
{
	w->page = (void *)__get_free_page(GFP_NOIO | __GFP_HIGH);
	if (!w->page)
		return -ENOMEM;
	w->crc = kzalloc(sizeof(*w->crc), GFP_KERNEL); // BUG: note: outside the storage stack
	return w->crc ? 0 : -ENOMEM;
}
