import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Projector } from './_components/projector';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('workshop.meta');
  return { title: t('screen') };
}

/**
 * The projected screen of a live workshop, public by room code like the join page (it never needs the
 * facilitator's link): the code and QR code to join, the current question, how many answered and, once revealed,
 * the distribution and the group value.
 */
export default async function ProjectorPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return <Projector code={decodeURIComponent(code)} />;
}
