/* File-scope declaration macros (DEFINE_MUTEX, EXPORT_SYMBOL_GPL, module_init, DEFINE_PER_CPU, ...) end in
 * ';': they are declarations, not functions, and the functions between them are still found. */
static DEFINE_MUTEX(reg_lock); // IR: nothing
static LIST_HEAD(reg_list); // IR: nothing
DEFINE_PER_CPU(struct reg_stats, reg_stats); // IR: nothing
static DEFINE_PER_CPU_ALIGNED(unsigned long, reg_hits) = 0; // IR: nothing
static DECLARE_WORK(reg_work, reg_work_fn); // IR: nothing
module_param(reg_debug, int, 0644); // IR: nothing

int reg_add(struct reg *r) // IR: function reg_add | params 1
{
	mutex_lock(&reg_lock); // IR: call mutex_lock(&reg_lock)
	list_add(&r->node, &reg_list); // IR: call list_add(&r->node, &reg_list)
	this_cpu_inc(reg_hits); // IR: call this_cpu_inc(reg_hits)
	mutex_unlock(&reg_lock); // IR: call mutex_unlock(&reg_lock)
	return 0;
}
EXPORT_SYMBOL_GPL(reg_add); // IR: nothing

static int __init reg_init(void) // IR: function reg_init | params 0
{
	return reg_add(&boot_reg); // IR: call reg_add(&boot_reg)
}
module_init(reg_init); // IR: nothing

static void __exit reg_exit(void) // IR: function reg_exit
{
	cancel_work_sync(&reg_work); // IR: call cancel_work_sync(&reg_work)
}
module_exit(reg_exit); // IR: nothing
EXPORT_SYMBOL(reg_exit); // IR: nothing
static void reg_work_fn(struct work_struct *w) // IR: function reg_work_fn | param 0 w: struct work_struct *
{
	reg_flush(); // IR: call reg_flush()
}

MODULE_LICENSE("GPL"); // IR: nothing
MODULE_DESCRIPTION("register fixture"); // IR: nothing
