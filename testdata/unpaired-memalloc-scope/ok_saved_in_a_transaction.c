/* XFS: the transaction carries the saved flags from its start to its end (checked across functions). */
static inline void xfs_trans_set_context(struct xfs_trans *tp)
{
	tp->t_pflags = memalloc_nofs_save();
}

static inline void xfs_trans_clear_context(struct xfs_trans *tp)
{
	memalloc_nofs_restore(tp->t_pflags);
}

/* jbd2: saved into a local first, then into the handle. */
static int start_this_handle(handle_t *handle)
{
	unsigned int flags = memalloc_nofs_save();

	handle->saved_alloc_context = flags;
	return 0;
}

static void stop_this_handle(handle_t *handle)
{
	memalloc_nofs_restore(handle->saved_alloc_context);
}
