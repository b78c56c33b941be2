'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { MAX_CRITERIA_DEPTH, MAX_ELEMENTS_PER_NODE } from '~/core/contracts/model';
import { useLocalizedText } from '../../../../_components/use-localized-text';
import { useTRPC } from '../../../../_trpc/client';
import { CriteriaEditor } from './criteria-editor';
import { ElementEditor } from './element-editor';
import { MeasuresEditor } from './measures-editor';
import styles from './setup.module.css';
import { StrategiesEditor } from './strategies-editor';
import { useModelEdits } from './use-model-edits';
import type { SetupSession, SetupSessionData } from './use-setup-session';

/** The model step: the goal, the criteria tree, the strategies and the measures, editable while in draft. */
export function ModelStep({ session, setup }: { session: SetupSessionData; setup: SetupSession }) {
  const t = useTranslations('setup.model');
  const trpc = useTRPC();
  const localized = useLocalizedText();
  const setGoal = useMutation(trpc.model.setGoal.mutationOptions());
  const edits = useModelEdits(session, setup);
  const isDraft = session.status === 'draft';

  return (
    <div className={styles.model}>
      {isDraft ? (
        <p className="hint">{t('hint', { perNode: MAX_ELEMENTS_PER_NODE, depth: MAX_CRITERIA_DEPTH })}</p>
      ) : (
        <p className="notice warn">
          <strong>{t('lockedTitle')}</strong> {t('locked')} <Link href={`/s/${session.id}/manage`}>{t('lockedCopy')}</Link>
        </p>
      )}
      {isDraft ? (
        <section aria-labelledby="goal-heading" className={styles.block}>
          <h3 id="goal-heading">{t('goal')}</h3>
          <p className="muted">{t('goalIntro')}</p>
          <ElementEditor
            idBase="goal"
            refText={t('goal')}
            texts={{ name: session.model.goal, description: {} }}
            isEditable
            withDescription={false}
            onSave={(change) =>
              'name' in change
                ? edits.run((expectedVersion) => setGoal.mutateAsync({ sessionId: session.id, expectedVersion, goal: change.name }), t('announce.saved'))
                : Promise.resolve(null)
            }
          />
        </section>
      ) : (
        <p className={styles.goal}>
          <span className={styles.goalLabel}>{t('goal')}</span> {localized(session.model.goal)}
        </p>
      )}

      <CriteriaEditor session={session} setup={setup} edits={edits} />
      <StrategiesEditor session={session} setup={setup} edits={edits} />
      <MeasuresEditor session={session} setup={setup} />

      <p className="visually-hidden" role="status" aria-live="polite">
        {edits.announcement}
      </p>
    </div>
  );
}
