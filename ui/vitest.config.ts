import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config.ts";

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: "happy-dom",
      setupFiles: ["./src/test/setup.ts"],
      // Above the 5 s Testing Library waits (src/test/setup.ts), so a slow step on a
      // loaded machine fails with its own message, not a timeout.
      testTimeout: 20000,
      include: ["src/**/*.test.{ts,tsx}"],
    },
  }),
);
