'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { MAX_ELEMENTS_PER_NODE } from '~/core/contracts/model';
import { ConfirmDialog } from '~/app/_components/confirm-dialog';
import { useLocalizedText } from '../../../../_components/use-localized-text';
import { useTRPC } from '../../../../_trpc/client';
import { ActionButton } from './action-button';
import { AddElementForm, ElementEditor } from './element-editor';
import styles from './setup.module.css';
import { type ModelEdits, moveByOne } from './use-model-edits';
import type { AlternativeView, SetupSession, SetupSessionData } from './use-setup-session';

/** The strategies the criteria weigh: rename, describe, add, reorder and remove (at least two stay). */
export function StrategiesEditor({ session, setup, edits }: { session: SetupSessionData; setup: SetupSession; edits: ModelEdits }) {
  const t = useTranslations('setup.model');
  const trpc = useTRPC();
  const localized = useLocalizedText();
  const addAlternative = useMutation(trpc.model.addAlternative.mutationOptions());
  const updateAlternative = useMutation(trpc.model.updateAlternative.mutationOptions());
  const reorderAlternatives = useMutation(trpc.model.reorderAlternatives.mutationOptions());
  const removeAlternative = useMutation(trpc.model.removeAlternative.mutationOptions());

  const sessionId = session.id;
  const alternatives = session.model.alternatives;
  const isDraft = session.status === 'draft';
  const { run, setRowError } = edits;
  const [removing, setRemoving] = useState<{ key: string; name: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const reorder = (index: number, delta: -1 | 1) => {
    const move = moveByOne(
      alternatives.map((a) => a.key),
      index,
      delta,
    );
    const moved = alternatives[index];
    if (!move || !moved) return;
    const { orderedKeys, focusButton } = move;
    setRowError(`strategy-${moved.key}`, null);
    setup.showAhead((data) => ({
      ...data,
      model: { ...data.model, alternatives: orderedKeys.map((key) => data.model.alternatives.find((a) => a.key === key)!) },
    }));
    void run(
      (expectedVersion) => reorderAlternatives.mutateAsync({ sessionId, expectedVersion, orderedKeys }),
      t('announce.moved', { name: localized(moved.name), position: index + delta + 1, total: alternatives.length }),
      `strategy-${moved.key}-${focusButton}`,
    ).then((problem) => problem && setRowError(`strategy-${moved.key}`, problem));
  };

  const askRemoval = (alternative: AlternativeView) => {
    if (alternatives.length <= 2) {
      setRowError(`strategy-${alternative.key}`, t('limits.minStrategies'));
      return;
    }
    setRemoving({ key: alternative.key, name: localized(alternative.name) });
  };

  const confirmRemoval = async () => {
    if (!removing) return;
    const target = removing;
    setRemoving(null);
    const rowId = `strategy-${target.key}`;
    const problem = await run(
      (expectedVersion) => removeAlternative.mutateAsync({ sessionId, expectedVersion, key: target.key }),
      t('announce.removed', { name: target.name }),
    );
    if (problem) {
      setRowError(rowId, problem);
      document.getElementById(`${rowId}-remove`)?.focus();
    } else {
      heading.current?.focus();
    }
  };

  return (
    <section aria-labelledby="strategies-heading" className={styles.block}>
      <h3 id="strategies-heading" ref={heading} tabIndex={-1}>
        {t('strategies.title')} <span className={styles.count}>({alternatives.length})</span>
      </h3>
      <p className="muted">{t('strategies.intro')}</p>
      <ol className={styles.tree}>
        {alternatives.map((alternative, index) => {
          const rowId = `strategy-${alternative.key}`;
          const refText = t('strategyRef', { number: index + 1 });
          const rowError = edits.errorOf(rowId);
          const describedBy = rowError ? `${rowId}-error` : undefined;
          return (
            <li key={alternative.key} className={styles.item}>
              <div className={styles.row}>
                <span className={styles.number} aria-hidden="true">
                  {String.fromCharCode(65 + (index % 26))}
                </span>
                <div className={styles.rowBody}>
                  <ElementEditor
                    idBase={rowId}
                    refText={refText}
                    texts={alternative}
                    isEditable={isDraft}
                    onSave={(change) =>
                      run(
                        (expectedVersion) => updateAlternative.mutateAsync({ sessionId, expectedVersion, key: alternative.key, ...change }),
                        t('announce.saved'),
                      )
                    }
                  />
                  {isDraft ? (
                    <div className={styles.rowActions}>
                      <ActionButton describedBy={describedBy} id={`${rowId}-up`} icon="↑" label={t('actions.up')} refText={refText} disabled={index === 0} onClick={() => reorder(index, -1)} />
                      <ActionButton
                        describedBy={describedBy}
                        id={`${rowId}-down`}
                        icon="↓"
                        label={t('actions.down')}
                        refText={refText}
                        disabled={index === alternatives.length - 1}
                        onClick={() => reorder(index, 1)}
                      />
                      <ActionButton describedBy={describedBy} id={`${rowId}-remove`} icon="✕" label={t('actions.remove')} refText={refText} danger onClick={() => askRemoval(alternative)} />
                    </div>
                  ) : null}
                  {rowError ? (
                    <p className="error" id={`${rowId}-error`} role="alert">
                      {rowError}
                    </p>
                  ) : null}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      {isDraft ? (
        <AddElementForm
          idBase="add-strategy"
          label={t('strategies.addLabel')}
          submitLabel={t('strategies.add')}
          onAdd={async (name) => {
            if (alternatives.length >= MAX_ELEMENTS_PER_NODE) return t('limits.maxStrategies', { max: MAX_ELEMENTS_PER_NODE });
            return run(
              (expectedVersion) => addAlternative.mutateAsync({ sessionId, expectedVersion, name, description: {} }),
              t('announce.added', { name: localized(name) }),
            );
          }}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t('remove.title', { name: removing.name }) : ''}
        body={removing ? t('remove.strategyBody') : ''}
        confirmLabel={t('remove.confirm')}
        onConfirm={() => void confirmRemoval()}
        onClose={() => {
          const target = removing;
          setRemoving(null);
          if (target) document.getElementById(`strategy-${target.key}-remove`)?.focus();
        }}
      />
    </section>
  );
}
