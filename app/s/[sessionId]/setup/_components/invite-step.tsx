'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { useServerErrorText } from '../../../../_components/use-error-text';
import { useTRPC } from '../../../../_trpc/client';
import { readLinks } from '../../../../_trpc/link-tokens';
import { ConfirmDialog } from './confirm-dialog';
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
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const openSession = useMutation(trpc.session.open.mutationOptions());
  const [links, setLinks] = useState<Links | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);
  useEffect(() => setLinks(linksFor(session.id)), [session.id]);

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
          <QrCode value={links.invite} label={t('qrLabel')} caption={t('qrCaption')} />
        </div>
      ) : (
        <p className="notice warn">{t('noInvite')}</p>
      )}

      {links?.facilitator ? (
        <details className={styles.private}>
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
    </div>
  );
}

/** A read-only link with a copy button whose label says "Copied" for a moment (and a polite announcement). */
function CopyField({ id, label, hint, value, copyLabel }: { id: string; label: string; hint: string; value: string; copyLabel: string }) {
  const tActions = useTranslations('common.actions');
  const t = useTranslations('setup.invite');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // No clipboard permission (an embedded or insecure page): select the text so Ctrl+C works.
      inputRef.current?.select();
      setState('failed');
    }
    timer.current = setTimeout(() => setState('idle'), 4000);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div className={styles.copyRow}>
        <input
          ref={inputRef}
          id={id}
          type="url"
          readOnly
          value={value}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.currentTarget.select()}
          className={styles.linkInput}
        />
        <button type="button" className={`button ${state === 'copied' ? styles.copied : 'primary'}`} onClick={() => void copy()}>
          {state === 'copied' ? <span aria-hidden="true">✓</span> : <CopyIcon />}
          {state === 'copied' ? tActions('copied') : copyLabel}
        </button>
      </div>
      <p className={styles.copyState} role="status" aria-live="polite">
        {state === 'copied' ? t('copiedNote') : state === 'failed' ? t('copyFailed') : ''}
      </p>
    </div>
  );
}

/** Two overlapping sheets; drawn rather than a symbol character, which phone fonts often lack. */
function CopyIcon() {
  return (
    <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 3.5v-.5A1.5 1.5 0 0 0 9 1.5H3A1.5 1.5 0 0 0 1.5 3v6A1.5 1.5 0 0 0 3 10.5h.5" />
    </svg>
  );
}

/** The invite link as a QR code for phones in the room; rendered in the browser, the library loaded on demand. */
function QrCode({ value, label, caption }: { value: string; label: string; caption: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void import('qrcode')
      .then((module) => {
        // A CommonJS package: depending on the bundler its API is the namespace or its default export.
        const QRCode = ('default' in module ? module.default : module) as typeof module;
        return QRCode.toString(value, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#1b2230', light: '#ffffff' } });
      })
      .then((markup) => isCurrent && setSvg(markup));
    return () => {
      isCurrent = false;
    };
  }, [value]);
  return (
    <figure className={styles.qr}>
      {svg ? (
        <div role="img" aria-label={label} className={styles.qrImage} dangerouslySetInnerHTML={{ __html: svg }} />
      ) : (
        <div className={styles.qrImage} aria-hidden="true" />
      )}
      <figcaption className="muted">{caption}</figcaption>
    </figure>
  );
}
