import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { callerFor, describeOnEveryEngine } from './harness';
import { createRoom } from './fixtures/workshop';

const fromBase64 = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

describeOnEveryEngine('anonymous mode', (database) => {
  const db = () => database().handle.db;

  it('hides every name the facilitator reads (dashboard, live state, list, history, each export) and keeps the groups', async () => {
    const { sessionId, facilitator, participants } = await createRoom(db(), { count: 2 });
    const [first, second] = participants;
    await facilitator.workshop.setMode({ sessionId, mode: 'live' });
    const item = (await facilitator.workshop.live({ sessionId })).current!;
    if (item.kind !== 'pair') throw new Error('the blank model asks pairs only');
    await first!.caller.judgment.save({ sessionId, nodeKey: item.nodeKey, a: item.a, b: item.b, position: 2 });
    await first!.caller.judgment.saveComment({ sessionId, nodeKey: item.nodeKey, a: item.a, b: item.b, text: 'Growth first' });
    const groups = (await facilitator.participant.list({ sessionId })).map((p) => p.stakeholderGroup);
    const { version } = await facilitator.session.get({ sessionId });
    await facilitator.session.update({ sessionId, expectedVersion: version, participantNames: 'hidden' });

    const list = await facilitator.participant.list({ sessionId });
    expect(list.map((p) => p.displayName)).toEqual(['Participant 1', 'Participant 2']);
    expect(list.map((p) => p.stakeholderGroup)).toEqual(groups);
    const live = await facilitator.workshop.live({ sessionId });
    expect(live.waitingFor).toEqual([expect.objectContaining({ participantId: second!.participantId, displayName: 'Participant 2' })]);
    const csv = unzipSync(fromBase64((await facilitator.export.file({ sessionId, format: 'csv' })).base64));
    const seen = [
      list,
      live,
      await facilitator.workshop.dashboard({ sessionId }),
      await facilitator.judgment.comments({ sessionId }),
      await facilitator.session.get({ sessionId }),
      await facilitator.session.history({ sessionId }),
      await facilitator.session.export({ sessionId }),
      await facilitator.export.tables({ sessionId }),
      Object.values(csv).map((file) => strFromU8(file)),
      strFromU8(fromBase64((await facilitator.export.file({ sessionId, format: 'json' })).base64)),
    ];
    // The joined names were "Voter 1" and "Voter 2": none of the facilitator's reads may carry them.
    for (const what of seen) expect(JSON.stringify(what)).not.toContain('Voter');
    expect(strFromU8(csv['02-participants.csv']!)).toContain('Participant 2');

    // Each participant still sees their own name.
    expect((await first!.caller.participant.me({ sessionId })).participant.displayName).toBe('Voter 1');

    const again = await facilitator.session.get({ sessionId });
    expect(again.settings.participantNames).toBe('hidden');
    await facilitator.session.update({ sessionId, expectedVersion: again.version, participantNames: 'shown' });
    expect((await facilitator.participant.list({ sessionId })).map((p) => p.displayName)).toEqual(['Voter 1', 'Voter 2']);
  });

  it('says "Participant N" in the session’s language', async () => {
    const created = await callerFor(db()).session.create({ title: 'Anonim', modelKey: 'blank', locale: 'az', participantNames: 'hidden' });
    const invite = callerFor(db(), created.invite.token);
    await invite.participant.join({ sessionId: created.sessionId, displayName: 'Günel', stakeholderGroup: 'finance' });
    const list = await callerFor(db(), created.facilitator.token).participant.list({ sessionId: created.sessionId });
    expect(list.map((p) => p.displayName)).toEqual(['İştirakçı 1']);
  });
});
