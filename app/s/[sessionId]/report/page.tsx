import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ReportScreen } from './_components/report-screen';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('report.page.meta');
  return { title: t('title') };
}

/**
 * The printable report of a session's result (A4). Like the results page it is drawn in the browser: the link
 * token lives only there. `?scope=own` shows a participant's own result instead of the group's.
 */
export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ sessionId: string }>;
  searchParams: Promise<{ scope?: string | string[] }>;
}) {
  const { sessionId } = await params;
  const { scope } = await searchParams;
  return <ReportScreen sessionId={sessionId} requestedScope={scope === 'own' ? 'own' : scope === 'group' ? 'group' : null} />;
}
