/* for_each_possible_cpu whose body is a single statement without braces. */
static void drain_all_cpus(gfp_t gfp) // IR: function drain_all_cpus | storage STATIC | param 0 gfp: gfp_t
{
	int cpu;

	for_each_possible_cpu(cpu) // IR: node ITERATOR for_each_possible_cpu | call for_each_possible_cpu(cpu) | edge TRUE -> +1 | edge FALSE -> +2
		drain_cpu_cache(per_cpu_ptr(&pcp_caches, cpu), gfp); // IR: call per_cpu_ptr(&pcp_caches, cpu) | call drain_cpu_cache(per_cpu_ptr(&pcp_caches, cpu), gfp) | edge BACK -> -1
	synchronize_rcu(); // IR: call synchronize_rcu()
}
