'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { type Ref, useEffect, useId, useMemo, useState } from 'react';
import { BarList } from '~/app/_components/bar-list';
import { errorCode, useParticipantErrorText } from '~/app/_components/use-error-text';
import type { UiModel, UiNode } from '~/app/_components/use-decision-model';
import { useLocalizedText } from '~/app/_components/use-localized-text';
import { useTRPC } from '~/app/_trpc/client';
import { CR_THRESHOLD } from '~/core/ahp/analyze-matrix';
import type { Progress } from '~/core/model';
import { analyzeNode } from './consistency';
import styles from './questionnaire.module.css';
import type { SessionData } from './types';
import type { JudgmentText } from '~/app/_components/judgment/use-judgment-text';

/**
 * "Your result": how many of the person's answers the server holds (read back once every save has landed: never
 * "saved" before it is so), the comparisons they skipped with a way back to them, their own criterion weights
 * (never parent and sub-criteria added up together), their ranking of the options and their CR per node. The
 * server computes the result from the saved answers (result.computeMine, the authoritative engine run). When the
 * facilitator shows participants no results, only the consistency is shown, computed here.
 */
export function ResultStep({
  sessionId,
  token,
  session,
  model,
  pairwiseNodes,
  judgments,
  progress,
  text,
  whenSaved,
  headingRef,
  onGoToFirstMissing,
}: {
  sessionId: string;
  token: string;
  session: SessionData;
  model: UiModel;
  pairwiseNodes: UiNode[];
  judgments: ReadonlyMap<string, number>;
  /** Progress of the answers held in this browser (what the consistency table reads until the server's result is in). */
  progress: Progress;
  text: JudgmentText;
  whenSaved: () => Promise<void>;
  headingRef: Ref<HTMLHeadingElement>;
  onGoToFirstMissing: (() => void) | null;
}) {
  const t = useTranslations('questionnaire.result');
  const tCommon = useTranslations('common.consistency');
  const tMethods = useTranslations('common.participation.methods');
  const format = useFormatter();
  const localized = useLocalizedText();
  const describeError = useParticipantErrorText();
  const trpc = useTRPC();
  const id = useId();
  const isShared = session.settings.participantResults !== 'none';
  const context = { trpc: { context: { token } } };
  const compute = useMutation(trpc.result.computeMine.mutationOptions(context));
  const [isSettled, setSettled] = useState(false);
  const saved = useQuery({ ...trpc.participant.me.queryOptions({ sessionId }, context), enabled: isSettled, refetchOnMount: 'always' });
  const { mutate } = compute;

  useEffect(() => {
    let isCurrent = true;
    void whenSaved().then(() => {
      if (!isCurrent) return;
      setSettled(true);
      if (isShared) mutate({ sessionId });
    });
    return () => {
      isCurrent = false;
    };
  }, [isShared, whenSaved, mutate, sessionId]);

  const view = compute.data ?? null;
  const result = view?.result.kind === 'hierarchy' ? view.result : null;
  const serverProgress = isSettled ? (saved.data?.progress ?? null) : null;
  const skipped = serverProgress ? serverProgress.required - serverProgress.answered : 0;

  const nodesToCheck = useMemo(() => pairwiseNodes.filter((node) => node.elementKeys.length >= 3), [pairwiseNodes]);
  const localConsistency = useMemo(
    () => nodesToCheck.map((node) => ({ node, consistency: analyzeNode(node, judgments, session.settings.methodSettings) })),
    [nodesToCheck, judgments, session.settings.methodSettings],
  );
  const formatCr = (cr: number) => format.number(cr, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const nodeProgress = new Map((serverProgress ?? progress).nodes.map((n) => [n.nodeKey, n]));

  const isNested = model.criteria.some((c) => c.depth > 1);
  const pathName = (key: string) =>
    model
      .criterion(key)!
      .path.map((step) => localized(model.criterion(step)!.spec.name))
      .join(' › ');

  return (
    <section className={styles.step} aria-labelledby={`${id}-title`}>
      <div className={styles.nodeBar}>
        <p className={styles.kicker}>{t('kicker')}</p>
      </div>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1} className={styles.question}>
        {t('title')}
      </h2>
      <p role="status">
        {!serverProgress
          ? t('savingAnswers')
          : serverProgress.isComplete
            ? t('savedAll', { required: serverProgress.required })
            : t('savedSome', { answered: serverProgress.answered, required: serverProgress.required })}
      </p>

      {serverProgress && skipped > 0 && serverProgress.isComputable ? (
        <div className="notice warn">
          <h3 className={styles.resultHeading}>{t('skippedTitle', { count: skipped })}</h3>
          <p>{t('skippedBody', { method: tMethods(session.settings.methodSettings.completion) })}</p>
          {onGoToFirstMissing ? (
            <div className="actions">
              <button type="button" className="button" onClick={onGoToFirstMissing}>
                {t('goToSkipped')}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}

      {!isShared ? (
        <p className="notice">{t('notShared')}</p>
      ) : compute.isError ? (
        <div className="notice warn" role="alert">
          <p>{errorCode(compute.error) === 'NOT_COMPUTABLE' ? t('notComputable') : describeError(compute.error)}</p>
          <div className="actions">
            {onGoToFirstMissing && errorCode(compute.error) === 'NOT_COMPUTABLE' ? (
              <button type="button" className="button primary" onClick={onGoToFirstMissing}>
                {t('goToMissing')}
              </button>
            ) : (
              <button type="button" className="button" onClick={() => mutate({ sessionId })}>
                {t('retry')}
              </button>
            )}
          </div>
        </div>
      ) : !result ? (
        <p className="muted" role="status">
          {t('computing')}
        </p>
      ) : (
        <>
          <h3 className={styles.resultHeading}>{isNested ? t('mainCriteriaTitle') : t('criteriaTitle')}</h3>
          <p className="muted">{isNested ? t('mainCriteriaHint') : t('criteriaHint')}</p>
          <div className={styles.resultBars}>
            <BarList
              label={isNested ? t('mainCriteriaTitle') : t('criteriaTitle')}
              items={model.roots
                .filter((c) => result.criteria[c.key])
                .map((c) => ({ key: c.key, label: localized(c.name), value: result.criteria[c.key]!.global }))}
            />
          </div>
          {isNested ? (
            <>
              <h3 className={styles.resultHeading}>{t('leafCriteriaTitle')}</h3>
              <p className="muted">{t('leafCriteriaHint')}</p>
              <div className={styles.resultBars}>
                <BarList
                  label={t('leafCriteriaTitle')}
                  items={model.leafKeys
                    .filter((key) => result.criteria[key])
                    .map((key) => ({ key, label: pathName(key), value: result.criteria[key]!.global }))}
                />
              </div>
            </>
          ) : null}
          <h3 className={styles.resultHeading}>{t('optionsTitle')}</h3>
          <p className="muted">{t('optionsHint')}</p>
          <div className={styles.resultBars}>
            <BarList
              label={t('optionsTitle')}
              items={result.ranking.map((key, index) => ({
                key,
                label: t('rankLabel', { rank: index + 1, name: localized(model.alternative(key)?.name) || key }),
                value: result.alternatives[key] ?? 0,
                highlight: index === 0,
              }))}
            />
          </div>
        </>
      )}

      {nodesToCheck.length > 0 ? (
        <>
          <h3 className={styles.resultHeading}>{t('consistencyTitle')}</h3>
          <div className={styles.tableWrap}>
            <table className="data">
              <caption className="visually-hidden">{t('consistencyTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('nodeColumn')}</th>
                  <th scope="col" className="number">
                    {t('crColumn')}
                  </th>
                  <th scope="col">{t('verdictColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {localConsistency.map(({ node, consistency }) => {
                  const server = result?.nodes[node.key];
                  const own = nodeProgress.get(node.key);
                  const isEstimated = server ? server.completion !== null : (own?.isEstimated ?? false);
                  // With the fewest comparisons that link every element, the completed matrix is consistent by construction.
                  const isUncheckable = isEstimated && own !== undefined && own.answered <= node.elementKeys.length - 1;
                  const cr = isUncheckable ? null : server ? server.cr : consistency.state === 'checked' ? consistency.cr : null;
                  const isOk = server ? server.isConsistentEnough : consistency.state === 'checked' ? consistency.isConsistentEnough : null;
                  return (
                    <tr key={node.key}>
                      <th scope="row">{text.nodeTitle(node)}</th>
                      <td className="number">{cr === null ? '—' : formatCr(cr)}</td>
                      <td>
                        {isUncheckable ? (
                          t('cannotCheck')
                        ) : isOk === null ? (
                          t('notEnough')
                        ) : isOk ? (
                          <>
                            <span aria-hidden="true">✓ </span>
                            {t('consistent')}
                          </>
                        ) : (
                          <>
                            <span aria-hidden="true">⚠ </span>
                            {t('inconsistent')}
                          </>
                        )}
                        {isEstimated && own ? (
                          <span className={styles.estimatedNote}>{t('estimatedVerdict', { answered: own.answered, required: own.required })}</span>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="muted">
            {tCommon('label')}: {t('crExplained', { threshold: formatCr(CR_THRESHOLD) })}
          </p>
        </>
      ) : null}
      {session.settings.participantResults === 'own-and-group' ? (
        <p className={styles.groupLink}>
          <Link className="button" href={`/s/${sessionId}/results`}>
            {t('groupResultLink')}
          </Link>{' '}
          <span className="muted">{t('groupResultHint')}</span>
        </p>
      ) : null}
    </section>
  );
}
