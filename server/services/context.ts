import type { Db } from '~/db/client';
import type { EventBus } from '~/server/events/bus';

/** `events` tells live views about a write, after its transaction has committed (see server/events/bus.ts). */
export type ServiceContext = { db: Db; events: EventBus };

export type FacilitatorAccess = { role: 'facilitator'; sessionId: string };
export type ParticipantAccess = { role: 'participant'; sessionId: string; participantId: string };
/** Holds the invite link but has not joined: may read the session summary and join, nothing else. */
export type InviteAccess = { role: 'invite'; sessionId: string };
export type SessionAccess = FacilitatorAccess | ParticipantAccess | InviteAccess;
export type AccessRole = SessionAccess['role'];

export type AccessContext<A extends SessionAccess = SessionAccess> = ServiceContext & { access: A };
export type FacilitatorContext = AccessContext<FacilitatorAccess>;
export type ParticipantContext = AccessContext<ParticipantAccess>;

/** Every service has this shape, so routers stay one line and tests can call services the same way. */
export type ServiceArgs<C, I> = { ctx: C; input: I };
