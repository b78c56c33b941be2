'use client';

import { useTranslations } from 'next-intl';
import { readMethodSettings } from '~/core/contracts/method';
import styles from './results.module.css';
import type { ResultView } from './result-model';

/** The method settings stored with the result: what produced these figures, named for a reader who checks them. */
export function MethodSection({ view, isGroup }: { view: ResultView; isGroup: boolean }) {
  const t = useTranslations('results.method');
  const settings = readMethodSettings(view.settings.methodSettings);
  const name = (key: string) => (t.has(`names.${key}`) ? t(`names.${key}`) : key);
  const table = t.has(`tables.${settings.randomIndex}`) ? t(`tables.${settings.randomIndex}`) : settings.randomIndex;
  const rows: Array<[string, string]> = [
    [t('priorities'), name(settings.method)],
    [t('synthesis'), name(settings.synthesis)],
    ...(isGroup ? ([[t('aggregation'), name(settings.aggregation)]] as Array<[string, string]>) : []),
    [t('scale'), name(settings.scale)],
    [t('randomIndexTable'), table],
    ...(isGroup ? ([[t('monteCarlo'), name(settings.monteCarloModel)]] as Array<[string, string]>) : []),
  ];
  return (
    <section aria-labelledby="method-title" className={styles.section}>
      <h2 id="method-title">{t('title')}</h2>
      <dl className={styles.methodList}>
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
