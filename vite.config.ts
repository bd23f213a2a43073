// Builds the Svelte renderer into dist/renderer. `base: './'` keeps asset URLs relative so Electron's
// loadFile (file://) and the web host (http://127.0.0.1) both find them.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  // Out of node_modules (the default): writes there make npm take the installed tree for changed.
  cacheDir: '../.cache/vite',
  plugins: [svelte()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // A strict CSP (no inline code) forbids data: scripts; keep every asset a file.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // ECharts is large and changes rarely: its own chunk caches well and keeps app chunks small.
        manualChunks(id: string): string | undefined {
          return id.includes('node_modules/echarts') || id.includes('node_modules/zrender') ? 'echarts' : undefined;
        },
      },
    },
  },
});
