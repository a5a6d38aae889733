import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// In development the API runs separately (`npm run serve`); in production the server serves dist/.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    // Ant Design alone is about 1 MB minified (300 kB gzipped); it is cached apart from app code.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
            },
            // Charts only on the dashboard: kept out of the chunk every page preloads.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
})
