// The e2e servers: the demo one most specs use, and a first-run one (empty database, demo off).
export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const FIRST_RUN_PORT = PORT + 1;
