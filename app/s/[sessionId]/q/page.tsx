import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requestNonce } from '~/app/_components/request-nonce';
import { earlyCallScript } from '~/app/_trpc/early-call';
import { Questionnaire } from './_components/questionnaire';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('questionnaire.meta');
  return { title: t('title') };
}

/**
 * The participant's questionnaire. Nothing is prefetched on the server: the participant's token lives only in
 * this browser (localStorage, from the invite link's fragment), so the server cannot read the session on its own.
 * The browser starts the questionnaire's one call itself, from an inline script, while the page's JavaScript is
 * still loading; the page takes that response when it makes the same call (app/_trpc/early-call.ts).
 */
export default async function QuestionnairePage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const script = earlyCallScript({ path: 'participant.questionnaire', input: { sessionId }, role: 'participant' });
  const nonce = await requestNonce();
  return (
    <main className="narrow">
      {/* An async module script runs as soon as it is parsed: a classic one would wait for the style sheets. */}
      {/* The nonce lets it past the page's Content-Security-Policy (proxy.ts). */}
      <script type="module" async nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />
      <Questionnaire sessionId={sessionId} />
    </main>
  );
}
