/*
 * An earlier GFP_NOFS followed by GFP_KERNEL on the same path is a warning where reclaim, writeback or a
 * page-cache read with the page locked runs the code: a function stored in an address_space, super or
 * shrinker member those call, what it reaches a few calls down, and the filler of read_cache_page(). The
 * same pattern reached only from an inode operation or from mount is a note: nothing there says that the
 * filesystem is held. Nothing here depends on the file's path.
 * gfplint: path drivers/staging/blobfs/inode.c
 */
static int build_extent_map(struct blob_inode *bi)
{
	struct extent_hdr *h = kmalloc(sizeof(*h), GFP_NOFS);

	if (!h)
		return -ENOMEM;
	bi->map = kvmalloc(bi->nr_extents * sizeof(u64), GFP_KERNEL); // BUG: warning: which reclaim, writeback or the page cache calls, and reaches build_extent_map through 2 calls
	kfree(h);
	return bi->map ? 0 : -ENOMEM;
}

static int map_for_write(struct blob_inode *bi)
{
	return build_extent_map(bi);
}

static int blob_writepages(struct address_space *mapping, struct writeback_control *wbc)
{
	return map_for_write(BLOB_I(mapping->host));
}

static int blob_read_folio(struct file *file, struct folio *folio)
{
	struct read_ctx *rc = kzalloc(sizeof(*rc), GFP_NOFS);

	if (!rc)
		return -ENOMEM;
	rc->bvec = kcalloc(16, sizeof(*rc->bvec), GFP_KERNEL); // BUG: warning: blob_read_folio is the read_folio operation in blob_aops
	kfree(rc);
	return 0;
}

static const struct address_space_operations blob_aops = {
	.read_folio	= blob_read_folio,
	.writepages	= blob_writepages,
	.dirty_folio	= filemap_dirty_folio,
};

static unsigned long blob_scan(struct shrinker *s, struct shrink_control *sc)
{
	struct victim *v = kmalloc(sizeof(*v), GFP_NOFS);

	if (!v)
		return SHRINK_STOP;
	v->batch = kmalloc_array(sc->nr_to_scan, sizeof(void *), GFP_KERNEL); // BUG: warning: stored in s->scan_objects, a shrinker member
	kfree(v);
	return 0;
}

int blob_register_shrinker(struct blob_sb *sb)
{
	struct shrinker *s = shrinker_alloc(0, "blob");

	if (!s)
		return -ENOMEM;
	s->scan_objects = blob_scan;
	shrinker_register(s);
	return 0;
}

static int blob_fill_page(struct file *file, struct page *page)
{
	void *tmp = kmalloc(PAGE_SIZE, GFP_NOFS);

	if (!tmp)
		return -ENOMEM;
	page->private = (unsigned long)kzalloc(64, GFP_KERNEL); // BUG: warning: passed as the filler of read_cache_page(), which runs it with the page locked
	kfree(tmp);
	return 0;
}

struct page *blob_get_dir_page(struct inode *dir, unsigned long n)
{
	return read_cache_page(dir->i_mapping, n, blob_fill_page, NULL);
}

/* An inode operation: neither reclaim nor writeback calls it, and no lock is held here. */
static int blob_create(struct mnt_idmap *idmap, struct inode *dir, struct dentry *d, umode_t mode, bool excl)
{
	struct blob_inode *bi = kzalloc(sizeof(*bi), GFP_NOFS);

	if (!bi)
		return -ENOMEM;
	bi->name = kstrdup(d->d_name.name, GFP_KERNEL); // BUG: note: the earlier mask may be caution, not need
	return 0;
}

static const struct inode_operations blob_dir_iops = {
	.create	= blob_create,
};

/* Mount time: the same helper pattern, reached from nothing that reclaim runs. */
static int read_super_map(struct blob_sb *sb)
{
	struct extent_hdr *h = kmalloc(sizeof(*h), GFP_NOFS);

	if (!h)
		return -ENOMEM;
	sb->map = kvmalloc(sb->nr * sizeof(u64), GFP_KERNEL); // BUG: note: the earlier mask may be caution, not need
	kfree(h);
	return 0;
}

static int blob_fill_super(struct super_block *sb, struct fs_context *fc)
{
	return read_super_map(BLOB_SB(sb));
}
