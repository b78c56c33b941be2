'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { useServerErrorText } from '../../../../_components/use-error-text';
import { useTRPC } from '../../../../_trpc/client';
import { readLinks, rememberLink } from '../../../../_trpc/link-tokens';
import { CopyField } from '../../../../_components/copy-field';
import { QrCode } from '../../../../_components/qr-code';
import { ConfirmDialog } from '~/app/_components/confirm-dialog';
import styles from './setup.module.css';
import type { SetupSession, SetupSessionData } from './use-setup-session';

type Links = { invite: string | null; facilitator: string | null };

/** The links this browser holds for the session, as absolute URLs (the server keeps only their hashes). */
function linksFor(sessionId: string): Links {
  const held = readLinks().filter((link) => link.sessionId === sessionId);
  const origin = window.location.origin;
  const invite = held.find((link) => link.role === 'invite');
  const facilitator = held.find((link) => link.role === 'facilitator');
  return {
    invite: invite ? `${origin}/join/${sessionId}#key=${invite.token}` : null,
    facilitator: facilitator ? `${origin}/s/${sessionId}#key=${facilitator.token}` : null,
  };
}

export function InviteStep({ session, setup }: { session: SetupSessionData; setup: SetupSession }) {
  const t = useTranslations('setup.invite');
  const tCommon = useTranslations('common');
  const tWorkshop = useTranslations('workshop.entry');
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const openSession = useMutation(trpc.session.open.mutationOptions());
  const renewInvite = useMutation(trpc.session.renewInvite.mutationOptions());
  const [links, setLinks] = useState<Links | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [confirmingRenew, setConfirmingRenew] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);
  useEffect(() => setLinks(linksFor(session.id)), [session.id]);
  // A renewed link is focused once it is on the page: the field may only appear with the new link, so this waits
  // for the commit that renders it (a requestAnimationFrame could run before it).
  const isFocusingNewLink = useRef(false);
  useEffect(() => {
    if (!isFocusingNewLink.current || !links?.invite) return;
    isFocusingNewLink.current = false;
    document.getElementById('invite-link')?.focus();
  }, [links]);

  const open = async () => {
    setConfirming(false);
    setOpenError(null);
    try {
      await setup.save(() => openSession.mutateAsync({ sessionId: session.id }));
      requestAnimationFrame(() => document.getElementById('invite-status')?.focus());
    } catch (error) {
      setOpenError(errorText(error));
    }
  };

  const renew = async () => {
    setConfirmingRenew(false);
    try {
      const renewed = await renewInvite.mutateAsync({ sessionId: session.id });
      rememberLink({ sessionId: session.id, token: renewed.token, role: 'invite' });
      isFocusingNewLink.current = true;
      setLinks(linksFor(session.id));
    } catch {
      // Shown from the mutation's error below.
    }
  };

  return (
    <div className={styles.invite}>
      <div className={styles.inviteStatus} id="invite-status" tabIndex={-1}>
        <p>
          <span className={styles.status} data-status={session.status}>
            {tCommon(`status.${session.status}`)}
          </span>{' '}
          {t(`status.${session.status}`)}
        </p>
        {session.participantCount !== null && session.status !== 'draft' ? (
          <p className="muted">{t('joined', { count: session.participantCount })}</p>
        ) : null}
        {session.status === 'draft' ? (
          <>
            <button
              type="button"
              className="button primary"
              id="open-session"
              aria-describedby={openError ? 'open-session-error' : 'open-session-hint'}
              onClick={() => setConfirming(true)}
            >
              {t('open')}
            </button>
            <p className="hint" id="open-session-hint">
              {t('openHint')}
            </p>
            {openError ? (
              <p className="error" id="open-session-error" role="alert">
                {openError}
              </p>
            ) : null}
          </>
        ) : null}
      </div>

      {links === null ? null : links.invite ? (
        <div className={styles.inviteGrid}>
          <div>
            <CopyField
              id="invite-link"
              label={t('participantLink')}
              hint={t('participantLinkHint')}
              value={links.invite}
              copyLabel={t('copyLink')}
            />
          </div>
          <InviteQr value={links.invite} label={t('qrLabel')} caption={t('qrCaption')} />
        </div>
      ) : (
        <p className="notice warn">{t('noInvite')}</p>
      )}
      {links === null ? null : (
        <div className="field">
          <button
            type="button"
            className={links.invite ? 'button' : 'button primary'}
            id="renew-invite"
            aria-describedby="renew-invite-hint"
            disabled={renewInvite.isPending}
            onClick={() => setConfirmingRenew(true)}
          >
            {t('renew')}
          </button>
          <p className="hint" id="renew-invite-hint">
            {t('renewHint')}
          </p>
          <p role="status" aria-live="polite" className="muted">
            {renewInvite.isSuccess ? t('renewed') : ''}
          </p>
          {renewInvite.isError ? (
            <p className="error" role="alert">
              {errorText(renewInvite.error)}
            </p>
          ) : null}
        </div>
      )}

      {links?.facilitator ? (
        <details className={styles.disclosure}>
          <summary>{t('facilitatorLinkSummary')}</summary>
          <CopyField
            id="facilitator-link"
            label={t('facilitatorLink')}
            hint={t('facilitatorLinkHint')}
            value={links.facilitator}
            copyLabel={t('copyFacilitatorLink')}
          />
        </details>
      ) : null}

      <p>
        <Link href={`/s/${session.id}/results`}>{t('resultsLink')}</Link>
      </p>
      <p>
        <Link className="button" href={`/s/${session.id}/dashboard`}>
          {tWorkshop('link')}
        </Link>{' '}
        <span className="muted">{tWorkshop('hint')}</span>
      </p>

      <ConfirmDialog
        open={confirming}
        title={t('confirmTitle')}
        body={t('confirmBody')}
        confirmLabel={t('confirmOpen')}
        onConfirm={() => void open()}
        onClose={() => {
          setConfirming(false);
          document.getElementById('open-session')?.focus();
        }}
      />
      <ConfirmDialog
        open={confirmingRenew}
        title={t('renewTitle')}
        body={t('renewBody')}
        confirmLabel={t('renewConfirm')}
        onConfirm={() => void renew()}
        onClose={() => {
          setConfirmingRenew(false);
          document.getElementById('renew-invite')?.focus();
        }}
      />
    </div>
  );
}

/** The invite link as a QR code for phones in the room. */
function InviteQr({ value, label, caption }: { value: string; label: string; caption: string }) {
  return (
    <figure className={styles.qr}>
      <QrCode value={value} label={label} className={styles.qrImage} />
      <figcaption className="muted">{caption}</figcaption>
    </figure>
  );
}
