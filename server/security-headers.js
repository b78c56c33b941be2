/**
 * The security headers, in one place for next.config.js (every response: pages, API, static files) and proxy.ts
 * (the per-request Content-Security-Policy of pages). Plain JavaScript because next.config.js imports it.
 */

/** @type {Array<{ key: string; value: string }>} */
export const SECURITY_HEADERS = [
  // A response is what its Content-Type says: no guessing a script out of a JSON answer or an upload.
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Session pages carry their ids in the path: no other site learns them from a link followed out of the app.
  { key: 'Referrer-Policy', value: 'no-referrer' },
  // Nothing here uses these; a script that got in could not ask for them either. Clipboard and fullscreen stay.
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=(), browsing-topics=()',
  },
  // The CSP's frame-ancestors 'none' for browsers that predate it: no page of the app inside another site's frame.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/**
 * The pages' Content-Security-Policy: scripts only with this request's nonce (Next puts it on its own scripts and
 * the app on its inline one; 'strict-dynamic' lets those load the chunks they import), styles from the app's own
 * files, and everything else from this origin only. Style attributes stay allowed: the bar charts set their widths
 * with them, and an attribute cannot run code. No 'unsafe-eval' and no inline style elements outside `next dev`
 * (React's development build and Next's overlay need them). No upgrade-insecure-requests: a venue's laptop serves plain http.
 * @param {string} nonce
 * @param {{ isDevelopment: boolean }} options
 */
export function contentSecurityPolicy(nonce, { isDevelopment }) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ''}`,
    // `next dev`'s overlay injects style elements without the nonce; a nonce would make 'unsafe-inline' ignored.
    isDevelopment ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
  ].join('; ');
}
