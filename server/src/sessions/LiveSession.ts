import {
  RECONNECT_GRACE_MS,
  SYSTEM,
  maySendChat,
  nextBreakoutTick,
  nextBreakTick,
  newSession,
  reduce,
  viewFor,
  viewsAt,
  type Actor,
  type Command,
  type Effect,
  type ServerEventName,
  type ServerEventPayload,
  type SessionError,
  type SessionState,
} from '@hearth/shared';
import { RateLimitedError } from '../errors.js';
import type { Logger } from '../logger.js';
import { SerialQueue } from '../lib/SerialQueue.js';
import { withJson } from '../lib/rawJson.js';
import { attendanceChanges, reconcileAttendance } from '../records/attendance.js';
import type { AttendanceLog, PairHistory } from '../store/SessionLog.js';
import type { AuditLog } from '../store/AuditLog.js';
import type { SessionStateStore } from '../store/SessionStateStore.js';
import { viewJsonWriter, viewPatch, type ViewParts } from './viewJson.js';

/** One member's connection, as the session sees it. */
export type MemberLink = {
  send: <K extends ServerEventName>(event: K, payload: ServerEventPayload<K>) => void;
  /** Tells the member why, then closes the connection. */
  close: (reason: ServerEventPayload<'session:closed'>['reason']) => void;
  /** The client applies `session:patched`: after its first snapshot it is sent only what changed. */
  patches?: boolean;
};

/** What a session asks of the media layer; it never touches mediasoup itself. */
export type MediaControl = {
  /**
   * Brings the session's media room in line with the session's state as it is now: who is
   * heard, who receives whom (the room reads both from the state through its policy).
   */
  reconcile(sessionId: string): Promise<void>;
  stopCamera(sessionId: string, memberId: string): Promise<void>;
  detach(sessionId: string, memberId: string): Promise<void>;
};

/** The clinic's record of the session follows it: live when someone enters, ended at the end. */
export type SessionLifecycle = {
  started(sessionId: string): Promise<void>;
  ended(sessionId: string): Promise<void>;
};

export type SessionDeps = {
  lifecycle?: SessionLifecycle;
  store: SessionStateStore;
  audit: AuditLog;
  attendance: AttendanceLog;
  pairs: PairHistory;
  media: MediaControl;
  log: Logger;
  clock: () => number;
  /** Told how long each command took from its arrival to its answer (/metrics' command latency). */
  commandTimed?: (command: Command['type'], seconds: number) => void;
};

const TALK_FLUSH_MS = 5_000;

/**
 * Members' commands one session holds waiting at most. Each member's own rate is limited at
 * the connection (signalling/RateLimits.ts); this bounds the queue whatever gets past that
 * (many members at once, a slow store), so a backlog is refused at once instead of served
 * seconds late. A group of 17 all clicking together is far below it.
 */
export const MAX_QUEUED_MEMBER_COMMANDS = 64;

export type CommandOutcome = { ok: true; version: number } | { ok: false; error: SessionError };

/**
 * A running group session: applies the pure model one command at a time, keeps the state
 * in the store, carries out the effects (media, disconnects, audit, help alerts) and sends
 * every connected member their own view after each change.
 */
export class LiveSession {
  readonly #queue = new SerialQueue();
  readonly #links = new Map<string, MemberLink>();
  readonly #unrecordedTalk = new Map<string, number>();
  /** The view each link that takes patches was last sent, field by field. */
  readonly #sent = new WeakMap<MemberLink, ViewParts>();
  /** Connections to close once the command that closes them has been answered. */
  #closing: (() => void)[] = [];
  #turnTimer: ReturnType<typeof setTimeout> | undefined;
  #breakoutTimer: ReturnType<typeof setTimeout> | undefined;
  #breakTimer: ReturnType<typeof setTimeout> | undefined;
  #graceTimer: ReturnType<typeof setTimeout> | undefined;
  #talkFlush: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  private constructor(
    private state: SessionState,
    private readonly deps: SessionDeps,
    private readonly onClose: () => void,
  ) {}

  /** `onClose` is how the registry holding it hears that it closed, so it can let go of it. */
  static async open(sessionId: string, deps: SessionDeps, onClose: () => void = () => {}): Promise<LiveSession> {
    const state = (await deps.store.load(sessionId)) ?? newSession(sessionId);
    const session = new LiveSession(state, deps, onClose);
    await session.#resume();
    return session;
  }

  /**
   * Picking up a stored session (a restarted or another node): nobody is connected to this
   * process yet, so whoever the state says is connected dropped when the old one went; they
   * get the usual grace period to come back. Attendance is squared with the state, in case
   * the old process stopped between the two. Timers carry on from the stored deadlines.
   */
  async #resume(): Promise<void> {
    const { attendance, clock } = this.deps;
    if (this.state.version > 0) {
      await attendance.append(this.id, reconcileAttendance(await attendance.events(this.id), this.state, clock()));
    }
    for (const m of Object.values(this.state.members)) {
      if (m.connected && (m.status === 'admitted' || m.status === 'waiting')) await this.run({ type: 'connectionLost', memberId: m.id }, SYSTEM);
    }
    this.#scheduleTimers();
  }

  get id(): string {
    return this.state.id;
  }

  /** The current state, read-only: for media gating and tests. */
  get snapshot(): Readonly<SessionState> {
    return this.state;
  }

  /** A new connection for a member replaces an older one (a second tab, a reload). */
  link(memberId: string, link: MemberLink): void {
    const previous = this.#links.get(memberId);
    this.#links.set(memberId, link);
    // Its client holds whatever it was answered on entering: the next it is sent is in full.
    this.#sent.delete(link);
    if (previous && previous !== link) previous.close('replaced');
  }

  unlink(memberId: string, link: MemberLink): boolean {
    if (this.#links.get(memberId) !== link) return false;
    this.#links.delete(memberId);
    this.#mayClose();
    return true;
  }

  /**
   * Stops its timers, lets go of its connections and tells its registry. Idempotent. What
   * it kept is in the store already; opening the session again picks it up from there.
   */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of [this.#turnTimer, this.#breakoutTimer, this.#breakTimer, this.#graceTimer, this.#talkFlush]) clearTimeout(timer);
    this.#links.clear();
    this.#unrecordedTalk.clear();
    this.onClose();
  }

  /** An ended session nobody is connected to has nothing left to do here (tldraw's room_became_empty). */
  #mayClose(): void {
    if (this.state.status === 'ended' && this.#links.size === 0) this.close();
  }

  /**
   * Talk-time heard on the SFU. Gathered here and recorded every few seconds, so a member
   * speaking does not cost the whole group a new snapshot every second.
   */
  addTalkTime(memberId: string, ms: number): void {
    if (!this.state.members[memberId]) return;
    this.#unrecordedTalk.set(memberId, (this.#unrecordedTalk.get(memberId) ?? 0) + ms);
    if (this.#talkFlush) return;
    this.#talkFlush = setTimeout(() => {
      this.#talkFlush = undefined;
      void this.flushTalkTime();
    }, TALK_FLUSH_MS).unref();
  }

  async flushTalkTime(): Promise<void> {
    const pending = [...this.#unrecordedTalk];
    this.#unrecordedTalk.clear();
    for (const [memberId, ms] of pending) {
      await this.run({ type: 'recordTalkTime', memberId, ms }, SYSTEM).catch((err: unknown) =>
        this.deps.log.warn({ err }, 'could not record talk-time'),
      );
    }
  }

  /** CAM1: the SFU started or stopped receiving a member's camera; the state keeps camera-on time from it. */
  videoSent(memberId: string, sent: boolean): void {
    if (!this.state.members[memberId] || this.#closed) return;
    this.run({ type: 'videoSent', memberId, sent }, SYSTEM).catch((err: unknown) => this.deps.log.warn({ err }, 'could not record a camera change'));
  }

  /**
   * Relays a chat message to whoever may read it (CHT2). Never stored, never logged: what
   * is said in a group stays in the group's screens.
   */
  chat(fromId: string, to: 'everyone' | 'facilitators', text: string): boolean {
    if (!maySendChat(this.state, fromId, to)) return false;
    const from = this.state.members[fromId]!;
    const message = { fromId, fromName: from.displayName, to, text, at: this.deps.clock() };
    for (const [id, link] of this.#links) {
      const reader = this.state.members[id];
      if (reader?.status !== 'admitted') continue;
      if (to === 'facilitators' && reader.role !== 'facilitator' && id !== fromId) continue;
      link.send('chat:message', message);
    }
    return true;
  }

  view(memberId: string) {
    return viewFor(this.state, memberId, this.deps.clock());
  }

  /**
   * A member's full view now, for a client a patch did not fit: the patches sent on this link
   * from now on start from it.
   */
  resync(memberId: string, link: MemberLink) {
    const view = this.view(memberId);
    if (view && link.patches && this.#links.get(memberId) === link) this.#sent.set(link, viewJsonWriter().partsOf(view));
    return view;
  }

  /**
   * Applies one command in turn. A member's command finding the queue full is refused
   * (RATE_LIMITED) and changes nothing; the server's own (timers, a dropped connection, an
   * entry or exit) always queue, since dropping one would leave the state wrong.
   */
  run(command: Command, actor: Actor): Promise<CommandOutcome> {
    if (actor.kind === 'member' && this.#queue.size >= MAX_QUEUED_MEMBER_COMMANDS) {
      return Promise.reject(new RateLimitedError('this session is busy; try again in a moment'));
    }
    const arrived = performance.now();
    return this.#queue.run(async (): Promise<CommandOutcome> => {
      // One moment per command: the state's times (a camera-off stretch's start) and the log's agree.
      const now = this.deps.clock();
      const result = reduce(this.state, command, actor, now);
      if (!result.ok) return result;
      if (result.state === this.state) return { ok: true, version: this.state.version };
      const previous = this.state;
      this.state = result.state;
      // Attendance first: a crash after it and before the save is mended when the session reopens.
      await this.deps.attendance.append(this.id, attendanceChanges(previous, this.state, now));
      await this.deps.store.save(this.state);
      // After the save: a crash between the two loses a rotation hint, never counts a breakout twice.
      await this.deps.pairs.append(this.id, this.state.pairRecords.slice(previous.pairRecords.length));
      await this.#recordLifecycle(previous);
      await this.#perform(result.effects);
      // Before the answer: once a command is acknowledged, no member receives media its state forbids.
      await this.deps.media.reconcile(this.id).catch((err: unknown) => this.deps.log.warn({ err }, 'could not bring media in line'));
      this.#scheduleTimers();
      this.#broadcast();
      // After this turn, so the command's own sender (ending the session) gets its answer first.
      const closing = this.#closing.splice(0);
      if (closing.length > 0) setImmediate(() => closing.forEach((close) => close()));
      return { ok: true, version: this.state.version };
    }).finally(() => {
      this.deps.commandTimed?.(command.type, (performance.now() - arrived) / 1000);
      this.#mayClose();
    });
  }

  /**
   * The server owns the clocks of turns and breakouts: a timer for the next moment that
   * matters. When it fires the model decides (RND6, BRK6); time is read from the injected clock.
   */
  #scheduleTimers(): void {
    if (this.#closed) return;
    const round = this.state.round;
    this.#turnTimer = this.#timer(this.#turnTimer, round && !round.paused ? round.turn.deadline : undefined, { type: 'advanceDueTurn' });
    const breakout = this.state.breakout;
    this.#breakoutTimer = this.#timer(this.#breakoutTimer, breakout ? nextBreakoutTick(breakout) : undefined, { type: 'breakoutTick' });
    this.#breakTimer = this.#timer(this.#breakTimer, nextBreakTick(this.state), { type: 'breakTick' });
    // REC3: whoever dropped and has not come back within the grace period has left.
    const dropped = Object.values(this.state.members).filter((m) => !m.connected && m.disconnectedAt !== null && (m.status === 'admitted' || m.status === 'waiting'));
    const graceEnds = dropped.length ? Math.min(...dropped.map((m) => m.disconnectedAt! + RECONNECT_GRACE_MS)) : undefined;
    this.#graceTimer = this.#timer(this.#graceTimer, graceEnds, { type: 'expireGrace' });
  }

  #timer(previous: ReturnType<typeof setTimeout> | undefined, at: number | undefined, command: Command) {
    clearTimeout(previous);
    if (at === undefined) return undefined;
    // A few ms late rather than early: the model compares with the clock, and a timer that
    // fires a hair before the moment would change nothing.
    const wait = Math.max(0, at - this.deps.clock()) + 5;
    return setTimeout(() => {
      this.run(command, SYSTEM)
        // Whatever happened (even nothing), look at the clocks again.
        .then(() => this.#scheduleTimers())
        .catch((err: unknown) => this.deps.log.warn({ err, command: command.type }, 'session timer failed'));
    }, wait).unref();
  }

  async #recordLifecycle(previous: SessionState): Promise<void> {
    const { lifecycle, log } = this.deps;
    if (!lifecycle) return;
    try {
      if (previous.version === 0) await lifecycle.started(this.id);
      if (previous.status !== 'ended' && this.state.status === 'ended') await lifecycle.ended(this.id);
    } catch (err) {
      log.warn({ err }, 'could not update the session record');
    }
  }

  async #perform(effects: Effect[]): Promise<void> {
    const { media, audit, log, clock } = this.deps;
    for (const effect of effects) {
      try {
        switch (effect.type) {
          case 'media.stopCamera':
            await media.stopCamera(this.id, effect.memberId);
            break;
          case 'media.detach':
            await media.detach(this.id, effect.memberId);
            break;
          case 'media.attach':
            // Nothing to do: an admitted member's client now joins the media room itself.
            break;
          case 'disconnect': {
            const link = this.#links.get(effect.memberId);
            this.#links.delete(effect.memberId);
            if (link) this.#closing.push(() => link.close(effect.reason));
            break;
          }
          case 'notifyFacilitators':
            this.#alertFacilitators(effect.memberId);
            break;
          case 'audit':
            await audit.append({ at: clock(), sessionId: this.id, action: effect.action, actorId: effect.actorId, targetId: effect.targetId });
            break;
          default: {
            const unknown: never = effect;
            log.error({ effect: unknown }, 'unknown effect');
          }
        }
      } catch (err) {
        // One failed effect (a peer already gone from the SFU) must not stop the others.
        log.warn({ err, effect: effect.type, member: 'memberId' in effect ? effect.memberId : undefined }, 'effect failed');
      }
    }
  }

  #alertFacilitators(memberId: string): void {
    const m = this.state.members[memberId];
    if (!m) return;
    const alert = {
      memberId,
      displayName: m.displayName,
      location: m.consent?.location ?? null,
      callbackNumber: m.consent?.callbackNumber ?? null,
      at: m.helpRequestedAt ?? this.deps.clock(),
    };
    for (const [id, link] of this.#links) {
      const viewer = this.state.members[id];
      if (viewer?.role === 'facilitator' && viewer.status === 'admitted') link.send('session:help', alert);
    }
  }

  /**
   * Every connected member's view, their shared parts made and serialised once for all. A
   * link that takes patches gets the fields that changed since the view it was last sent;
   * its first (and after a failed send, its next) is a full snapshot.
   */
  #broadcast(): void {
    const views = viewsAt(this.state, this.deps.clock());
    const writer = viewJsonWriter();
    for (const [memberId, link] of this.#links) {
      const view = views(memberId);
      if (!view) continue;
      try {
        const parts = writer.partsOf(view);
        const base = link.patches ? this.#sent.get(link) : undefined;
        if (base) {
          const patch = viewPatch(base, parts, view);
          link.send('session:patched', withJson(patch.payload, () => patch.json));
        } else {
          link.send('session:updated', withJson({ view }, () => `{"view":${writer.json(parts)}}`));
        }
        if (link.patches) this.#sent.set(link, parts);
      } catch (err) {
        this.#sent.delete(link);
        this.deps.log.warn({ err, member: memberId }, 'could not send a snapshot');
      }
    }
  }
}
