import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { JoinRoomForm } from '../_components/join-room-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('workshop.meta');
  return { title: t('join') };
}

/**
 * Where the projector's QR code and the room link land (`/w/<code>`). The room is public by its code, and the
 * page is rendered per request; the form checks the code itself and asks for it again when it is wrong.
 */
export default async function JoinRoomPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return <JoinRoomForm initialCode={decodeURIComponent(code)} />;
}
