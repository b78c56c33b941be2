'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef } from 'react';
import styles from './confirm-dialog.module.css';

/**
 * A modal question before something that cannot be undone. The native <dialog> keeps focus inside, closes on
 * Escape and is announced as a dialog; Cancel has focus first so Enter never destroys anything by accident.
 */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useTranslations('common.actions');
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={() => {
        if (open) onClose();
      }}
    >
      <h2 id={`${id}-title`} className={styles.dialogTitle}>
        {title}
      </h2>
      <p id={`${id}-body`}>{body}</p>
      <div className="actions">
        <button ref={cancelRef} type="button" className="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="button danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
