'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { isConflict, useServerErrorText } from '../../../../_components/use-error-text';
import type { Change, SetupSession, SetupSessionData } from './use-setup-session';

/**
 * What the criteria editor and the strategies editor share: every model edit goes through `run` (queued with the
 * session's version; a refusal comes back as text for the row), row errors, one live announcement, and the focus
 * put back where the person was once the list re-renders from the reloaded session.
 */
export function useModelEdits(session: SetupSessionData, setup: SetupSession) {
  const errorText = useServerErrorText();
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  const pendingFocus = useRef<string | null>(null);

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

  return { run, setRowError, errorOf: (rowId: string) => rowErrors[rowId], announcement };
}

export type ModelEdits = ReturnType<typeof useModelEdits>;

/**
 * Moving the item at `index` one place up or down among `keys`: the new order, and which of its two move
 * buttons keeps the focus (the same one, unless the item reached the end where that button is disabled).
 */
export function moveByOne(keys: readonly string[], index: number, delta: -1 | 1): { orderedKeys: string[]; focusButton: 'up' | 'down' } | null {
  const target = index + delta;
  const moved = keys[index];
  if (moved === undefined || target < 0 || target >= keys.length) return null;
  const orderedKeys = [...keys];
  orderedKeys.splice(index, 1);
  orderedKeys.splice(target, 0, moved);
  const atEdge = target === 0 || target === keys.length - 1;
  const sameButton = delta < 0 ? 'up' : 'down';
  const otherButton = delta < 0 ? 'down' : 'up';
  return { orderedKeys, focusButton: atEdge ? otherButton : sameButton };
}
