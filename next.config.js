// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a WASM build and data files that must be loaded from node_modules, not bundled;
  // argon2 is a native addon; playwright-core drives Chromium for source captures and loads its own
  // files at run time; linkedom and warcio read their own modules lazily.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'echarts', 'sharp', 'playwright-core', 'linkedom', 'warcio'],
  poweredByHeader: false,
  // forbidden() renders a real 403 for a signed-in user without the permission.
  experimental: {
    authInterrupts: true,
    // A saved copy of a source is uploaded through a server action (app/sources/[id]/evidence-actions.ts):
    // room for CAPTURE_MAX_BYTES (20 MB by default) and the form around it, so a file just over the
    // app's own limit gets its message ("larger than the limit") rather than the framework's error.
    serverActions: { bodySizeLimit: '25mb' },
    proxyClientMaxBodySize: '25mb',
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          // Case pages name people at risk: never let them be framed, sniffed or leaked through Referer.
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
