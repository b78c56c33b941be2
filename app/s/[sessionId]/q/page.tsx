import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Questionnaire } from './_components/questionnaire';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('questionnaire.meta');
  return { title: t('title') };
}

/**
 * The participant's questionnaire. Nothing is prefetched here: the participant's token lives only in this
 * browser (localStorage, from the invite link's fragment), so the server cannot read the session on its own.
 */
export default async function QuestionnairePage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  return (
    <main className="narrow">
      <Questionnaire sessionId={sessionId} />
    </main>
  );
}
