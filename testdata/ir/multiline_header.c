/* Function headers split over lines (return type on its own line, one parameter per line, XFS style): the
 * function's position is its name's line. */
static int
frob_walk(struct frob *f, unsigned long start) // IR: function frob_walk | storage STATIC | returns int | params 2
{
	return frob_walk_range(f, start, ULONG_MAX); // IR: call frob_walk_range(f, start, ULONG_MAX)
}

STATIC int
xfs_frob_extent( // IR: function xfs_frob_extent | params 3 | param 0 ip: struct xfs_inode * | param 1 off: xfs_off_t | param 2 flags: unsigned int
	struct xfs_inode	*ip,
	xfs_off_t		off,
	unsigned int		flags)
{
	int			error;

	error = xfs_frob_one(ip, off, flags | XFS_FROB_NOWAIT); // IR: call xfs_frob_one(ip, off, flags | XFS_FROB_NOWAIT)
	return error;
}
