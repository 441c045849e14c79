/* Designated initializers: the whole brace list is the declaration's value; calls in members are found. */
struct pool_cfg {
	gfp_t gfp;
	int min;
	void *(*alloc)(gfp_t, void *);
};

static const struct pool_cfg default_cfg = { // IR: nothing
	.gfp = GFP_KERNEL,
	.min = 4,
};

int make_pool(struct pool **out, int min) // IR: function make_pool | param 0 out: struct pool * *
{
	struct pool_cfg cfg = { // IR: node STATEMENT | init cfg = { .gfp = GFP_NOFS | __GFP_NOWARN, .min = max(min, 2), .alloc = NULL, }
		.gfp = GFP_NOFS | __GFP_NOWARN,
		.min = max(min, 2), // IR: call max(min, 2)
		.alloc = NULL,
	};
	int sizes[] = { [0] = 16, [1 ... 3] = 64, [4] = pick_size(min) }; // IR: call pick_size(min) | init sizes = { [0] = 16, [1 ... 3] = 64, [4] = pick_size(min) }
	struct { int a, b; } pair = { .a = 1, .b = default_cfg.min }; // IR: init pair = { .a = 1, .b = default_cfg.min }

	*out = pool_create(&cfg, sizes, pair.b); // IR: call pool_create(&cfg, sizes, pair.b)
	return *out ? 0 : -ENOMEM;
}
