'use client';

import { useTranslations } from 'next-intl';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { STAKEHOLDER_GROUPS } from '~/core/contracts/session';
import styles from './join.module.css';


/**
 * Name and stakeholder group: the one screen a participant fills in to join, by invite link or by room code.
 * The form around it owns validation; this renders the two fields with their hints and errors.
 */
export function ParticipantIdentityFields({
  ids,
  nameField,
  groupField,
  nameError,
  groupError,
}: {
  ids: string;
  /** The form's own `register('displayName')` and `register('stakeholderGroup')`: both fields live in the caller's form. */
  nameField: UseFormRegisterReturn<'displayName'>;
  groupField: UseFormRegisterReturn<'stakeholderGroup'>;
  nameError: string | null;
  groupError: string | null;
}) {
  const t = useTranslations('questionnaire.join');
  const tGroups = useTranslations('common.stakeholderGroups');
  return (
    <>
      <div className="field">
        <label htmlFor={`${ids}-name`}>{t('nameLabel')}</label>
        <span className="hint" id={`${ids}-name-hint`}>
          {t('nameHint')}
        </span>
        <input
          id={`${ids}-name`}
          type="text"
          autoComplete="name"
          maxLength={120}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={`${ids}-name-hint${nameError ? ` ${ids}-name-error` : ''}`}
          {...nameField}
        />
        {nameError ? (
          <span className="error" id={`${ids}-name-error`}>
            {nameError}
          </span>
        ) : null}
      </div>

      <fieldset
        className={`field ${styles.groups}`}
        aria-invalid={groupError ? true : undefined}
        aria-describedby={`${ids}-group-hint${groupError ? ` ${ids}-group-error` : ''}`}
      >
        <legend>{t('groupLabel')}</legend>
        <span className="hint" id={`${ids}-group-hint`}>
          {t('groupHint')}
        </span>
        {STAKEHOLDER_GROUPS.map((group) => (
          <label key={group} className={styles.choice}>
            <input type="radio" value={group} {...groupField} />
            <span>{tGroups(group)}</span>
          </label>
        ))}
        {groupError ? (
          <span className="error" id={`${ids}-group-error`}>
            {groupError}
          </span>
        ) : null}
      </fieldset>
    </>
  );
}
