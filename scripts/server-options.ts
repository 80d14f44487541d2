// How the Next.js server process is started, shared by `npm start` and the benchmark.
// A large import makes short-lived garbage faster than V8 collects it by default: with a
// ceiling on the old generation the server collects sooner instead of growing by
// 150-200 MB, and the live data of even a million-row import stays well under it.
export const SERVER_NODE_OPTIONS = "--max-old-space-size=256";

// glibc gives each thread that allocates its own malloc arena (up to eight per core) and keeps what they free: the
// import thread's SQLite and parser allocations then stay in the process's memory after each import. Two arenas
// took a million-row import's peak from 460 to 421 MB (BENCH_FILES=1 BENCH_TARGETS=sqlite npm run bench) at no
// cost in time. An operator's own value is kept.
export const SERVER_MALLOC_ARENA_MAX = "2";

export function serverEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    NODE_OPTIONS: [env.NODE_OPTIONS, SERVER_NODE_OPTIONS].filter(Boolean).join(" "),
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX || SERVER_MALLOC_ARENA_MAX,
  };
}
