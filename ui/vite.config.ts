import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// Tauri serves the dev server on a fixed port (see src-tauri/tauri.conf.json)
// and expects the production bundle in ui/dist.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ["**/src-tauri/**"] },
  },
  envPrefix: ["VITE_", "TAURI_"],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
  },
});
