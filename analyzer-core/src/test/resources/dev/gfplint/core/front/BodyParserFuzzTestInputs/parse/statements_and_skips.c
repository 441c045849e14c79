	gfp_t gfp = GFP_KERNEL;
	if (x)
		p = kmalloc(n, gfp | __GFP_NOFAIL);
	else do { q = ({ int t = 1; t; }); } while (0);
	switch (y) { case 1: goto out; default: break; }
	list_for_each_entry(pos, head, list) { kfree(pos); }
	unknown statement @@ here;
out:
	return;
