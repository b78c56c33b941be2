import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy } from './server/security-headers.js';

/**
 * Every page request gets a fresh nonce and the Content-Security-Policy that names it. Next reads the nonce from
 * the request's CSP header and puts it on the scripts it renders; the app's own inline script reads it from
 * `x-nonce` (app/_components/request-nonce.ts). The other security headers, for every response, are in
 * next.config.js.
 * @see https://nextjs.org/docs/app/guides/content-security-policy
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = contentSecurityPolicy(nonce, { isDevelopment: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Not the API (JSON and event streams, whose bodies the proxy must not buffer) nor static files: no HTML
      // runs there. Prefetches are answered with data, not pages.
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
