/* BPF_CALL_n(name, type, arg, ...) defines a function named after its first argument (no prefix). */
BPF_CALL_2(bpf_frob_lookup, struct bpf_map *, map, void *, key) // IR: function bpf_frob_lookup | defined-by BPF_CALL_2 | params 2 | param 0 map: struct bpf_map * | param 1 key: void *
{
	WARN_ON_ONCE(!rcu_read_lock_held()); // IR: call rcu_read_lock_held() | call WARN_ON_ONCE(!rcu_read_lock_held())
	return (unsigned long) map->ops->map_lookup_elem(map, key); // IR: indirect-call map->ops->map_lookup_elem(map, key)
}

const struct bpf_func_proto bpf_frob_lookup_proto = { // IR: nothing
	.func		= bpf_frob_lookup,
	.gpl_only	= false,
};
