'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { SetWeightsInput } from '~/core/contracts/workshop';
import { SaveState, mutationSaveStatus } from '~/app/_components/save-state';
import { useServerErrorText } from '~/app/_components/use-error-text';
import { useTRPC } from '~/app/_trpc/client';
import type { DashboardData } from '~/app/_components/workshop/types';
import type { ItemText } from '~/app/_components/workshop/use-item-text';
import styles from './dashboard.module.css';
import { TableScroll } from '~/app/_components/table-scroll';
import { WeightInput } from './weight-input';
import { AnonymousToggle } from './anonymous-toggle';
import { useFigures } from './use-figures';
import { useParticipationText } from '~/app/_components/use-participation-text';

type WeightFields = z.input<typeof SetWeightsInput>;
type WeightValues = z.output<typeof SetWeightsInput>;
type Participant = DashboardData['participants'][number];

/** CR above this is flagged (Saaty's 0.10), as the engine flags it. */
const CR_LIMIT = 0.1;

/**
 * Who has joined: each participant's progress (overall and in this round), consistency per node with what is
 * above 0.10 named in words, whether they count in the group result and why not, the switch that leaves them out
 * (their answers are kept) and their individual weight.
 */
export function ParticipantsPanel({
  sessionId,
  data,
  text,
  isUpdating,
}: {
  sessionId: string;
  data: DashboardData | null;
  text: ItemText;
  isUpdating: boolean;
}) {
  const t = useTranslations('workshop.participants');
  const tGroups = useTranslations('common.stakeholderGroups');
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const figures = useFigures();
  const participationText = useParticipationText(text.nodeTitle);
  const ids = useId();
  const [inclusionError, setInclusionError] = useState<string | null>(null);
  /** What the facilitator just switched, shown at once; the dashboard's next read confirms it (or the error undoes it). */
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const setInclusion = useMutation(
    trpc.workshop.setInclusion.mutationOptions({
      onSuccess: () => setInclusionError(null),
      onError: (error, input) => {
        setInclusionError(errorText(error));
        setPending(({ [input.participantId]: _undone, ...rest }) => rest);
      },
    }),
  );
  const setWeights = useMutation(trpc.workshop.setWeights.mutationOptions());
  const participants = data?.participants ?? [];
  const confirmed = JSON.stringify(participants.map((p) => [p.id, p.isIncluded]));
  useEffect(() => {
    const server = new Map<string, boolean>(JSON.parse(confirmed));
    setPending((held) => {
      const left = Object.entries(held).filter(([id, isIncluded]) => server.get(id) !== isIncluded);
      return left.length === Object.keys(held).length ? held : Object.fromEntries(left);
    });
  }, [confirmed]);
  const form = useForm<WeightFields, unknown, WeightValues>({
    resolver: zodResolver(SetWeightsInput),
    defaultValues: { sessionId, participantWeights: participants.map((p) => ({ participantId: p.id, weight: p.weight })) },
  });
  const { reset } = form;
  const serverWeights = JSON.stringify(participants.map((p) => [p.id, p.weight]));
  useEffect(() => {
    // New participants and saved weights come in; what the facilitator is typing stays.
    const rows: Array<[string, number]> = JSON.parse(serverWeights);
    reset(
      { sessionId, participantWeights: rows.map(([participantId, weight]) => ({ participantId, weight })) },
      { keepDirtyValues: true },
    );
  }, [serverWeights, sessionId, reset]);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await setWeights.mutateAsync(values);
      reset(values);
    } catch {
      // Said by the save state next to the button.
    }
  });

  /** CR per node in a disclosure: the summary says in words whether any is above 0.10, the list gives each. */
  const consistency = (participant: Participant) => {
    const checked = participant.nodes.filter((node) => node.cr !== null);
    if (checked.length === 0) return <span className="muted">{t('crNotYet')}</span>;
    const flagged = checked.filter((node) => (node.cr ?? 0) > CR_LIMIT);
    const worst = figures.cr(Math.max(...checked.map((node) => node.cr ?? 0)));
    return (
      <details className={styles.crDetails} data-flagged={flagged.length > 0 || undefined}>
        <summary>
          {flagged.length > 0 ? (
            <>
              <span aria-hidden="true">⚠ </span>
              {t('crSummaryFlagged', { flagged: flagged.length, checked: checked.length, cr: worst })}
            </>
          ) : (
            t('crOk', { cr: worst })
          )}
        </summary>
        <ul className={styles.crList}>
          {checked.map((node) => (
            <li key={node.nodeKey} data-flagged={(node.cr ?? 0) > CR_LIMIT || undefined}>
              {t((node.cr ?? 0) > CR_LIMIT ? 'crNodeFlag' : 'crNodeOk', { node: text.nodeTitle(node.nodeKey), cr: figures.cr(node.cr ?? 0) })}
            </li>
          ))}
        </ul>
      </details>
    );
  };

  return (
    <section className={`card ${styles.panel}`} aria-labelledby={`${ids}-heading`} aria-busy={isUpdating || undefined}>
      <h2 id={`${ids}-heading`}>{t('heading', { count: participants.length })}</h2>
      <AnonymousToggle sessionId={sessionId} />
      {participants.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <input type="hidden" {...form.register('sessionId')} />
          <TableScroll label={t('caption')}>
            <table className="data">
              <caption className="visually-hidden">{t('caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('progress')}</th>
                  <th scope="col">{t('consistency')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('included')}</th>
                  <th scope="col" className="number">
                    {t('weight')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {participants.map((participant, index) => {
                  const weightError = form.formState.errors.participantWeights?.[index]?.weight;
                  const isIncluded = pending[participant.id] ?? participant.isIncluded;
                  const status = participant.participation.isIncluded ? 'included' : participant.participation.exclusion.code;
                  return (
                    <tr key={participant.id} className={styles.participantRow} data-status={status}>
                      <th scope="row">
                        {participant.displayName}
                        <span className={styles.sub}>{tGroups(participant.stakeholderGroup)}</span>
                      </th>
                      <td>
                        {t('answered', { answered: participant.progress.answered, total: participant.progress.required })}
                        <span className={styles.sub}>
                          {t('roundAnswered', { answered: participant.roundProgress.answered, total: participant.roundProgress.required })}
                        </span>
                      </td>
                      <td>{consistency(participant)}</td>
                      <td>{participationText(participant.participation)}</td>
                      <td>
                        <label className={styles.checkLabel}>
                          <input
                            type="checkbox"
                            checked={isIncluded}
                            onChange={(event) => {
                              const value = event.target.checked;
                              setPending((held) => ({ ...held, [participant.id]: value }));
                              setInclusion.mutate({ sessionId, participantId: participant.id, isIncluded: value });
                            }}
                          />
                          <span aria-hidden="true">{isIncluded ? t('count') : t('leftOut')}</span>
                          <span className="visually-hidden">{t('includeLabel', { name: participant.displayName })}</span>
                        </label>
                      </td>
                      <td className="number">
                        <input type="hidden" {...form.register(`participantWeights.${index}.participantId`)} />
                        <label className="visually-hidden" htmlFor={`${ids}-weight-${index}`}>
                          {t('weightLabel', { name: participant.displayName })}
                        </label>
                        <WeightInput
                          id={`${ids}-weight-${index}`}
                          error={weightError ? t('weightInvalid') : null}
                          registration={form.register(`participantWeights.${index}.weight`, { valueAsNumber: true })}
                        />
                        <span className={styles.sub}>{t('effective', { weight: figures.weight(participant.effectiveWeight) })}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          <div className="actions">
            <button type="submit" className="button" disabled={form.formState.isSubmitting}>
              {t('saveWeights')}
            </button>
            <SaveState
              status={mutationSaveStatus(setWeights)}
              error={setWeights.isError ? errorText(setWeights.error) : null}
            />
          </div>
          <p className="hint">{t('weightHint')}</p>
        </form>
      )}
      {inclusionError ? (
        <p className="notice danger" role="alert">
          {inclusionError}
        </p>
      ) : null}
    </section>
  );
}
