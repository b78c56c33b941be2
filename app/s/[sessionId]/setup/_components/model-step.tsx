'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_CRITERIA_DEPTH, MAX_ELEMENTS_PER_NODE } from '~/core/contracts/model';
import { type ElementDescription, type ElementName, MAX_CRITERIA_PER_SESSION } from '~/core/contracts/model-edits';
import { isConflict, useServerErrorText } from '../../../../_components/use-error-text';
import { useLocalizedText } from '../../../../_components/use-localized-text';
import { useTRPC } from '../../../../_trpc/client';
import { ActionButton } from './action-button';
import { ConfirmDialog } from '~/app/_components/confirm-dialog';
import { MeasuresEditor } from './measures-editor';
import { AddElementForm, ElementEditor } from './element-editor';
import styles from './setup.module.css';
import type { AlternativeView, Change, CriterionView, SetupSession, SetupSessionData } from './use-setup-session';

type TextChange = { name: ElementName } | { description: ElementDescription };

/** Every key in a criterion's subtree, itself included. */
function subtreeKeys(node: CriterionView): string[] {
  return [node.key, ...node.children.flatMap(subtreeKeys)];
}

/** Levels a subtree occupies: 1 for a leaf. */
function subtreeHeight(node: CriterionView): number {
  return 1 + Math.max(0, ...node.children.map(subtreeHeight));
}

/** The tree with the children of `parentKey` (null: the top level) put in the order of `orderedKeys`. */
function reorderedTree(nodes: CriterionView[], parentKey: string | null, orderedKeys: string[]): CriterionView[] {
  if (parentKey === null) return orderedKeys.map((key) => nodes.find((node) => node.key === key)!);
  return nodes.map((node) => ({ ...node, children: reorderedTree(node.children, node.key === parentKey ? null : parentKey, orderedKeys) }));
}

type Placed = { node: CriterionView; depth: number; number: string };

function flatten(nodes: CriterionView[], depth = 1, prefix = ''): Placed[] {
  return nodes.flatMap((node, index) => {
    const number = `${prefix}${index + 1}`;
    return [{ node, depth, number }, ...flatten(node.children, depth + 1, `${number}.`)];
  });
}

/** What every row of the tree needs: the edits, the limits, and where to put the focus after a change. */
type TreeActions = {
  isDraft: boolean;
  roots: CriterionView[];
  placed: Placed[];
  errorOf: (rowId: string) => string | undefined;
  setRowError: (rowId: string, message: string | null) => void;
  saveText: (key: string, change: TextChange) => Promise<string | null>;
  addCriterion: (parentKey: string | null, name: ElementName) => Promise<string | null>;
  reorder: (parentKey: string | null, siblings: CriterionView[], index: number, delta: -1 | 1) => void;
  moveUnder: (node: CriterionView, newParentKey: string | null) => Promise<string | null>;
  remove: (node: CriterionView) => void;
};

export function ModelStep({ session, setup }: { session: SetupSessionData; setup: SetupSession }) {
  const t = useTranslations('setup.model');
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const localized = useLocalizedText();
  const renameCriterion = useMutation(trpc.model.renameCriterion.mutationOptions());
  const describeCriterion = useMutation(trpc.model.describeCriterion.mutationOptions());
  const addCriterion = useMutation(trpc.model.addCriterion.mutationOptions());
  const reorderCriteria = useMutation(trpc.model.reorderCriteria.mutationOptions());
  const moveCriterion = useMutation(trpc.model.moveCriterion.mutationOptions());
  const removeCriterion = useMutation(trpc.model.removeCriterion.mutationOptions());
  const addAlternative = useMutation(trpc.model.addAlternative.mutationOptions());
  const updateAlternative = useMutation(trpc.model.updateAlternative.mutationOptions());
  const reorderAlternatives = useMutation(trpc.model.reorderAlternatives.mutationOptions());
  const removeAlternative = useMutation(trpc.model.removeAlternative.mutationOptions());
  const setGoal = useMutation(trpc.model.setGoal.mutationOptions());

  const sessionId = session.id;
  const { criteria, alternatives } = session.model;
  const isDraft = session.status === 'draft';
  const placed = flatten(criteria);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  const [removing, setRemoving] = useState<{ kind: 'criterion' | 'strategy'; key: string; name: string; nested: number } | null>(
    null,
  );
  const pendingFocus = useRef<string | null>(null);
  const criteriaHeading = useRef<HTMLHeadingElement>(null);
  const strategiesHeading = useRef<HTMLHeadingElement>(null);

  // After a change the list re-renders from the reloaded session; put the focus back where the person was.
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    const target = document.getElementById(id);
    if (target) {
      pendingFocus.current = null;
      target.focus();
    }
  }, [session]);

  const setRowError = useCallback((rowId: string, message: string | null) => {
    setRowErrors((current) => {
      const next = { ...current };
      if (message) next[rowId] = message;
      else delete next[rowId];
      return next;
    });
  }, []);

  /** One model edit: queued with the session's version; the refusal comes back as text for the row. */
  const run = async (change: Change<{ version: number }>, done: string, focusId?: string): Promise<string | null> => {
    if (focusId) pendingFocus.current = focusId;
    try {
      await setup.save(change);
      setAnnouncement(done);
      return null;
    } catch (error) {
      pendingFocus.current = null;
      // A conflict reloads the session and says so at the top of the wizard.
      return isConflict(error) ? null : errorText(error);
    }
  };

  const depthOf = (key: string | null) => (key === null ? 0 : (placed.find((p) => p.node.key === key)?.depth ?? 0));
  const childrenOf = (key: string | null) => (key === null ? criteria : (placed.find((p) => p.node.key === key)?.node.children ?? []));

  const tree: TreeActions = {
    isDraft,
    roots: criteria,
    placed,
    errorOf: (rowId) => rowErrors[rowId],
    setRowError,
    saveText: (key, change) =>
      run(
        (expectedVersion) =>
          'name' in change
            ? renameCriterion.mutateAsync({ sessionId, expectedVersion, key, name: change.name })
            : describeCriterion.mutateAsync({ sessionId, expectedVersion, key, description: change.description }),
        t('announce.saved'),
      ),
    addCriterion: async (parentKey, name) => {
      if (childrenOf(parentKey).length >= MAX_ELEMENTS_PER_NODE) return t('limits.perNode', { max: MAX_ELEMENTS_PER_NODE });
      if (depthOf(parentKey) + 1 > MAX_CRITERIA_DEPTH) return t('limits.depth', { max: MAX_CRITERIA_DEPTH });
      if (placed.length >= MAX_CRITERIA_PER_SESSION) return t('limits.total', { max: MAX_CRITERIA_PER_SESSION });
      return run(
        (expectedVersion) => addCriterion.mutateAsync({ sessionId, expectedVersion, parentKey, name, description: {} }),
        t('announce.added', { name: localized(name) }),
      );
    },
    reorder: (parentKey, siblings, index, delta) => {
      const target = index + delta;
      const moved = siblings[index];
      if (!moved || target < 0 || target >= siblings.length) return;
      const orderedKeys = siblings.map((s) => s.key);
      orderedKeys.splice(index, 1);
      orderedKeys.splice(target, 0, moved.key);
      // Keep the focus on the same button, unless the item reached the end where that button is disabled.
      const atEdge = target === 0 || target === siblings.length - 1;
      const focusId = `criterion-${moved.key}-${atEdge ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down'}`;
      setRowError(`criterion-${moved.key}`, null);
      setup.showAhead((data) => ({
        ...data,
        model: { ...data.model, criteria: reorderedTree(data.model.criteria, parentKey, orderedKeys) },
      }));
      void run(
        (expectedVersion) => reorderCriteria.mutateAsync({ sessionId, expectedVersion, parentKey, orderedKeys }),
        t('announce.moved', { name: localized(moved.name), position: target + 1, total: siblings.length }),
        focusId,
      ).then((problem) => problem && setRowError(`criterion-${moved.key}`, problem));
    },
    moveUnder: (node, newParentKey) =>
      run(
        (expectedVersion) => moveCriterion.mutateAsync({ sessionId, expectedVersion, key: node.key, newParentKey }),
        newParentKey === null
          ? t('announce.movedTop', { name: localized(node.name) })
          : t('announce.nested', {
              name: localized(node.name),
              parent: localized(placed.find((p) => p.node.key === newParentKey)?.node.name),
            }),
        `criterion-${node.key}-name`,
      ),
    remove: (node) => {
      const isRoot = criteria.some((c) => c.key === node.key);
      if (isRoot && criteria.length <= 1) {
        setRowError(`criterion-${node.key}`, t('limits.lastCriterion'));
        return;
      }
      setRemoving({ kind: 'criterion', key: node.key, name: localized(node.name), nested: subtreeKeys(node).length - 1 });
    },
  };

  const confirmRemoval = async () => {
    if (!removing) return;
    const target = removing;
    setRemoving(null);
    const rowId = `${target.kind}-${target.key}`;
    const problem = await run(
      (expectedVersion) =>
        target.kind === 'criterion'
          ? removeCriterion.mutateAsync({ sessionId, expectedVersion, key: target.key })
          : removeAlternative.mutateAsync({ sessionId, expectedVersion, key: target.key }),
      t('announce.removed', { name: target.name }),
    );
    if (problem) {
      setRowError(rowId, problem);
      document.getElementById(`${rowId}-remove`)?.focus();
    } else {
      (target.kind === 'criterion' ? criteriaHeading : strategiesHeading).current?.focus();
    }
  };

  const reorderStrategy = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    const moved = alternatives[index];
    if (!moved || target < 0 || target >= alternatives.length) return;
    const orderedKeys = alternatives.map((a) => a.key);
    orderedKeys.splice(index, 1);
    orderedKeys.splice(target, 0, moved.key);
    const atEdge = target === 0 || target === alternatives.length - 1;
    const focusId = `strategy-${moved.key}-${atEdge ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down'}`;
    setRowError(`strategy-${moved.key}`, null);
    setup.showAhead((data) => ({
      ...data,
      model: { ...data.model, alternatives: orderedKeys.map((key) => data.model.alternatives.find((a) => a.key === key)!) },
    }));
    void run(
      (expectedVersion) => reorderAlternatives.mutateAsync({ sessionId, expectedVersion, orderedKeys }),
      t('announce.moved', { name: localized(moved.name), position: target + 1, total: alternatives.length }),
      focusId,
    ).then((problem) => problem && setRowError(`strategy-${moved.key}`, problem));
  };

  const removeStrategy = (alternative: AlternativeView) => {
    if (alternatives.length <= 2) {
      setRowError(`strategy-${alternative.key}`, t('limits.minStrategies'));
      return;
    }
    setRemoving({ kind: 'strategy', key: alternative.key, name: localized(alternative.name), nested: 0 });
  };

  return (
    <div className={styles.model}>
      {isDraft ? (
        <p className="hint">{t('hint', { perNode: MAX_ELEMENTS_PER_NODE, depth: MAX_CRITERIA_DEPTH })}</p>
      ) : (
        <p className="notice warn">
          <strong>{t('lockedTitle')}</strong> {t('locked')}
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
                ? run((expectedVersion) => setGoal.mutateAsync({ sessionId, expectedVersion, goal: change.name }), t('announce.saved'))
                : Promise.resolve(null)
            }
          />
        </section>
      ) : (
        <p className={styles.goal}>
          <span className={styles.goalLabel}>{t('goal')}</span> {localized(session.model.goal)}
        </p>
      )}

      <section aria-labelledby="criteria-heading" className={styles.block}>
        <h3 id="criteria-heading" ref={criteriaHeading} tabIndex={-1}>
          {t('criteria.title')} <span className={styles.count}>({placed.length})</span>
        </h3>
        <p className="muted">{t('criteria.intro')}</p>
        <ol className={styles.tree}>
          {criteria.map((node, index) => (
            <CriterionItem key={node.key} node={node} depth={1} number={`${index + 1}`} parentKey={null} siblings={criteria} index={index} tree={tree} />
          ))}
        </ol>
        {isDraft ? (
          <AddElementForm
            idBase="add-criterion"
            label={t('criteria.addLabel')}
            submitLabel={t('criteria.add')}
            onAdd={(name) => tree.addCriterion(null, name)}
          />
        ) : null}
      </section>

      <section aria-labelledby="strategies-heading" className={styles.block}>
        <h3 id="strategies-heading" ref={strategiesHeading} tabIndex={-1}>
          {t('strategies.title')} <span className={styles.count}>({alternatives.length})</span>
        </h3>
        <p className="muted">{t('strategies.intro')}</p>
        <ol className={styles.tree}>
          {alternatives.map((alternative, index) => {
            const rowId = `strategy-${alternative.key}`;
            const refText = t('strategyRef', { number: index + 1 });
            const rowError = rowErrors[rowId];
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
                          (expectedVersion) =>
                            updateAlternative.mutateAsync({ sessionId, expectedVersion, key: alternative.key, ...change }),
                          t('announce.saved'),
                        )
                      }
                    />
                    {isDraft ? (
                      <div className={styles.rowActions}>
                        <ActionButton describedBy={rowError ? `${rowId}-error` : undefined} id={`${rowId}-up`} icon="↑" label={t('actions.up')} refText={refText} disabled={index === 0} onClick={() => reorderStrategy(index, -1)} />
                        <ActionButton
                          describedBy={rowError ? `${rowId}-error` : undefined}
                          id={`${rowId}-down`}
                          icon="↓"
                          label={t('actions.down')}
                          refText={refText}
                          disabled={index === alternatives.length - 1}
                          onClick={() => reorderStrategy(index, 1)}
                        />
                        <ActionButton describedBy={rowError ? `${rowId}-error` : undefined} id={`${rowId}-remove`} icon="✕" label={t('actions.remove')} refText={refText} danger onClick={() => removeStrategy(alternative)} />
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
      </section>

      <MeasuresEditor session={session} setup={setup} />

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      <ConfirmDialog
        open={removing !== null}
        title={removing ? t('remove.title', { name: removing.name }) : ''}
        body={
          removing
            ? removing.kind === 'criterion'
              ? t('remove.criterionBody', { count: removing.nested })
              : t('remove.strategyBody')
            : ''
        }
        confirmLabel={t('remove.confirm')}
        onConfirm={() => void confirmRemoval()}
        onClose={() => {
          const target = removing;
          setRemoving(null);
          if (target) document.getElementById(`${target.kind}-${target.key}-remove`)?.focus();
        }}
      />
    </div>
  );
}

function CriterionItem({
  node,
  depth,
  number,
  parentKey,
  siblings,
  index,
  tree,
}: {
  node: CriterionView;
  depth: number;
  number: string;
  parentKey: string | null;
  siblings: CriterionView[];
  index: number;
  tree: TreeActions;
}) {
  const t = useTranslations('setup.model');
  const localized = useLocalizedText();
  const [panel, setPanel] = useState<'none' | 'add' | 'move'>('none');
  const rowId = `criterion-${node.key}`;
  const refText = t('criterionRef', { number });
  const rowError = tree.errorOf(rowId);
  const name = localized(node.name);

  const closePanel = (focusId: string) => {
    setPanel('none');
    requestAnimationFrame(() => document.getElementById(focusId)?.focus());
  };

  const openAdd = () => {
    if (panel === 'add') return closePanel(`${rowId}-add`);
    if (depth + 1 > MAX_CRITERIA_DEPTH) return tree.setRowError(rowId, t('limits.depth', { max: MAX_CRITERIA_DEPTH }));
    if (node.children.length >= MAX_ELEMENTS_PER_NODE) return tree.setRowError(rowId, t('limits.perNode', { max: MAX_ELEMENTS_PER_NODE }));
    tree.setRowError(rowId, null);
    setPanel('add');
  };

  return (
    <li className={styles.item}>
      <div className={styles.row}>
        <span className={styles.number} aria-hidden="true">
          {number}
        </span>
        <div className={styles.rowBody}>
          <ElementEditor idBase={rowId} refText={refText} texts={node} isEditable={tree.isDraft} onSave={(change) => tree.saveText(node.key, change)} />
          {node.children.length === 1 ? (
            <p className={styles.warning}>
              <span aria-hidden="true">⚠ </span>
              {t('singleChild')}
            </p>
          ) : null}
          {tree.isDraft ? (
            <div className={styles.rowActions}>
              <ActionButton describedBy={rowError ? `${rowId}-error` : undefined} id={`${rowId}-up`} icon="↑" label={t('actions.up')} refText={refText} disabled={index === 0} onClick={() => tree.reorder(parentKey, siblings, index, -1)} />
              <ActionButton
                describedBy={rowError ? `${rowId}-error` : undefined}
                id={`${rowId}-down`}
                icon="↓"
                label={t('actions.down')}
                refText={refText}
                disabled={index === siblings.length - 1}
                onClick={() => tree.reorder(parentKey, siblings, index, 1)}
              />
              <ActionButton describedBy={rowError ? `${rowId}-error` : undefined} id={`${rowId}-add`} icon="+" label={t('actions.addSub')} refText={refText} expanded={panel === 'add'} onClick={openAdd} />
              <ActionButton
                describedBy={rowError ? `${rowId}-error` : undefined}
                id={`${rowId}-move`}
                icon="⤷"
                label={t('actions.moveUnder')}
                refText={refText}
                expanded={panel === 'move'}
                onClick={() => (panel === 'move' ? closePanel(`${rowId}-move`) : setPanel('move'))}
              />
              <ActionButton describedBy={rowError ? `${rowId}-error` : undefined} id={`${rowId}-remove`} icon="✕" label={t('actions.remove')} refText={refText} danger onClick={() => tree.remove(node)} />
            </div>
          ) : null}
          {rowError ? (
            <p className="error" id={`${rowId}-error`} role="alert">
              {rowError}
            </p>
          ) : null}
          {panel === 'move' ? (
            <MoveForm
              node={node}
              parentKey={parentKey}
              refText={refText}
              tree={tree}
              onDone={() => closePanel(`${rowId}-name`)}
              onCancel={() => closePanel(`${rowId}-move`)}
            />
          ) : null}
        </div>
      </div>
      {node.children.length > 0 ? (
        <ol className={styles.tree}>
          {node.children.map((child, childIndex) => (
            <CriterionItem
              key={child.key}
              node={child}
              depth={depth + 1}
              number={`${number}.${childIndex + 1}`}
              parentKey={node.key}
              siblings={node.children}
              index={childIndex}
              tree={tree}
            />
          ))}
        </ol>
      ) : null}
      {panel === 'add' ? (
        <div className={styles.nestedForm}>
          <AddElementForm
            idBase={`${rowId}-new`}
            label={t('criteria.addSubLabel', { name })}
            hint={node.children.length === 0 ? t('criteria.addSubHint', { name }) : undefined}
            submitLabel={t('criteria.addSub')}
            autoFocus
            onAdd={(newName) => tree.addCriterion(node.key, newName)}
            onCancel={() => closePanel(`${rowId}-add`)}
          />
        </div>
      ) : null}
    </li>
  );
}

/** Nest a criterion (with its sub-criteria) under another one, or lift it to the top level. */
function MoveForm({
  node,
  parentKey,
  refText,
  tree,
  onDone,
  onCancel,
}: {
  node: CriterionView;
  parentKey: string | null;
  refText: string;
  tree: TreeActions;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations('setup.model');
  const tActions = useTranslations('common.actions');
  const localized = useLocalizedText();
  const own = new Set(subtreeKeys(node));
  const height = subtreeHeight(node);
  const targets = tree.placed.filter(
    (p) =>
      !own.has(p.node.key) &&
      p.node.key !== parentKey &&
      p.depth + height <= MAX_CRITERIA_DEPTH &&
      p.node.children.length < MAX_ELEMENTS_PER_NODE,
  );
  const canLift = parentKey !== null && tree.roots.length < MAX_ELEMENTS_PER_NODE;
  const [choice, setChoice] = useState(canLift ? '' : (targets[0]?.node.key ?? ''));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `criterion-${node.key}-move-target`;

  if (!canLift && targets.length === 0) {
    return (
      <div className={styles.panel} onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
        <p className="error" role="alert">
          {t('move.nowhere', { max: MAX_CRITERIA_DEPTH })}
        </p>
        <button type="button" className="button" onClick={onCancel}>
          {tActions('close')}
        </button>
      </div>
    );
  }

  return (
    <form
      className={styles.panel}
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const refusal = await tree.moveUnder(node, choice === '' ? null : choice);
        setBusy(false);
        if (refusal) setProblem(refusal);
        else onDone();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <label htmlFor={id}>
        {t('move.label')}
        <span className="visually-hidden"> ({refText})</span>
      </label>
      <p className="hint" id={`${id}-hint`}>
        {t('move.hint')}
      </p>
      <div className={styles.addRow}>
        <select
          id={id}
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
          aria-describedby={[`${id}-hint`, problem ? `${id}-error` : null].filter(Boolean).join(' ')}
          aria-invalid={problem ? true : undefined}
          // Opened on purpose by the "move under" button.
          autoFocus
        >
          {canLift ? <option value="">{t('move.topLevel')}</option> : null}
          {targets.map((p) => (
            <option key={p.node.key} value={p.node.key}>
              {`${p.number} ${localized(p.node.name)}`}
            </option>
          ))}
        </select>
        <button type="submit" className="button primary" disabled={busy}>
          {t('move.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {tActions('cancel')}
        </button>
      </div>
      {problem ? (
        <p className="error" id={`${id}-error`} role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
