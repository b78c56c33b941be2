'use client';

import { useTranslations } from 'next-intl';
import { RATING_INTENSITIES } from '~/core/ahp/ratings-scale';
import type { AgendaItem } from '~/core/model';
import type { TallyData } from './types';
import type { ItemText } from './use-item-text';
import styles from './workshop.module.css';

/** Scale positions from the first element extremely more (8) down to the second extremely more (-8). */
const POSITIONS_TOP_DOWN = Array.from({ length: 17 }, (_, k) => 8 - k);

/**
 * How many chose each answer: one bar per scale position (or rating intensity), each with its verbal label and
 * its count printed as a number, the position nearest the group value marked in words. Ordered like the phone's
 * scale, the first element's side on top, so the room reads the projector the way it answered.
 */
export function TallyChart({
  item,
  tally,
  text,
  size = 'normal',
}: {
  item: AgendaItem;
  tally: TallyData;
  text: ItemText;
  size?: 'normal' | 'large';
}) {
  const t = useTranslations('workshop.tally');
  const tRating = useTranslations('common.rating');
  const rows =
    tally.kind === 'pair'
      ? POSITIONS_TOP_DOWN.map((position) => ({
          key: String(position),
          label: text.positionLabel(item, position),
          spoken: text.positionSentence(item, position),
          count: tally.counts.find((entry) => entry.position === position)?.count ?? 0,
          side: position > 0 ? 'a' : position < 0 ? 'b' : 'equal',
          isGroup: tally.groupValue?.position === position,
        }))
      : [...RATING_INTENSITIES].reverse().map((intensity) => ({
          key: intensity.key,
          label: tRating(intensity.key),
          spoken: tRating(intensity.key),
          count: tally.counts.find((entry) => entry.intensity === intensity.key)?.count ?? 0,
          side: 'equal',
          isGroup: tally.groupValue?.intensity === intensity.key,
        }));
  const max = Math.max(1, ...rows.map((row) => row.count));
  const list = (subset: typeof rows) => (
    <ul className={styles.tallyRows}>
      {subset.map((row) => (
        <li key={row.key} data-side={row.side} data-group={row.isGroup || undefined}>
          <span className={styles.tallyLabel}>
            <span aria-hidden="true">{row.label}</span>
            <span className="visually-hidden">{row.spoken}</span>
            {row.isGroup ? <span className={styles.groupMark}>{t('groupMark')}</span> : null}
          </span>
          <span className={styles.tallyBar} aria-hidden="true">
            <span style={{ width: `${(row.count / max) * 100}%` }} />
          </span>
          <span className={styles.tallyCount}>
            {row.count}
            <span className="visually-hidden"> {t('answers', { count: row.count })}</span>
          </span>
        </li>
      ))}
    </ul>
  );
  return (
    <figure className={styles.tally} data-size={size}>
      <figcaption className="visually-hidden">{t('caption', { answered: tally.answered })}</figcaption>
      {tally.kind === 'pair' ? (
        <>
          <p className={styles.tallySide} data-side="a">
            {text.sideHeading(item, 'a')}
          </p>
          {list(rows.slice(0, 8))}
          {list(rows.slice(8, 9))}
          {list(rows.slice(9))}
          <p className={styles.tallySide} data-side="b">
            {text.sideHeading(item, 'b')}
          </p>
        </>
      ) : (
        list(rows)
      )}
    </figure>
  );
}
