import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { JoinForm } from './_components/join-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('questionnaire.meta');
  return { title: t('joinTitle') };
}

/**
 * The invite link lands here. Its token is in the URL fragment, which only the browser sees, so everything
 * that needs it (the session summary, joining) happens in the client component.
 */
export default async function JoinPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  return (
    <main className="narrow">
      <JoinForm sessionId={sessionId} />
    </main>
  );
}
