// How the Next.js server process is started, shared by `npm start` and the benchmark.
// A large import makes short-lived garbage faster than V8 collects it by default: with a
// ceiling on the old generation the server collects sooner instead of growing by
// 150-200 MB, and the live data of even a million-row import stays well under it.
export const SERVER_NODE_OPTIONS = "--max-old-space-size=256";

export function serverEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, SERVER_NODE_OPTIONS].filter(Boolean).join(" ") };
}
