// Summarises a V8 CPU profile (.cpuprofile) as text: the functions with the most time of their own, and the call
// tree's heaviest paths down to a depth, so a profile can be read in a terminal and quoted in docs/.
// Usage: node scripts/profile-summary.mjs FILE [--top N] [--depth D] [--min-ms M]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: "string", default: "25" }, depth: { type: "string", default: "4" }, "min-ms": { type: "string", default: "150" } },
});
if (!positionals[0]) {
  console.error("Usage: node scripts/profile-summary.mjs FILE [--top N] [--depth D] [--min-ms M]");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0], "utf8"));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const root = process.cwd() + "/";
const label = (n) => {
  const { functionName, url } = n.callFrame;
  const where = url.replace(/^file:\/\//, "").replace(root, "");
  return where ? `${functionName || "(anonymous)"}  ${where}` : functionName || "(anonymous)";
};

const totalUs = new Map();
const total = (n) => {
  if (!totalUs.has(n.id)) totalUs.set(n.id, (selfUs.get(n.id) ?? 0) + (n.children ?? []).reduce((sum, c) => sum + total(nodes.get(c)), 0));
  return totalUs.get(n.id);
};
const rootNode = profile.nodes[0];
const seconds = (us) => (us / 1e6).toFixed(2).padStart(6);
console.log(`${seconds(total(rootNode))} s sampled\n\nSelf time, by function:`);
const bySelf = new Map();
for (const [id, us] of selfUs) bySelf.set(label(nodes.get(id)), (bySelf.get(label(nodes.get(id))) ?? 0) + us);
for (const [name, us] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`${seconds(us)} s  ${name}`);

console.log("\nCall tree (inclusive time):");
const minUs = Number(values["min-ms"]) * 1000;
const walk = (n, depth) => {
  if (total(n) < minUs) return;
  console.log(`${seconds(total(n))} s  ${"  ".repeat(depth)}${label(n)}`);
  if (depth < Number(values.depth)) for (const c of [...(n.children ?? [])].map((id) => nodes.get(id)).sort((a, b) => total(b) - total(a))) walk(c, depth + 1);
};
walk(rootNode, 0);
