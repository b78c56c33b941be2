'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { SaveState } from '../../../../_components/save-state';
import { serverErrorInfo, useServerErrorText } from '../../../../_components/use-error-text';
import { tokenFor } from '../../../../_trpc/link-tokens';
import { DetailsStep } from './details-step';
import { InviteStep } from './invite-step';
import { MethodStep } from './method-step';
import { ModelStep } from './model-step';
import { ProfileStep } from './profile-step';
import styles from './setup.module.css';
import { useSetupSession } from './use-setup-session';

export const SETUP_STEPS = ['details', 'model', 'profile', 'method', 'invite'] as const;
type SetupStepName = (typeof SETUP_STEPS)[number];

/** A step that has fields checks them before the wizard moves on; the others always let it go. */
export type StepHandle = { validate: () => Promise<boolean> };

function stepIndexOf(name: string | null): number {
  const index = SETUP_STEPS.indexOf(name as SetupStepName);
  return index < 0 ? 0 : index;
}

export function SetupWizard({ sessionId }: { sessionId: string }) {
  const t = useTranslations('setup');
  const tCommon = useTranslations('common');
  const errorText = useServerErrorText();
  const searchParams = useSearchParams();
  const [hasLink, setHasLink] = useState<boolean | null>(null);
  useEffect(() => setHasLink(tokenFor(sessionId) !== null), [sessionId]);
  const setup = useSetupSession(sessionId, { enabled: hasLink === true });
  const [step, setStep] = useState(() => stepIndexOf(searchParams.get('step')));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stepRef = useRef<StepHandle | null>(null);
  const hasMoved = useRef(false);

  useEffect(() => {
    if (!hasMoved.current) return;
    headingRef.current?.focus();
    const url = new URL(window.location.href);
    url.searchParams.set('step', SETUP_STEPS[step]!);
    window.history.replaceState(window.history.state, '', url);
  }, [step]);

  const goTo = async (target: number) => {
    if (target === step || target < 0 || target >= SETUP_STEPS.length) return;
    if (target > step && stepRef.current && !(await stepRef.current.validate())) return;
    hasMoved.current = true;
    setStep(target);
  };

  const session = setup.query.data;
  const code = setup.query.isError ? serverErrorInfo(setup.query.error).code : null;

  if (hasLink === false || code === 'UNAUTHORIZED' || code === 'FORBIDDEN') {
    return (
      <main className="narrow">
        <h1>{t('noAccess.title')}</h1>
        <p className="notice danger" role="alert">
          {tCommon('errors.forbidden')}
        </p>
        <p className="muted">{t('noAccess.hint')}</p>
        <Link className="button" href="/">
          {tCommon('errors.home')}
        </Link>
      </main>
    );
  }
  if (setup.query.isError) {
    return (
      <main className="narrow">
        <h1>{t('loadFailed')}</h1>
        <p className="notice danger" role="alert">
          {errorText(setup.query.error)}
        </p>
        <div className="actions">
          <button type="button" className="button primary" onClick={() => setup.query.refetch()}>
            {tCommon('actions.retry')}
          </button>
          <Link className="button" href="/">
            {tCommon('errors.home')}
          </Link>
        </div>
      </main>
    );
  }
  if (!session) {
    return (
      <main aria-busy="true">
        <p className="muted" role="status">
          {t('loading')}
        </p>
      </main>
    );
  }
  if (session.access.role !== 'facilitator') {
    return (
      <main className="narrow">
        <h1>{session.title}</h1>
        <p className="notice warn">{t('notFacilitator')}</p>
        <Link className="button primary" href={`/s/${sessionId}/q`}>
          {t('toQuestionnaire')}
        </Link>
      </main>
    );
  }

  const current = SETUP_STEPS[step]!;
  const total = SETUP_STEPS.length;
  const progressText = t('progress', { step: step + 1, total, name: t(`steps.${current}.short`) });

  return (
    <main className={styles.wizard}>
      <header className={styles.header}>
        <div className={styles.heading}>
          <p className={styles.eyebrow}>{t('eyebrow')}</p>
          <h1 className={styles.title}>{session.title}</h1>
        </div>
        <div className={styles.state}>
          <span className={styles.status} data-status={session.status}>
            {tCommon(`status.${session.status}`)}
          </span>
          <SaveState status={setup.status} error={setup.status === 'error' ? errorText(setup.lastError) : null} />
        </div>
      </header>

      {setup.hasConflict ? (
        <div className="notice warn" role="alert">
          <p>{tCommon('errors.conflict')}</p>
          <button type="button" className="button" onClick={setup.dismissConflict}>
            {t('conflictDismiss')}
          </button>
        </div>
      ) : null}

      <nav aria-label={t('stepsLabel')} className={styles.stepsNav}>
        <ol className={styles.steps}>
          {SETUP_STEPS.map((name, index) => (
            <li key={name}>
              <button
                type="button"
                className={styles.stepButton}
                aria-current={index === step ? 'step' : undefined}
                data-done={index < step ? 'true' : undefined}
                onClick={() => void goTo(index)}
              >
                <span className={styles.stepNumber} aria-hidden="true">
                  {index < step ? '✓' : index + 1}
                </span>
                <span className={styles.stepName}>
                  <span className="visually-hidden">{t('stepNumber', { step: index + 1 })} </span>
                  {t(`steps.${name}.short`)}
                  {index < step ? <span className="visually-hidden"> {t('stepDone')}</span> : null}
                </span>
              </button>
            </li>
          ))}
        </ol>
        <div
          className="progress"
          role="progressbar"
          aria-label={t('progressLabel')}
          aria-valuemin={1}
          aria-valuemax={total}
          aria-valuenow={step + 1}
          aria-valuetext={progressText}
        >
          <span style={{ width: `${((step + 1) / total) * 100}%` }} />
        </div>
        <p className={styles.progressText}>{progressText}</p>
      </nav>

      <section className={styles.step} aria-labelledby="setup-step-heading">
        <h2 id="setup-step-heading" ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
          <span className={styles.stepHeadingNumber}>{step + 1}.</span> {t(`steps.${current}.title`)}
        </h2>
        <p className={styles.stepIntro}>{t(`steps.${current}.intro`)}</p>
        {current === 'details' ? <DetailsStep ref={stepRef} session={session} setup={setup} /> : null}
        {current === 'model' ? <ModelStep session={session} setup={setup} /> : null}
        {current === 'profile' ? <ProfileStep session={session} /> : null}
        {current === 'method' ? <MethodStep session={session} setup={setup} /> : null}
        {current === 'invite' ? <InviteStep session={session} setup={setup} /> : null}
      </section>

      <div className={styles.nav}>
        {step > 0 ? (
          <button type="button" className="button" onClick={() => void goTo(step - 1)}>
            <span aria-hidden="true">←</span> {tCommon('actions.back')}
          </button>
        ) : (
          <span />
        )}
        {step < total - 1 ? (
          <button type="button" className="button primary" onClick={() => void goTo(step + 1)}>
            {tCommon('actions.next')} <span aria-hidden="true">→</span>
          </button>
        ) : (
          <Link className="button primary" href={`/s/${sessionId}/results`}>
            {t('invite.results')} <span aria-hidden="true">→</span>
          </Link>
        )}
      </div>
    </main>
  );
}
