import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@tracevault/core": pkg("core"),
      "@tracevault/privacy": pkg("privacy"),
      "@tracevault/trajectory": pkg("trajectory"),
      "@tracevault/crypto": pkg("crypto"),
      "@tracevault/recorder": pkg("recorder"),
      "@tracevault/vault": pkg("vault"),
    },
  },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "bench/**/*.test.ts",
      "e2e/**/*.test.ts",
    ],
    testTimeout: 30000,
    pool: "forks",
  },
});
