'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { MAX_CRITERIA_DEPTH, MAX_ELEMENTS_PER_NODE } from '~/core/contracts/model';
import { type ElementDescription, type ElementName, MAX_CRITERIA_PER_SESSION } from '~/core/contracts/model-edits';
import { subtreeHeight, subtreeKeys } from '~/core/model';
import { ConfirmDialog } from '~/app/_components/confirm-dialog';
import { type UiModel, useDecisionModel } from '~/app/_components/use-decision-model';
import { useLocalizedText } from '../../../../_components/use-localized-text';
import { useTRPC } from '../../../../_trpc/client';
import { ActionButton } from './action-button';
import { AddElementForm, ElementEditor } from './element-editor';
import styles from './setup.module.css';
import { type ModelEdits, moveByOne } from './use-model-edits';
import type { CriterionView, SetupSession, SetupSessionData } from './use-setup-session';

type TextChange = { name: ElementName } | { description: ElementDescription };

/** The tree with the children of `parentKey` (null: the top level) put in the order of `orderedKeys`. */
function reorderedTree(nodes: CriterionView[], parentKey: string | null, orderedKeys: string[]): CriterionView[] {
  if (parentKey === null) return orderedKeys.map((key) => nodes.find((node) => node.key === key)!);
  return nodes.map((node) => ({ ...node, children: reorderedTree(node.children, node.key === parentKey ? null : parentKey, orderedKeys) }));
}

/** A criterion where the tree shows it: its depth (1 at the top) and outline number ("2.1"). */
type Placed = { node: UiModel['criteria'][number]['spec']; depth: number; number: string };

/** Every criterion in the model's reading order with its outline number. */
function placedCriteria(model: UiModel): Placed[] {
  const numbers = new Map<string, string>();
  return model.criteria.map((criterion) => {
    const parent = model.criterion(criterion.parentKey);
    const siblings = parent ? parent.childKeys : model.roots.map((root) => root.key);
    const position = `${siblings.indexOf(criterion.key) + 1}`;
    const number = parent ? `${numbers.get(parent.key)}.${position}` : position;
    numbers.set(criterion.key, number);
    return { node: criterion.spec, depth: criterion.depth, number };
  });
}

/** What every row of the tree needs: the edits, the limits, and where to put the focus after a change. */
type TreeActions = {
  isDraft: boolean;
  model: UiModel;
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

/** The criteria tree: rename, describe, add, nest, move and remove criteria, all from the keyboard too. */
export function CriteriaEditor({ session, setup, edits }: { session: SetupSessionData; setup: SetupSession; edits: ModelEdits }) {
  const t = useTranslations('setup.model');
  const trpc = useTRPC();
  const localized = useLocalizedText();
  const renameCriterion = useMutation(trpc.model.renameCriterion.mutationOptions());
  const describeCriterion = useMutation(trpc.model.describeCriterion.mutationOptions());
  const addCriterion = useMutation(trpc.model.addCriterion.mutationOptions());
  const reorderCriteria = useMutation(trpc.model.reorderCriteria.mutationOptions());
  const moveCriterion = useMutation(trpc.model.moveCriterion.mutationOptions());
  const removeCriterion = useMutation(trpc.model.removeCriterion.mutationOptions());

  const sessionId = session.id;
  const criteria = session.model.criteria;
  const isDraft = session.status === 'draft';
  const model = useDecisionModel(session.model);
  const placed = placedCriteria(model);
  const { run, setRowError } = edits;
  const [removing, setRemoving] = useState<{ key: string; name: string; nested: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const depthOf = (key: string | null) => (key === null ? 0 : (model.criterion(key)?.depth ?? 0));
  const childCount = (key: string | null) => (key === null ? criteria.length : (model.criterion(key)?.childKeys.length ?? 0));

  const tree: TreeActions = {
    isDraft,
    model,
    roots: criteria,
    placed,
    errorOf: edits.errorOf,
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
      if (childCount(parentKey) >= MAX_ELEMENTS_PER_NODE) return t('limits.perNode', { max: MAX_ELEMENTS_PER_NODE });
      if (depthOf(parentKey) + 1 > MAX_CRITERIA_DEPTH) return t('limits.depth', { max: MAX_CRITERIA_DEPTH });
      if (placed.length >= MAX_CRITERIA_PER_SESSION) return t('limits.total', { max: MAX_CRITERIA_PER_SESSION });
      return run(
        (expectedVersion) => addCriterion.mutateAsync({ sessionId, expectedVersion, parentKey, name, description: {} }),
        t('announce.added', { name: localized(name) }),
      );
    },
    reorder: (parentKey, siblings, index, delta) => {
      const move = moveByOne(
        siblings.map((s) => s.key),
        index,
        delta,
      );
      const moved = siblings[index];
      if (!move || !moved) return;
      const { orderedKeys, focusButton } = move;
      setRowError(`criterion-${moved.key}`, null);
      setup.showAhead((data) => ({
        ...data,
        model: { ...data.model, criteria: reorderedTree(data.model.criteria, parentKey, orderedKeys) },
      }));
      void run(
        (expectedVersion) => reorderCriteria.mutateAsync({ sessionId, expectedVersion, parentKey, orderedKeys }),
        t('announce.moved', { name: localized(moved.name), position: index + delta + 1, total: siblings.length }),
        `criterion-${moved.key}-${focusButton}`,
      ).then((problem) => problem && setRowError(`criterion-${moved.key}`, problem));
    },
    moveUnder: (node, newParentKey) =>
      run(
        (expectedVersion) => moveCriterion.mutateAsync({ sessionId, expectedVersion, key: node.key, newParentKey }),
        newParentKey === null
          ? t('announce.movedTop', { name: localized(node.name) })
          : t('announce.nested', { name: localized(node.name), parent: localized(model.criterion(newParentKey)?.spec.name) }),
        `criterion-${node.key}-name`,
      ),
    remove: (node) => {
      const isRoot = criteria.some((c) => c.key === node.key);
      if (isRoot && criteria.length <= 1) {
        setRowError(`criterion-${node.key}`, t('limits.lastCriterion'));
        return;
      }
      setRemoving({ key: node.key, name: localized(node.name), nested: subtreeKeys(model, node.key).length - 1 });
    },
  };

  const confirmRemoval = async () => {
    if (!removing) return;
    const target = removing;
    setRemoving(null);
    const rowId = `criterion-${target.key}`;
    const problem = await run(
      (expectedVersion) => removeCriterion.mutateAsync({ sessionId, expectedVersion, key: target.key }),
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
    <section aria-labelledby="criteria-heading" className={styles.block}>
      <h3 id="criteria-heading" ref={heading} tabIndex={-1}>
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
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t('remove.title', { name: removing.name }) : ''}
        body={removing ? t('remove.criterionBody', { count: removing.nested }) : ''}
        confirmLabel={t('remove.confirm')}
        onConfirm={() => void confirmRemoval()}
        onClose={() => {
          const target = removing;
          setRemoving(null);
          if (target) document.getElementById(`criterion-${target.key}-remove`)?.focus();
        }}
      />
    </section>
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
  const own = new Set(subtreeKeys(tree.model, node.key));
  const height = subtreeHeight(tree.model, node.key);
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
