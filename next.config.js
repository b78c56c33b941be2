import createNextIntlPlugin from 'next-intl/plugin';
import { env } from './server/env.js';
import { SECURITY_HEADERS } from './server/security-headers.js';

// Messages compiled at build time: the browser gets no ICU message parser (about 5 KB gzip on every page).
const withNextIntl = createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder, and pg has optional native parts:
  // both must be required from node_modules at run time, not bundled.
  // playwright-core (server-side report PDFs) finds its own files at run time the same way.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'playwright-core'],
  distDir: env.NEXT_DIST_DIR,
  typedRoutes: false,
  // Browser tests and benchmarks address the dev server as 127.0.0.1; Next 16 refuses its dev connection from
  // any origin but localhost unless listed.
  allowedDevOrigins: ['127.0.0.1'],
  // Which server software answers is nobody's business.
  poweredByHeader: false,
  // On every response, static files and the API included; pages get their Content-Security-Policy in proxy.ts.
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
};

export default withNextIntl(nextConfig);
