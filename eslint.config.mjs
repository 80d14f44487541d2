import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // Client-facing code gets plain view objects; only server code may reach the database.
    files: ["components/**/*.{ts,tsx}", "lib/domain/**/*.ts", "lib/import/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/data/*", "**/lib/data/*", "../data/*"], message: "Only server code (app/, lib/data) may use the data layer." }] }],
    },
  },
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "prisma/migrate-adapter.ts",
    ],
  },
];

export default config;
