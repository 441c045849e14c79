/* Format strings built from several macros: `KERN_ERR PFX "..."` (two macros before the literal, common in
 * older drivers) and `"..." __stringify(X) "..."` (a function-like macro between literals). Each is still one
 * argument of an ordinary, parsed call. */
void legacy_report(int err) // IR: function legacy_report
{
	printk(KERN_ERR PFX "legacy: failed with %d\n", err); // IR: call printk(KERN_ERR PFX "legacy: failed with %d\n", err)
	pr_info("limit=" __stringify(LEGACY_LIMIT) " entries\n"); // IR: call pr_info("limit=" __stringify(LEGACY_LIMIT) " entries\n") | call __stringify(LEGACY_LIMIT)
}
