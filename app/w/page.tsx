import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { JoinRoomForm } from './_components/join-room-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('workshop.meta');
  return { title: t('join') };
}

/** Joining a live workshop by typing the room code shown on the projector. */
export default function JoinByCodePage() {
  return <JoinRoomForm initialCode={null} />;
}
