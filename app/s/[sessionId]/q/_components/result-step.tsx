'use client';

import { useMutation } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { type Ref, useEffect, useId, useMemo } from 'react';
import { BarList } from '~/app/_components/bar-list';
import { useLocalizedText } from '~/app/_components/use-localized-text';
import { useTRPC } from '~/app/_trpc/client';
import { CR_THRESHOLD } from '~/core/ahp/analyze-matrix';
import { analyzeNode } from './consistency';
import { errorCode, useErrorMessage } from './error-message';
import styles from './questionnaire.module.css';
import type { ComparisonNode, Element } from './steps';
import type { SessionData } from './types';
import type { JudgmentText } from './use-judgment-text';

/** The part of core's HierarchyResult this page reads (the server stores the engine's output as JSON). */
type OwnResult = {
  criteria: Record<string, { local: number; global: number }>;
  alternatives: Record<string, number>;
  ranking: string[];
  nodes: Record<string, { cr: number; isConsistentEnough: boolean; method: string }>;
};

type CriterionData = SessionData['model']['criteria'][number];

function flattenCriteria(list: CriterionData[], path: string[] = [], localized: (n: Element['name']) => string) {
  const rows: Array<{ key: string; label: string }> = [];
  for (const criterion of list) {
    const name = localized(criterion.name);
    rows.push({ key: criterion.key, label: [...path, name].join(' › ') });
    rows.push(...flattenCriteria(criterion.children, [...path, name], localized));
  }
  return rows;
}

/**
 * "Your result": the person's own criterion weights, their ranking of the options and their CR per node. The
 * server computes it from the saved answers (result.computeMine, the authoritative engine run) once every save
 * has landed. When the facilitator shows participants no results, only the consistency is shown, computed here.
 */
export function ResultStep({
  sessionId,
  token,
  session,
  pairwiseNodes,
  judgments,
  text,
  whenSaved,
  headingRef,
  onGoToFirstMissing,
}: {
  sessionId: string;
  token: string;
  session: SessionData;
  pairwiseNodes: ComparisonNode[];
  judgments: ReadonlyMap<string, number>;
  text: JudgmentText;
  whenSaved: () => Promise<void>;
  headingRef: Ref<HTMLHeadingElement>;
  onGoToFirstMissing: (() => void) | null;
}) {
  const t = useTranslations('questionnaire.result');
  const tCommon = useTranslations('common.consistency');
  const format = useFormatter();
  const localized = useLocalizedText();
  const describeError = useErrorMessage();
  const trpc = useTRPC();
  const id = useId();
  const isShared = session.settings.participantResults !== 'none';
  const compute = useMutation(trpc.result.computeMine.mutationOptions({ trpc: { context: { token } } }));
  const { mutate } = compute;

  useEffect(() => {
    if (!isShared) return;
    let isCurrent = true;
    void whenSaved().then(() => {
      if (isCurrent) mutate({ sessionId });
    });
    return () => {
      isCurrent = false;
    };
  }, [isShared, whenSaved, mutate, sessionId]);

  const result = compute.data ? (compute.data.result as unknown as OwnResult) : null;
  const nodesToCheck = useMemo(() => pairwiseNodes.filter((node) => node.elements.length >= 3), [pairwiseNodes]);
  const localConsistency = useMemo(
    () => nodesToCheck.map((node) => ({ node, consistency: analyzeNode(node, judgments, session.settings.methodSettings) })),
    [nodesToCheck, judgments, session.settings.methodSettings],
  );
  const formatCr = (cr: number) => format.number(cr, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  const criteriaRows = flattenCriteria(session.model.criteria, [], localized);
  const alternativeName = new Map(session.model.alternatives.map((a) => [a.key, localized(a.name)]));

  return (
    <section className={styles.step} aria-labelledby={`${id}-title`}>
      <div className={styles.nodeBar}>
        <p className={styles.kicker}>{t('kicker')}</p>
      </div>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1} className={styles.question}>
        {t('title')}
      </h2>
      <p>{t('saved')}</p>

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
          <h3 className={styles.resultHeading}>{t('criteriaTitle')}</h3>
          <p className="muted">{t('criteriaHint')}</p>
          <div className={styles.resultBars}>
          <BarList
            label={t('criteriaTitle')}
            items={criteriaRows
              .filter((row) => result.criteria[row.key])
              .map((row) => ({ key: row.key, label: row.label, value: result.criteria[row.key]!.global }))}
          />
          </div>
          <h3 className={styles.resultHeading}>{t('optionsTitle')}</h3>
          <p className="muted">{t('optionsHint')}</p>
          <div className={styles.resultBars}>
          <BarList
            label={t('optionsTitle')}
            items={result.ranking.map((key, index) => ({
              key,
              label: t('rankLabel', { rank: index + 1, name: alternativeName.get(key) ?? key }),
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
                  const cr = server ? server.cr : consistency.state === 'checked' ? consistency.cr : null;
                  const isOk = server ? server.isConsistentEnough : consistency.state === 'checked' ? consistency.isConsistentEnough : null;
                  return (
                    <tr key={node.key}>
                      <th scope="row">{text.nodeTitle(node)}</th>
                      <td className="number">{cr === null ? '—' : formatCr(cr)}</td>
                      <td>
                        {isOk === null ? (
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
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="muted">{tCommon('label')}: {t('crExplained', { threshold: formatCr(CR_THRESHOLD) })}</p>
        </>
      ) : null}
    </section>
  );
}
