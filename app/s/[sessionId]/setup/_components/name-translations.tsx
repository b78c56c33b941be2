'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { type Locale, LOCALES } from '~/core/contracts/localized';
import { ElementName } from '~/core/contracts/model-edits';
import { pickLocalized } from '~/app/_components/use-localized-text';
import { useValidationText } from '~/app/_components/use-error-text';
import styles from './setup.module.css';

/**
 * The name in the other UI languages, each saved as it is left. A language without its own name shows the
 * fallback, and says so: participants reading that language see the name in another one.
 */
export function NameTranslations({
  idBase,
  refText,
  name,
  onSave,
}: {
  idBase: string;
  refText: string;
  name: ElementName;
  onSave: (name: ElementName) => Promise<string | null>;
}) {
  const t = useTranslations('setup.model.translations');
  const tLanguages = useTranslations('common.nav.languages');
  const locale = useLocale() as Locale;
  const { issueText } = useValidationText();
  const id = useId();
  const others = LOCALES.filter((code) => code !== locale);
  const given = others.filter((code) => Boolean(name[code])).length;
  const [problems, setProblems] = useState<Partial<Record<Locale, string>>>({});

  const save = async (code: Locale, typed: string) => {
    const text = typed.trim();
    if (text === (name[code] ?? '')) return;
    const next: Partial<Record<Locale, string>> = { ...name };
    if (text) next[code] = text;
    else delete next[code];
    const parsed = ElementName.safeParse(next);
    if (!parsed.success) {
      setProblems((p) => ({ ...p, [code]: parsed.error.issues.map((issue) => issueText(issue)).join(' ') }));
      return;
    }
    setProblems((p) => ({ ...p, [code]: undefined }));
    const refusal = await onSave(parsed.data);
    if (refusal) setProblems((p) => ({ ...p, [code]: refusal }));
  };

  return (
    <details className={styles.translations}>
      <summary>
        {t('summary', { given, total: others.length })}
        <span className="visually-hidden"> ({refText})</span>
      </summary>
      <p className="muted">{t('explain')}</p>
      {others.map((code) => {
        const fieldId = `${idBase}-${id}-${code}`;
        const fallback = pickLocalized(name, code);
        const problem = problems[code];
        const hintId = `${fieldId}-hint`;
        return (
          <div key={code} className={styles.editorField}>
            <label htmlFor={fieldId}>
              {t('label', { language: tLanguages(code) })}
              <span className="visually-hidden"> ({refText})</span>
            </label>
            <input
              id={fieldId}
              type="text"
              lang={code}
              autoComplete="off"
              maxLength={200}
              defaultValue={name[code] ?? ''}
              aria-invalid={problem ? true : undefined}
              aria-describedby={hintId}
              onBlur={(event) => void save(code, event.currentTarget.value)}
            />
            <p className={problem ? 'error' : 'muted'} id={hintId}>
              {problem ?? (name[code] ? t('own') : t('fallback', { language: tLanguages(code), name: fallback }))}
            </p>
          </div>
        );
      })}
    </details>
  );
}
