import 'server-only';
import { headers } from 'next/headers';

/** This request's CSP nonce (set by proxy.ts), for the app's own inline scripts. */
export async function requestNonce(): Promise<string | undefined> {
  return (await headers()).get('x-nonce') ?? undefined;
}
