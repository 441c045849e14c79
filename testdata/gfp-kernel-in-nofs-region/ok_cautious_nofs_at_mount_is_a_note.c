/*
 * ntfs3's __ntfs_init_fs_context: the mount-option structures are allocated with GFP_NOFS out of caution,
 * then a 128 KiB table with GFP_KERNEL through kvmalloc. Nothing holds a filesystem lock at mount time, so
 * the GFP_KERNEL is right and the earlier GFP_NOFS is what is over-cautious. Nothing in the code says the
 * filesystem is held (no lock, no NOFS scope or mask from a caller), so this is a note, wherever the file is.
 * gfplint: path fs/ntfsx/super.c
 */
int init_fs_context(struct fs_context *fc)
{
	struct mount_opts *opts;
	struct sb_info *sbi;

	opts = kzalloc(sizeof(*opts), GFP_NOFS);
	if (!opts)
		return -ENOMEM;
	sbi = kzalloc(sizeof(*sbi), GFP_NOFS);
	if (!sbi)
		goto free_opts;
	sbi->upcase = kvmalloc(0x10000 * sizeof(short), GFP_KERNEL); // BUG: note: the earlier mask may be caution, not need
	if (!sbi->upcase)
		goto free_sbi;
	fc->s_fs_info = sbi;
	fc->fs_private = opts;
	return 0;
free_sbi:
	kfree(sbi);
free_opts:
	kfree(opts);
	return -ENOMEM;
}
