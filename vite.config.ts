import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { resolve } from 'node:path'
import { precompressDir } from './server/http/precompress.ts'

/** Brotli and gzip copies of every built file, served as they are (server/http/static.ts). */
function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = resolve(config.root, config.build.outDir)),
    closeBundle: () => void precompressDir(outDir),
  }
}

// The client lives in client/; the server serves the built files from dist/ on the same port.
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    reportCompressedSize: false, // the precompress step writes the real thing
    chunkSizeWarningLimit: 1500,
    // Fonts stay files: inlined, the Chinese font's small slices (found by unicode-range, fetched
    // only when a page shows their characters) would ride in its stylesheet on every page load.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/healthz': 'http://127.0.0.1:8080',
      '/ws': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
})
