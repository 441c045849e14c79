/* One function defined differently under #ifdef CONFIG_X and #else at file scope: both definitions are found
 * (and a declaration under #ifdef with an inline stub under #else gives the stub). */
#ifdef CONFIG_NUMA
static void *node_alloc(size_t len, int node) // IR: function node_alloc | params 2
{
	return kmalloc_node(len, GFP_KERNEL, node); // IR: call kmalloc_node(len, GFP_KERNEL, node)
}
#else
static void *node_alloc(size_t len, int node) // IR: function node_alloc | params 2
{
	return kmalloc(len, GFP_KERNEL); // IR: call kmalloc(len, GFP_KERNEL)
}
#endif

#ifdef CONFIG_DEBUG_OBJ
static inline void check_obj(void *p) { debug_check(p); } // IR: function check_obj | call debug_check(p)
#else
static inline void check_obj(void *p) { } // IR: function check_obj
#endif

#ifdef CONFIG_OBJ_STATS
int obj_stats_add(void *p);
#else
static inline int obj_stats_add(void *p) { return 0; } // IR: function obj_stats_add | storage STATIC | inline
#endif

void *get_obj(size_t len) // IR: function get_obj
{
	void *p = node_alloc(len, numa_node_id()); // IR: call numa_node_id() | call node_alloc(len, numa_node_id())

	check_obj(p); // IR: call check_obj(p)
	obj_stats_add(p);
	return p;
}
