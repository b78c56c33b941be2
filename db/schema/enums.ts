import { pgEnum } from 'drizzle-orm/pg-core';
import { SESSION_STATUSES, STAKEHOLDER_GROUPS } from '../../core/contracts/session';
import { ROUND_STATUSES, WORKSHOP_MODES } from '../../core/contracts/workshop';

export const sessionStatus = pgEnum('session_status', SESSION_STATUSES);
export const stakeholderGroup = pgEnum('stakeholder_group', STAKEHOLDER_GROUPS);
/** facilitator: the whole session; invite: joining only; participant: one participant's own answers. */
export const accessRole = pgEnum('access_role', ['facilitator', 'invite', 'participant']);
export const resultScope = pgEnum('result_scope', ['group', 'individual']);
export const measureOrigin = pgEnum('measure_origin', ['catalogue', 'custom']);
export const workshopMode = pgEnum('workshop_mode', WORKSHOP_MODES);
export const roundStatus = pgEnum('round_status', ROUND_STATUSES);
