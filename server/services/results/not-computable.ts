import 'server-only';
import type { Coverage, Exclusion } from '~/core/model';

/** An exclusion in English, for API error messages and logs; screens and exports translate the code themselves. */
export function describeExclusion(exclusion: Exclusion): string {
  switch (exclusion.code) {
    case 'left-out-by-facilitator':
      return 'left out by the facilitator';
    case 'weight-zero':
      return "weight 0 (theirs or their stakeholder group's)";
    case 'incomplete':
      return `not enough answers under ${exclusion.nodes.join(', ')} (every element must be linked by judgments, or every strategy rated)`;
    case 'all-ratings-none':
      return `every strategy is rated "none" under ${exclusion.nodes.join(', ')}, which gives no priorities`;
    case 'cr-above-limit':
      return `CR ${exclusion.cr.toFixed(3)} on ${exclusion.node} is above the limit ${exclusion.limit}`;
    case 'joined-after-result':
      return 'joined after the result was computed';
  }
}

/** Why a group has no result: nobody joined, or what keeps each of them out. */
export function groupNotComputableMessage(coverage: Coverage): string {
  if (coverage.excluded.length === 0) return 'Nobody has joined yet.';
  if (coverage.excluded.every((entry) => entry.exclusion.code === 'cr-above-limit')) {
    return `Every participant's consistency ratio is above the session's limit (${coverage.excluded.length} joined).`;
  }
  return `No included participant has answered enough yet (${coverage.excluded.length} joined).`;
}
