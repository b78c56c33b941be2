/**
 * Workshop load benchmark: `npm run bench:workshop` (tsx bench/workshop.bench.ts), against the PRODUCTION build on
 * PostgreSQL and on PGlite, with the rate limits on and every client on one address (127.0.0.1, as a venue's phones
 * behind its NAT).
 *
 * The build lives in .next-bench (NEXT_DIST_DIR), not .next, so it never disturbs anyone's `next dev` or build;
 * it is made when missing or older than the sources, and reused otherwise (`--dist-dir <folder>` serves another
 * build as it is, to measure an older version). Each scenario gets a fresh database: on PostgreSQL a database on
 * the server TEST_DATABASE_URL points at (default postgres://postgres@127.0.0.1:5432/test; the role needs
 * CREATEDB), on PGlite a folder of its own in the temp folder; migrated and seeded by db/setup.ts, removed at the end.
 *
 * Two scenarios (`--scenarios questionnaire,phones`, `--engines postgres,pglite`):
 *
 * The questionnaire (one app instance, then two on one PostgreSQL database behind two loopback ports; PGlite, whose
 * folder one process holds, runs one):
 *   - a facilitator creates a session from the default model (ratings scoring) over HTTP, opens it and its room;
 *   - 3 dashboards follow the room's event stream (SSE) and re-read `workshop.dashboard` with the facilitator's
 *     link on each event, one read at a time and one more after a burst, as the dashboard page does;
 *   - 200 participants join within the first 8 s (4 in 5 by room code, the rest by invite link), read the model,
 *     and save a full questionnaire one answer at a time (15 judgments of the criteria, then 18 ratings) at
 *     human-like random intervals (log-normal think times, seeded, counted from the previous acknowledgment)
 *     that end between 50 and 60 s when saves are quick;
 *   - with two instances, participants and dashboards alternate between them.
 * It prints the save latency (p50/p95/p99, measured by the client around each call), answers saved (rows in the
 * database; on PGlite the facilitator's dashboard count) against sent and acknowledged, and how long after the last
 * acknowledged save each dashboard received a dashboard that counts every answer. Targets: p95 < 50 ms, nothing
 * lost, dashboards current within 1 s.
 *
 * The venue room (bench/room-phones.ts): 300 phones join by room code within 10 s, making the UI's calls, and
 * answer the pair on the projector. Targets: everyone in, join p95 < 1 s, save p95 < 200 ms, projector right
 * within 1 s of the last answer.
 *
 * A benchmark reports: it exits 0 on a missed target and 1 only if it crashes.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createRng, ratioToNearestPosition } from '~/core';
import type { RatingIntensity } from '~/core/contracts/ratings';
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '~/core/contracts/session';
import { env } from '~/server/env.js';
import { type ApiClient, createApiClient, errorCodeOf } from './support/api-client';
import { type AppServer, ensureProductionBuild, setUpDatabase, startAppServer } from './support/app-server';
import { createScratchPostgres } from './support/scratch-postgres';
import { PHONES, PHONE_JOIN_WINDOW_MS, type PhoneResult, runPhoneScenario } from './room-phones';

/**
 * The defaults are the benchmark; the options are for profiling one part, e.g.
 * `npm run bench:workshop -- --instances 1 --dashboards 0`.
 */
const { values: options } = parseArgs({
  options: {
    participants: { type: 'string', default: '200' },
    dashboards: { type: 'string', default: '3' },
    instances: { type: 'string', default: '1,2' },
    /** `questionnaire` (the 200-participant run), `phones` (the 300-phone venue room), or both. */
    scenarios: { type: 'string', default: 'questionnaire,phones' },
    /** PGlite runs one instance (one process holds its folder). */
    engines: { type: 'string', default: 'postgres,pglite' },
    /** Serve the build in this folder as it is (to measure an older build); otherwise .next-bench, built if stale. */
    'dist-dir': { type: 'string' },
  },
});
const PARTICIPANTS = Number(options.participants);
const DASHBOARDS = Number(options.dashboards);
const INSTANCE_COUNTS = options.instances.split(',').map(Number);
const SCENARIOS = new Set(options.scenarios.split(','));
type Engine = 'postgres' | 'pglite';
const ENGINES = options.engines.split(',') as Engine[];
const JOIN_WINDOW_MS = 8_000;
/** Every participant's last answer falls in this span of the load window (ms after the start). */
const LAST_ANSWER_MS = [50_000, 60_000] as const;
const MIN_THINK_MS = 250;
const SEED = 5;
const DIST_DIR = options['dist-dir'] ?? '.next-bench';
const ADMIN_URL = env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TARGET_P95_MS = 50;
const TARGET_FRESH_MS = 1000;
/** How long to wait for dashboards to show the final result before calling it a miss. */
const FRESH_TIMEOUT_MS = 30_000;
/** The answer budget of server/routers/judgment.ts: the plan must stay well inside it. */
const ANSWER_LIMIT = { calls: 30, windowMs: 10_000 };
/** Events that change only the live panel (app/s/[sessionId]/dashboard/_components/use-dashboard-data.ts). */
const LIVE_ONLY_KINDS = new Set(['item.changed', 'item.revealed', 'item.hidden', 'mode.changed']);
const TOP_DISAGREEMENTS = 5;
const INTENSITIES: RatingIntensity[] = ['low', 'moderate', 'high', 'very-high'];

type Answer =
  | { kind: 'judgment'; at: number; input: { nodeKey: string; a: string; b: string; position: number } }
  | { kind: 'rating'; at: number; input: { criterionKey: string; alternativeKey: string; intensity: RatingIntensity } };

type ParticipantPlan = {
  index: number;
  displayName: string;
  stakeholderGroup: StakeholderGroup;
  via: 'room-code' | 'invite';
  joinAt: number;
  answers: Answer[];
};

type Model = { criteria: string[]; alternatives: string[] };

/**
 * The same plan for every scenario (seeded): who joins when and how, what each answers and when. Judgments come
 * from a participant's own importance of the criteria with some noise, so they are realistic (mostly consistent,
 * not identical); ratings avoid "none", which would leave a participant out of the result.
 */
function planParticipants(model: Model): ParticipantPlan[] {
  const rng = createRng(SEED);
  const between = (low: number, high: number) => low + rng.next() * (high - low);
  return Array.from({ length: PARTICIPANTS }, (_, index) => {
    const importance = model.criteria.map(() => Math.exp(rng.normal() * 0.7));
    const items: Array<Omit<Answer, 'at'>> = [];
    for (let i = 0; i < model.criteria.length; i++) {
      for (let j = i + 1; j < model.criteria.length; j++) {
        const ratio = (importance[i]! / importance[j]!) * Math.exp(rng.normal() * 0.3);
        items.push({
          kind: 'judgment',
          input: { nodeKey: 'goal', a: model.criteria[i]!, b: model.criteria[j]!, position: ratioToNearestPosition(ratio) },
        });
      }
    }
    for (const criterionKey of model.criteria) {
      for (const alternativeKey of model.alternatives) {
        items.push({ kind: 'rating', input: { criterionKey, alternativeKey, intensity: INTENSITIES[Math.floor(rng.next() * 4)]! } });
      }
    }
    const joinAt = between(0, JOIN_WINDOW_MS);
    const firstAt = joinAt + between(2_000, 5_000);
    const lastAt = between(...LAST_ANSWER_MS);
    // Think times: log-normal (most answers take a second or two, a few take much longer), scaled to the span.
    const thinks = items.slice(1).map(() => Math.exp(rng.normal() * 0.6));
    const scale = (lastAt - firstAt) / thinks.reduce((sum, t) => sum + t, 0);
    let at = firstAt;
    const answers = items.map((item, n) => {
      if (n > 0) at += Math.max(MIN_THINK_MS, thinks[n - 1]! * scale);
      return { ...item, at } as Answer;
    });
    return {
      index,
      displayName: `Participant ${index + 1}`,
      stakeholderGroup: STAKEHOLDER_GROUPS[index % STAKEHOLDER_GROUPS.length]!,
      via: index % 5 === 4 ? 'invite' : 'room-code',
      joinAt,
      answers,
    };
  });
}

/** The most answers one participant sends in any window of the rate limit's length. */
function busiestWindow(plans: ParticipantPlan[]): number {
  let most = 0;
  for (const plan of plans) {
    const times = plan.answers.map((a) => a.at);
    let start = 0;
    for (let end = 0; end < times.length; end++) {
      while (times[end]! - times[start]! >= ANSWER_LIMIT.windowMs) start += 1;
      most = Math.max(most, end - start + 1);
    }
  }
  return most;
}

/** Clock ticks per second of /proc (getconf CLK_TCK; 100 on Linux). */
const CLOCK_TICKS = 100;

function procTimes(pid: number | 'self' = 'self'): number[] {
  try {
    // Fields after "(comm) ": state ppid ... utime(11) stime(12) cutime(13) cstime(14), in clock ticks.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(') ') + 2).split(' ').map(Number);
  } catch {
    return [];
  }
}

type CpuSample = { appMs: number; postgresMs: number; clientMs: number; busyMs: number; wallMs: number };

/**
 * CPU time so far (Linux /proc): the app instances, every PostgreSQL process (the postmaster's reaped children
 * included), this process, and the whole machine; the difference of two samples says where a run's CPU went,
 * and how much other work on the machine took.
 */
function sampleCpu(servers: AppServer[]): CpuSample {
  const ticksToMs = (ticks: number) => (ticks * 1000) / CLOCK_TICKS;
  const appMs = servers.reduce((sum, server) => {
    const f = procTimes(server.pid);
    return sum + ticksToMs((f[11] ?? 0) + (f[12] ?? 0));
  }, 0);
  let postgresTicks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let comm: string;
    try {
      comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm !== 'postgres') continue;
    const f = procTimes(Number(entry));
    postgresTicks += (f[11] ?? 0) + (f[12] ?? 0) + (f[1] === 1 ? (f[13] ?? 0) + (f[14] ?? 0) : 0);
  }
  const usage = process.cpuUsage();
  const machine = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (machine[3] ?? 0) + (machine[4] ?? 0);
  return {
    appMs,
    postgresMs: ticksToMs(postgresTicks),
    clientMs: (usage.user + usage.system) / 1000,
    busyMs: ticksToMs(machine.slice(0, 8).reduce((a, b) => a + b, 0) - idle),
    wallMs: performance.now(),
  };
}

const sleepUntil = (at: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

type Metrics = {
  joinLatencies: number[];
  joinsSent: number;
  joinErrors: Map<string, number>;
  saveLatencies: number[];
  sent: number;
  acknowledged: number;
  saveErrors: Map<string, number>;
  lastAckAt: number;
};

const countError = (errors: Map<string, number>, error: unknown) => {
  const code = errorCodeOf(error);
  errors.set(code, (errors.get(code) ?? 0) + 1);
};

type Room = { sessionId: string; roomCode: string; inviteToken: string; facilitatorToken: string };

/** One phone: join (the join screen looks the room up first), read the model, then answer as planned. */
async function runParticipant(plan: ParticipantPlan, server: AppServer, room: Room, startedAt: number, metrics: Metrics): Promise<void> {
  const anonymous = createApiClient(server.baseUrl);
  await sleepUntil(startedAt + plan.joinAt);
  const who = { displayName: plan.displayName, stakeholderGroup: plan.stakeholderGroup };
  let token: string;
  metrics.joinsSent += 1;
  const joinStarted = performance.now();
  try {
    if (plan.via === 'room-code') {
      await anonymous.workshop.room.query({ roomCode: room.roomCode });
      token = (await anonymous.workshop.joinByCode.mutate({ roomCode: room.roomCode, ...who })).token;
    } else {
      token = (await createApiClient(server.baseUrl, room.inviteToken).participant.join.mutate({ sessionId: room.sessionId, ...who })).token;
    }
    metrics.joinLatencies.push(performance.now() - joinStarted);
  } catch (error) {
    countError(metrics.joinErrors, error);
    return;
  }
  const phone = createApiClient(server.baseUrl, token);
  await phone.session.get.query({ sessionId: room.sessionId });
  await phone.participant.me.query({ sessionId: room.sessionId });
  let previous: Answer | null = null;
  for (const answer of plan.answers) {
    // A person reads the next question once the last one is saved: think times count from the acknowledgment, so
    // a slow server stretches the run instead of making the phone catch up in a burst the answer limit refuses.
    if (previous) await new Promise((resolve) => setTimeout(resolve, answer.at - previous!.at));
    else await sleepUntil(startedAt + answer.at);
    previous = answer;
    metrics.sent += 1;
    const started = performance.now();
    try {
      if (answer.kind === 'judgment') await phone.judgment.save.mutate({ sessionId: room.sessionId, ...answer.input });
      else await phone.judgment.saveRating.mutate({ sessionId: room.sessionId, ...answer.input });
      const ended = performance.now();
      metrics.saveLatencies.push(ended - started);
      metrics.acknowledged += 1;
      metrics.lastAckAt = Math.max(metrics.lastAckAt, ended);
    } catch (error) {
      countError(metrics.saveErrors, error);
    }
  }
}

type DashboardRead = { startedAt: number; endedAt: number; answersCounted: number; included: number };

/**
 * A facilitator's dashboard: follows the public room stream and re-reads `workshop.dashboard` with the
 * facilitator's link when an event changes what it shows, never two reads at once (a burst during a read asks
 * for one more after it), as useDashboardData does in the browser.
 */
class Dashboard {
  readonly reads: DashboardRead[] = [];
  events = 0;
  finalAt: number | null = null;
  private isReading = false;
  private isAgain = false;
  private readonly facilitator: ApiClient;
  private readonly stream: ApiClient;
  private subscription: { unsubscribe(): void } | null = null;
  private onFinal: (() => void) | null = null;

  constructor(
    readonly server: AppServer,
    private readonly room: Room,
    private readonly expectedAnswers: number,
  ) {
    this.facilitator = createApiClient(server.baseUrl, room.facilitatorToken);
    this.stream = createApiClient(server.baseUrl);
  }

  /** Resolves after the first read, with the stream open. */
  async open(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.subscription = this.stream.workshop.roomEvents.subscribe(
        { roomCode: this.room.roomCode },
        {
          onStarted: () => resolve(),
          onData: (envelope) => {
            this.events += 1;
            if (envelope.data.kinds.some((kind) => !LIVE_ONLY_KINDS.has(kind))) void this.refresh();
          },
          onError: (error) => reject(error),
        },
      );
    });
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    if (this.isReading) {
      this.isAgain = true;
      return;
    }
    this.isReading = true;
    try {
      do {
        this.isAgain = false;
        const startedAt = performance.now();
        const view = await this.facilitator.workshop.dashboard.query({ sessionId: this.room.sessionId, topDisagreements: TOP_DISAGREEMENTS });
        const endedAt = performance.now();
        const answersCounted = view.participants.reduce((sum, p) => sum + p.progress.answered, 0);
        const included = view.group?.coverage.included.length ?? 0;
        this.reads.push({ startedAt, endedAt, answersCounted, included });
        if (this.finalAt === null && answersCounted === this.expectedAnswers && included === PARTICIPANTS) {
          this.finalAt = endedAt;
          this.onFinal?.();
        }
      } while (this.isAgain);
    } finally {
      this.isReading = false;
    }
  }

  /** Resolves once a read counted every answer, or after `timeoutMs`. */
  waitForFinal(timeoutMs: number): Promise<void> {
    if (this.finalAt !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.onFinal = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  close(): void {
    this.subscription?.unsubscribe();
  }
}

type ScenarioResult = {
  engine: Engine;
  instances: number;
  plannedAnswers: number;
  busiestWindow: number;
  metrics: Metrics;
  rowsSaved: number;
  participantsSaved: number;
  loadSeconds: number;
  dashboards: Array<{ instance: number; freshnessMs: number | null; reads: number; readP50: number; readP95: number; events: number }>;
  load: [number, number];
  cpu: CpuSample;
};

async function readModel(facilitator: ApiClient, sessionId: string): Promise<Model> {
  const session = await facilitator.session.get.query({ sessionId });
  const criteria = session.model.criteria.map((c) => c.key);
  const alternatives = session.model.alternatives.map((a) => a.key);
  if (session.model.criteria.some((c) => c.children.length > 0)) throw new Error('the default model has sub-criteria; this benchmark expects a flat one');
  return { criteria, alternatives };
}

/** A throwaway session answered once through every instance, so the timed run meets warm route handlers and pools. */
async function warmUp(servers: AppServer[]): Promise<void> {
  for (const server of servers) {
    const anonymous = createApiClient(server.baseUrl);
    const created = await anonymous.session.create.mutate({ title: 'Warm-up', alternativeScoring: 'ratings' });
    const facilitator = createApiClient(server.baseUrl, created.facilitator.token);
    await facilitator.session.open.mutate({ sessionId: created.sessionId });
    const live = await facilitator.workshop.openRoom.mutate({ sessionId: created.sessionId });
    const model = await readModel(facilitator, created.sessionId);
    await anonymous.workshop.room.query({ roomCode: live.roomCode! });
    const joined = await anonymous.workshop.joinByCode.mutate({ roomCode: live.roomCode!, displayName: 'Warm-up', stakeholderGroup: 'finance' });
    const phone = createApiClient(server.baseUrl, joined.token);
    const [a, b] = model.criteria;
    for (let i = 0; i < 5; i++) {
      await phone.judgment.save.mutate({ sessionId: created.sessionId, nodeKey: 'goal', a: a!, b: b!, position: i });
      await phone.judgment.saveRating.mutate({ sessionId: created.sessionId, criterionKey: a!, alternativeKey: model.alternatives[0]!, intensity: 'high' });
    }
    await facilitator.workshop.dashboard.query({ sessionId: created.sessionId, topDisagreements: TOP_DISAGREEMENTS });
  }
}

type ScratchDatabase = { engine: Engine; url: string; drop(): Promise<void> };

/** A fresh database per scenario: a scratch PostgreSQL database, or a PGlite folder of its own in the temp folder. */
async function scratchDatabase(engine: Engine): Promise<ScratchDatabase> {
  if (engine === 'postgres') return { engine, ...(await createScratchPostgres(ADMIN_URL, { prefix: 'clusterwise_bench' })) };
  const folder = mkdtempSync(join(tmpdir(), 'clusterwise-bench-pglite-'));
  return { engine, url: join(folder, 'data'), drop: async () => rmSync(folder, { recursive: true, force: true }) };
}

/** The app's environment for a scenario: its database, and the rate limits on, as they are part of the system under test. */
const appEnvFor = (database: ScratchDatabase): NodeJS.ProcessEnv => ({ ...process.env, DATABASE_URL: database.url, RATE_LIMITS: 'on' });

/**
 * Answers and participants stored: counted in the database on PostgreSQL; on PGlite (whose folder the app holds)
 * from a facilitator's dashboard read, whose progress counts each participant's answers of the round.
 */
async function countSaved(database: ScratchDatabase, facilitator: ApiClient, sessionId: string): Promise<{ rows: number; participants: number }> {
  if (database.engine === 'pglite') {
    const view = await facilitator.workshop.dashboard.query({ sessionId, topDisagreements: TOP_DISAGREEMENTS });
    return { rows: view.participants.reduce((sum, p) => sum + p.progress.answered, 0), participants: view.participants.length };
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const counted = await client.query<{ judgments: string; ratings: string; participants: string }>(
      `select (select count(*) from judgments where session_id = $1) as judgments,
              (select count(*) from ratings where session_id = $1) as ratings,
              (select count(*) from participants where session_id = $1) as participants`,
      [sessionId],
    );
    const row = counted.rows[0]!;
    return { rows: Number(row.judgments) + Number(row.ratings), participants: Number(row.participants) };
  } finally {
    await client.end();
  }
}

async function runScenario(engine: Engine, instances: number): Promise<ScenarioResult> {
  const database = await scratchDatabase(engine);
  const servers: AppServer[] = [];
  const dashboards: Dashboard[] = [];
  try {
    const appEnv = appEnvFor(database);
    await setUpDatabase(appEnv);
    for (let i = 0; i < instances; i++) servers.push(await startAppServer({ env: appEnv, distDir: DIST_DIR }));
    await warmUp(servers);

    const first = servers[0]!;
    const created = await createApiClient(first.baseUrl).session.create.mutate({
      title: 'Workshop load benchmark',
      question: 'Which regulation strategy should the cluster follow?',
      alternativeScoring: 'ratings',
    });
    const facilitator = createApiClient(first.baseUrl, created.facilitator.token);
    await facilitator.session.open.mutate({ sessionId: created.sessionId });
    const live = await facilitator.workshop.openRoom.mutate({ sessionId: created.sessionId });
    if (!live.roomCode) throw new Error('opening the room gave no room code');
    const room: Room = {
      sessionId: created.sessionId,
      roomCode: live.roomCode,
      inviteToken: created.invite.token,
      facilitatorToken: created.facilitator.token,
    };
    const model = await readModel(facilitator, created.sessionId);
    const pairs = (model.criteria.length * (model.criteria.length - 1)) / 2;
    if (pairs !== 15) throw new Error(`the default model has ${model.criteria.length} criteria (${pairs} judgments), not 6 (15)`);
    const plans = planParticipants(model);
    const perParticipant = plans[0]!.answers.length;

    for (let i = 0; i < DASHBOARDS; i++) dashboards.push(new Dashboard(servers[i % servers.length]!, room, PARTICIPANTS * perParticipant));
    await Promise.all(dashboards.map((d) => d.open()));

    const metrics: Metrics = {
      joinLatencies: [],
      joinsSent: 0,
      joinErrors: new Map(),
      saveLatencies: [],
      sent: 0,
      acknowledged: 0,
      saveErrors: new Map(),
      lastAckAt: 0,
    };
    const cpuBefore = sampleCpu(servers);
    const startedAt = performance.now();
    await Promise.all(plans.map((plan) => runParticipant(plan, servers[plan.index % servers.length]!, room, startedAt, metrics)));
    const loadSeconds = (performance.now() - startedAt) / 1000;
    await Promise.all(dashboards.map((d) => d.waitForFinal(FRESH_TIMEOUT_MS)));
    const cpuAfter = sampleCpu(servers);
    const load = loadavg() as [number, number, number];

    const { rows: rowsSaved, participants: participantsSaved } = await countSaved(database, facilitator, room.sessionId);

    return {
      engine,
      instances,
      plannedAnswers: PARTICIPANTS * perParticipant,
      busiestWindow: busiestWindow(plans),
      metrics,
      rowsSaved,
      participantsSaved,
      loadSeconds,
      dashboards: dashboards.map((d) => {
        const durations = d.reads.map((r) => r.endedAt - r.startedAt);
        return {
          instance: servers.indexOf(d.server) + 1,
          freshnessMs: d.finalAt === null ? null : d.finalAt - metrics.lastAckAt,
          reads: d.reads.length,
          readP50: percentile(durations, 50),
          readP95: percentile(durations, 95),
          events: d.events,
        };
      }),
      load: [load[0], load[1]],
      cpu: {
        appMs: cpuAfter.appMs - cpuBefore.appMs,
        postgresMs: cpuAfter.postgresMs - cpuBefore.postgresMs,
        clientMs: cpuAfter.clientMs - cpuBefore.clientMs,
        busyMs: cpuAfter.busyMs - cpuBefore.busyMs,
        wallMs: cpuAfter.wallMs - cpuBefore.wallMs,
      },
    };
  } finally {
    for (const dashboard of dashboards) dashboard.close();
    for (const server of servers) await server.stop();
    await database.drop();
  }
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
const verdict = (isMet: boolean) => (isMet ? 'PASS' : 'MISS');
const describeErrors = (errors: Map<string, number>) =>
  errors.size === 0 ? 'none' : [...errors].map(([code, n]) => `${n} ${code}`).join(', ');

function report(results: ScenarioResult[]): void {
  const columns = results.map((r) => `${ENGINE_NAMES[r.engine]}, ${r.instances} instance${r.instances === 1 ? '' : 's'}`);
  const rows: Array<[string, string, ...string[]]> = [];
  const add = (label: string, target: string, cells: string[]) => rows.push([label, target, ...cells]);

  add('save latency p50', '', results.map((r) => ms(percentile(r.metrics.saveLatencies, 50))));
  add(
    'save latency p95',
    `< ${TARGET_P95_MS} ms`,
    results.map((r) => {
      const p95 = percentile(r.metrics.saveLatencies, 95);
      return `${ms(p95)}  ${verdict(p95 < TARGET_P95_MS)} (${(p95 / TARGET_P95_MS).toFixed(2)}x target)`;
    }),
  );
  add('save latency p99', '', results.map((r) => ms(percentile(r.metrics.saveLatencies, 99))));
  add('save latency max', '', results.map((r) => ms(Math.max(...r.metrics.saveLatencies))));
  add(
    'answers saved / sent',
    'equal',
    results.map((r) => `${r.rowsSaved} / ${r.metrics.sent}  ${verdict(r.rowsSaved === r.metrics.sent && r.metrics.sent === r.plannedAnswers)}`),
  );
  add('acknowledged', '', results.map((r) => `${r.metrics.acknowledged} of ${r.plannedAnswers} planned`));
  add('saves refused', '', results.map((r) => describeErrors(r.metrics.saveErrors)));
  add(
    'joins',
    '',
    results.map(
      (r) => `${r.metrics.joinLatencies.length} / ${r.metrics.joinsSent} (${r.participantsSaved} in db), p95 ${ms(percentile(r.metrics.joinLatencies, 95))}`,
    ),
  );
  add('joins refused', '', results.map((r) => describeErrors(r.metrics.joinErrors)));
  add(
    'dashboards current after last save',
    `< ${TARGET_FRESH_MS} ms`,
    results.map((r) => {
      if (r.dashboards.length === 0) return 'no dashboards';
      const fresh = r.dashboards.map((d) => d.freshnessMs);
      const worst = fresh.some((f) => f === null) ? null : Math.max(...(fresh as number[]));
      const each = fresh.map((f) => (f === null ? `not in ${FRESH_TIMEOUT_MS / 1000} s` : f.toFixed(0))).join(', ');
      return worst === null
        ? `MISS (${each})`
        : `max ${worst.toFixed(0)} ms  ${verdict(worst < TARGET_FRESH_MS)} (${(worst / TARGET_FRESH_MS).toFixed(2)}x target; ${each})`;
    }),
  );
  add(
    'dashboard reads',
    '',
    results.map((r) =>
      r.dashboards.map((d) => `#${d.instance}: ${d.reads} reads p50 ${d.readP50.toFixed(0)}/p95 ${d.readP95.toFixed(0)} ms, ${d.events} events`).join('; '),
    ),
  );
  add('load window', '', results.map((r) => `${r.loadSeconds.toFixed(1)} s, busiest 10 s of a phone: ${r.busiestWindow} answers (limit ${ANSWER_LIMIT.calls})`));
  add(
    'CPU time during the load',
    '',
    results.map((r) => {
      const { appMs, postgresMs, clientMs, busyMs, wallMs } = r.cpu;
      const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
      const others = Math.max(0, busyMs - appMs - postgresMs - clientMs);
      return `app ${seconds(appMs)} (${(appMs / r.metrics.acknowledged).toFixed(1)} ms per save, joins and dashboards included), PostgreSQL ${seconds(postgresMs)}, client ${seconds(clientMs)}, other processes ${seconds(others)}; of ${cpus().length} x ${seconds(wallMs)}`;
    }),
  );
  add('machine load average', '', results.map((r) => `${r.load[0].toFixed(1)} (1 min), ${r.load[1].toFixed(1)} (5 min)`));

  printTable(columns, rows);
  const one = results.find((r) => r.engine === 'postgres' && r.instances === 1);
  const two = results.find((r) => r.engine === 'postgres' && r.instances === 2);
  if (one && two) {
    const ratio = percentile(two.metrics.saveLatencies, 95) / percentile(one.metrics.saveLatencies, 95);
    console.log(`\np95 save latency, 2 instances vs 1: ${ratio.toFixed(2)}x`);
  }
}

/** Rows of label, target and one cell per column, aligned. */
function printTable(columns: string[], rows: Array<[string, string, ...string[]]>): void {
  const widths = [0, 1, ...columns.map((_, i) => i + 2)].map((col) =>
    Math.max(...rows.map((row) => (row[col] ?? '').length), col === 0 ? 0 : col === 1 ? 'target'.length : columns[col - 2]!.length),
  );
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(['', 'target', ...columns]));
  for (const row of rows) console.log(line(row));
}

const ENGINE_NAMES: Record<Engine, string> = { postgres: 'PostgreSQL', pglite: 'PGlite' };
const TARGET_JOIN_P95_MS = 1000;
const TARGET_PHONE_SAVE_P95_MS = 200;

type PhoneRun = { engine: Engine; result: PhoneResult; cpu: CpuSample; load: [number, number] };

/** The 300-phone room (bench/room-phones.ts) on one app instance of `engine`, after the same warm-up. */
async function runPhones(engine: Engine): Promise<PhoneRun> {
  const database = await scratchDatabase(engine);
  let server: AppServer | null = null;
  try {
    const appEnv = appEnvFor(database);
    await setUpDatabase(appEnv);
    server = await startAppServer({ env: appEnv, distDir: DIST_DIR });
    await warmUp([server]);
    const before = sampleCpu([server]);
    const result = await runPhoneScenario(server);
    const after = sampleCpu([server]);
    const load = loadavg();
    const cpu = Object.fromEntries(Object.keys(before).map((key) => [key, after[key as keyof CpuSample] - before[key as keyof CpuSample]])) as CpuSample;
    return { engine, result, cpu, load: [load[0]!, load[1]!] };
  } finally {
    await server?.stop();
    await database.drop();
  }
}

function reportPhones(runs: PhoneRun[]): void {
  const rows: Array<[string, string, ...string[]]> = [];
  const add = (label: string, target: string, cells: string[]) => rows.push([label, target, ...cells]);
  const spread = (values: number[]) =>
    `p50 ${ms(percentile(values, 50))} / p95 ${ms(percentile(values, 95))} / p99 ${ms(percentile(values, 99))}`;
  add('phones in', `${PHONES}`, runs.map(({ result: r }) => `${r.participantsIn} of ${PHONES} (${r.metrics.joins.length} got the vote screen)  ${verdict(r.participantsIn === PHONES && r.metrics.joins.length === PHONES)}`));
  add(
    'join (tap to vote screen)',
    `p95 < ${TARGET_JOIN_P95_MS} ms`,
    runs.map(({ result: r }) => `${spread(r.metrics.joins)}  ${verdict(percentile(r.metrics.joins, 95) < TARGET_JOIN_P95_MS)}`),
  );
  add(
    'save',
    `p95 < ${TARGET_PHONE_SAVE_P95_MS} ms`,
    runs.map(({ result: r }) => `${spread(r.metrics.saves)}  ${verdict(percentile(r.metrics.saves, 95) < TARGET_PHONE_SAVE_P95_MS)}`),
  );
  add(
    'answers saved / sent',
    'equal',
    runs.map(({ result: r }) => `${r.answersSaved} / ${r.metrics.answersSent} (${r.metrics.answersAcknowledged} acknowledged)  ${verdict(r.answersSaved === r.metrics.answersSent && r.metrics.answersSent === PHONES)}`),
  );
  add(
    'projector lag after last answer',
    `< ${TARGET_FRESH_MS} ms`,
    runs.map(({ result: r }) =>
      r.projectorLagMs === null
        ? `MISS (not in 30 s; ${r.projectorEvents} events)`
        : `${r.projectorLagMs.toFixed(0)} ms  ${verdict(r.projectorLagMs < TARGET_FRESH_MS)} (${r.projectorEvents} events; public room then shows ${r.publicRoomCount})`,
    ),
  );
  add('errors', '', runs.map(({ result: r }) => describeErrors(r.metrics.errors)));
  const callNames = [...new Set(runs.flatMap(({ result: r }) => [...r.metrics.calls.keys()]))];
  for (const name of callNames) {
    add(`  ${name}`, '', runs.map(({ result: r }) => {
      const values = r.metrics.calls.get(name) ?? [];
      return values.length ? `${spread(values)} (${values.length})` : 'not called';
    }));
  }
  add('calls per phone', '', runs.map(({ result: r }) => `${([...r.metrics.calls.values()].reduce((sum, v) => sum + v.length, 0) / Math.max(1, r.participantsIn)).toFixed(1)} (state from the join: ${r.metrics.seededFromJoin})`));
  add('payloads', '', runs.map(({ result: r }) => `room ${(percentile(r.metrics.roomBytes, 50) / 1024).toFixed(1)} KB, join answer ${(percentile(r.metrics.joinBytes, 50) / 1024).toFixed(1)} KB`));
  add('load window', '', runs.map(({ result: r }) => `${r.loadSeconds.toFixed(1)} s`));
  add(
    'CPU time during the load',
    '',
    runs.map(({ cpu }) => {
      const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
      const others = Math.max(0, cpu.busyMs - cpu.appMs - cpu.postgresMs - cpu.clientMs);
      return `app ${seconds(cpu.appMs)}, PostgreSQL ${seconds(cpu.postgresMs)}, client ${seconds(cpu.clientMs)}, other ${seconds(others)}; of ${cpus().length} x ${seconds(cpu.wallMs)}`;
    }),
  );
  add('machine load average', '', runs.map(({ load }) => `${load[0].toFixed(1)} (1 min), ${load[1].toFixed(1)} (5 min)`));
  printTable(runs.map(({ engine }) => `${ENGINE_NAMES[engine]}, 1 instance`), rows);
}

async function main(): Promise<void> {
  const build = options['dist-dir'] ? 'given' : await ensureProductionBuild(DIST_DIR);
  console.log(
    `Clusterwise workshop benchmark: production build (${DIST_DIR}, ${build}), server.mjs on ${ENGINES.map((e) => ENGINE_NAMES[e]).join(' and ')}` +
      `${ENGINES.includes('postgres') ? ` (${new URL(ADMIN_URL).host})` : ''}, rate limits on, every client on one address (127.0.0.1); ${cpus().length} CPUs`,
  );
  if (SCENARIOS.has('questionnaire')) {
    console.log(
      `\nQuestionnaire: ${PARTICIPANTS} participants join within ${JOIN_WINDOW_MS / 1000} s (4 in 5 by room code, 1 in 5 by invite link) and each save 15 ` +
        `judgments and 18 ratings, one at a time, at log-normal think times ending ${LAST_ANSWER_MS[0] / 1000}-${LAST_ANSWER_MS[1] / 1000} s ` +
        `in (seed ${SEED}); ${DASHBOARDS} dashboards follow the room's event stream. PGlite runs one instance.\n`,
    );
    const results: ScenarioResult[] = [];
    for (const engine of ENGINES) {
      for (const instances of engine === 'pglite' ? [1] : INSTANCE_COUNTS) {
        console.log(`running on ${ENGINE_NAMES[engine]} with ${instances} app instance${instances === 1 ? '' : 's'}...`);
        results.push(await runScenario(engine, instances));
      }
    }
    console.log('');
    report(results);
  }
  if (SCENARIOS.has('phones')) {
    console.log(
      `\nVenue room: ${PHONES} phones join by room code within ${PHONE_JOIN_WINDOW_MS / 1000} s and answer the pair on the projector 2-6 s ` +
        `after their vote screen shows it, making the UI's calls; a projector follows the room's events.\n`,
    );
    const runs: PhoneRun[] = [];
    for (const engine of ENGINES) {
      console.log(`running on ${ENGINE_NAMES[engine]}...`);
      runs.push(await runPhones(engine));
    }
    console.log('');
    reportPhones(runs);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
