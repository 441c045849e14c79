/* Error unwinding: gotos to a ladder of labels, each undoing one step; the labels fall into each other. */
struct widget {
	void *a;
	void *b;
	void *c;
};

int widget_setup(struct widget *w, gfp_t gfp) // IR: function widget_setup | param 1 gfp: gfp_t
{
	int ret = -ENOMEM; // IR: init ret = -ENOMEM

	w->a = kmalloc(64, gfp); // IR: call kmalloc(64, gfp) | assign w->a = kmalloc(64, gfp)
	if (!w->a) // IR: node BRANCH | edge TRUE -> +1
		goto out; // IR: node GOTO out | edge GOTO[out] -> 31
	w->b = kmalloc(128, gfp);
	if (!w->b)
		goto err_free_a; // IR: node GOTO err_free_a | edge GOTO -> 29
	w->c = kzalloc(256, gfp);
	if (!w->c)
		goto err_free_b; // IR: edge GOTO -> 27
	ret = register_widget(w); // IR: call register_widget(w) | assign ret = register_widget(w)
	if (ret)
		goto err_free_c; // IR: edge GOTO -> 25
	return 0; // IR: node RETURN | edge RETURN -> exit
err_free_c: // IR: node LABEL err_free_c | edge NORMAL -> +1
	kfree(w->c); // IR: call kfree(w->c) | edge NORMAL -> +1
err_free_b: // IR: node LABEL err_free_b | edge NORMAL -> +1
	kfree(w->b); // IR: edge NORMAL -> +1
err_free_a: // IR: node LABEL err_free_a
	kfree(w->a); // IR: edge NORMAL -> +1
out: // IR: node LABEL out | edge NORMAL -> +1
	return ret; // IR: edge RETURN -> exit
}
