/* Macro arguments that are types: container_of, list_first_entry, offsetof, sizeof_field. */
struct job {
	struct list_head node;
	struct work_struct work;
};

static void job_fn(struct work_struct *w) // IR: function job_fn
{
	struct job *j = container_of(w, struct job, work); // IR: call container_of(w, struct job, work) | init j = container_of(w, struct job, work)

	job_run(j); // IR: call job_run(j)
}

struct job *job_next(struct list_head *q) // IR: function job_next | returns struct job *
{
	struct job *first = list_first_entry(q, struct job, node); // IR: call list_first_entry(q, struct job, node)
	struct job *any = list_first_entry_or_null(q, typeof(*first), node); // IR: call list_first_entry_or_null(q, typeof(*first), node)
	size_t off = offsetof(struct job, work) + sizeof_field(struct job, node); // IR: call offsetof(struct job, work) | call sizeof_field(struct job, node)
	struct job *last = list_entry(q->prev, struct job, node); // IR: call list_entry(q->prev, struct job, node)

	return off ? first : any ? any : last;
}
