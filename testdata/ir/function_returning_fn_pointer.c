/* A function returning a function pointer, written out (void (*name(params))(args)) and through a typedef. */
typedef void (*handler_fn)(void *data); // IR: typedef handler_fn | nothing

static void (*pick_handler(int kind, gfp_t gfp))(void *) // IR: function pick_handler | storage STATIC | params 2 | param 0 kind: int | param 1 gfp: gfp_t | returns void ( * ) ( void * )
{
	if (kind > 0)
		return fast_handler;
	return slow_handler;
}

handler_fn lookup_handler(const char *name) // IR: function lookup_handler | returns handler_fn
{
	return pick_handler(strlen(name), GFP_KERNEL); // IR: call strlen(name) | call pick_handler(strlen(name), GFP_KERNEL)
}

int (*get_cmp(void))(const void *, const void *) // IR: function get_cmp | params 0 | returns int ( * ) ( const void * , const void * )
{
	return cmp_ints;
}
