/* #define lines go to the macro table: object-like and function-like, with line continuations and comments. */
#define POOL_GFP (GFP_KERNEL | __GFP_NOWARN) // IR: macro POOL_GFP = (GFP_KERNEL | __GFP_NOWARN)
#define POOL_MIN	8	/* minimum */ // IR: macro POOL_MIN = 8
#define pool_alloc(p, gfp) __pool_alloc((p), (gfp) | __GFP_ZERO) // IR: macro pool_alloc(p, gfp) = __pool_alloc((p), (gfp) | __GFP_ZERO)
#define POOL_NAME "pool" // IR: macro POOL_NAME = "pool"
#define pool_for_each(pos, p) /* IR: macro pool_for_each(pos, p) = list_for_each_entry(pos, &(p)->items, node) */ \
	list_for_each_entry(pos, &(p)->items, node)
#define POOL_INIT(name) { /* IR: macro POOL_INIT(name) = { .name = #name, .gfp = POOL_GFP, } */ \
	.name = #name,				\
	.gfp = POOL_GFP,			\
}
#define pool_dbg(fmt, ...) pr_debug("pool: " fmt, ##__VA_ARGS__) // IR: macro pool_dbg(fmt, ...) = pr_debug("pool: " fmt, ##__VA_ARGS__)
#define POOL_EMPTY // IR: macro POOL_EMPTY =
#define pool_noargs() do { } while (0) // IR: macro pool_noargs() = do { } while (0)

struct pool *pool_make(void) // IR: function pool_make
{
#define POOL_LOCAL_MAX 4 // IR: macro POOL_LOCAL_MAX = 4
	struct pool *p = pool_alloc(NULL, POOL_GFP); // IR: call pool_alloc(NULL, POOL_GFP)

	pool_dbg("made %p max %d\n", p, POOL_LOCAL_MAX); // IR: call pool_dbg("made %p max %d\n", p, POOL_LOCAL_MAX)
#undef POOL_LOCAL_MAX
	return p;
}
