import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Built into dist/, which the function app serves at / (and Azure Static Web Apps in production).
// public/ (the icon, at /favicon.ico and /favicon.svg) is copied as is; everything else lands hashed under /assets/.
export default defineConfig({
  plugins: [vue()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:7071' } },
})
