import type { Exclusion, Participation } from '~/core/model';

/** The part of a translator (next-intl's or use-intl's) these texts need, rooted at `common.participation`. */
type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * Where a participant stands in a result, in words: the one translation of the coverage codes, used by the results
 * page, the report, the dashboard and the exports alike. `nodeName` names a comparison node in the same language.
 */
export function describeParticipation(t: Translate, participation: Participation, nodeName: (key: string) => string): string {
  if (participation.isIncluded) {
    return participation.estimated.length === 0
      ? t('included')
      : t('includedEstimated', { nodes: participation.estimated.map((e) => nodeName(e.node)).join(', ') });
  }
  return describeExclusion(t, participation.exclusion, nodeName);
}

function describeExclusion(t: Translate, exclusion: Exclusion, nodeName: (key: string) => string): string {
  switch (exclusion.code) {
    case 'incomplete':
    case 'all-ratings-none':
      return t(`exclusion.${exclusion.code}`, { nodes: exclusion.nodes.map(nodeName).join(', ') });
    case 'cr-above-limit':
      return t('exclusion.cr-above-limit', { cr: exclusion.cr, node: nodeName(exclusion.node), limit: exclusion.limit });
    default:
      return t(`exclusion.${exclusion.code}`);
  }
}
