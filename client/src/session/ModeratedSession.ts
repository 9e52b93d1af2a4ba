import { applyViewPatch, type ConsentInput, type ErrorCode, type MemberCommand, type SessionView, type ViewPatch } from '@hearth/shared';
import { credentialProblem, refusalOf } from './connectionRefusal';
import { describeRefusal as describe } from './describeRefusal';
import { LinkReporter } from './LinkReporter';
import { getLocalMedia, type CaptureProfile } from './localMedia';
import type { MediaClient } from './MediaClient';
import { request, RequestError } from './request';
import { initialModeratedState, isNewer, type ModeratedState } from './moderatedState';
import type { SessionConnection } from './SessionConnection';

const JOIN_RETRIES = 5;
const JOIN_RETRY_MS = 2_000;

// The page's types and selectors of this state live beside it; imported from here as before.
export * from './moderatedState';

/**
 * A moderated session on the page's connection: the credential, the consent gate, the
 * waiting room, the server's snapshots (newest version wins) and commands. Media follows
 * the snapshot: joined when admitted, left when sent back or closed, and the microphone
 * and camera follow what the session says the member may do. The connection is its owner's
 * (SessionConnection); this only listens on it, and close() removes only its own listeners.
 */
export class ModeratedSession {
  #state: ModeratedState = initialModeratedState;
  readonly #listeners = new Set<() => void>();
  readonly #stopListening: (() => void)[];
  readonly media: MediaClient;
  #consent: ConsentInput | null = null;
  /** What the member chose to send before joining; asked for again after a re-admission. */
  #wants = { audio: true, video: true };
  #firstStream: MediaStream | undefined;
  #mediaBusy = false;
  /** The camera was on when audio only was taken: leaving it turns the camera back on. */
  #cameraBeforeAudioOnly = false;
  readonly #linkReporter = new LinkReporter({
    measured: () => this.media.getState().link,
    held: () => (this.#state.phase === 'in-room' ? this.#state.view?.self.link : undefined),
    socket: () => this.connection.socket,
  });
  #joinRetries = 0;
  #resyncing = false;
  #arrivedMeanwhile: ViewPatch[] = [];
  #joinRetry: ReturnType<typeof setTimeout> | undefined;
  /** Audio only as the member just asked, until the session has answered; then the view says. */
  #audioOnlyAsked: boolean | undefined;

  constructor(
    private readonly connection: SessionConnection,
    private readonly capture: CaptureProfile,
  ) {
    this.media = connection.media;
    this.#state = { ...initialModeratedState, connection: connection.status };
    this.#stopListening = this.#listen();
  }

  getState = (): ModeratedState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /**
   * Connects with the credential and learns who it is for. Once per session: asked again (React
   * runs a page's effects twice in development), it answers with the first start.
   */
  start(): Promise<void> {
    this.#started ??= this.#start();
    return this.#started;
  }
  #started: Promise<void> | undefined;

  async #start(): Promise<void> {
    try {
      const identity = await this.#connectToSessionNode();
      this.#set({ identity, phase: 'prejoin' });
    } catch (err) {
      this.#set({ phase: 'credential-problem', problemCode: credentialProblem(err) });
    }
  }

  /** Connects, and when the session runs on another node, connects there instead (it answers for itself). */
  async #connectToSessionNode() {
    let identity = await this.#connect();
    if (identity.node) {
      this.connection.moveTo(identity.node);
      identity = await this.#connect();
    }
    return identity;
  }

  /**
   * Opens the connection and asks who the credential is for. A refusal of the credential
   * (the server's auth middleware: a bad, expired or revoked link, an ended session) arrives
   * as a connect_error with its code and ends the wait at once, instead of the identity
   * request's timeout. Once the way in is open (on the node that runs the session), the WebRTC
   * library loads, and its device with the node's capabilities, while the pre-join screen is shown.
   */
  async #connect() {
    const socket = this.connection.open();
    const refusal = refusalOf(socket);
    try {
      const identity = await Promise.race([request(socket, 'session:identity', {}), refusal.refused]);
      if (!identity.node) this.media.prepare().catch(() => undefined);
      return identity;
    } finally {
      refusal.stop();
    }
  }

  /**
   * The node running the session stopped answering (it died): go back through the page's own
   * server, which sends us to whichever node runs the session now, and enter again in place.
   */
  async #rehome(): Promise<void> {
    const gone = this.connection.serverAddress;
    let node: string | undefined;
    for (let tries = 0; ; tries++) {
      this.connection.moveTo(undefined);
      ({ node } = await this.#connect());
      // Until the dead node's lease lapses (seconds), the page's server still names it.
      if (node === undefined || node !== gone || tries >= 10) break;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    if (node !== undefined) {
      this.connection.moveTo(node);
      await this.#connect();
    }
    const { view } = await request(this.connection.open(), 'session:enter', { consent: this.#consent, patches: true });
    await this.#apply(view, { force: true });
  }

  /** The pre-join choice: participants go on to the consent gate, facilitators straight in. */
  async choseMedia(stream: MediaStream | undefined): Promise<void> {
    this.#firstStream = stream;
    this.#wants = { audio: Boolean(stream?.getAudioTracks().length), video: Boolean(stream?.getVideoTracks().length) };
    if (this.#state.identity?.role === 'facilitator') await this.enter(null);
    else this.#set({ phase: 'consent' });
  }

  async enter(consent: ConsentInput | null): Promise<void> {
    const socket = this.connection.socket;
    if (!socket) return;
    this.#consent = consent;
    this.#set({ phase: 'entering', problem: undefined, problemCode: undefined });
    try {
      const { view } = await request(socket, 'session:enter', { consent, patches: true });
      await this.#apply(view);
    } catch (err) {
      this.#refusedEntry(err);
    }
  }

  /** A refused entry: its own page when it is not about the form; the form's words otherwise. */
  #refusedEntry(err: unknown): void {
    const code = err instanceof RequestError ? err.code : undefined;
    if (code === 'ROOM_LOCKED' || code === 'SERVER_FULL') this.#set({ phase: 'refused', problemCode: code });
    else if (code === 'REMOVED') this.#set({ phase: 'closed', closedReason: 'removed' });
    else if (code === 'SESSION_ENDED') this.#set({ phase: 'closed', closedReason: 'ended' });
    else this.#set({ phase: this.#state.identity?.role === 'participant' ? 'consent' : 'prejoin', problem: describe(err) });
  }

  /**
   * Back in after leaving, being denied or refused: a new connection with the same credential,
   * the consent and media choices already given, into the waiting room. No reload, nothing to retype.
   */
  async rejoin(): Promise<void> {
    this.#set({ ...initialModeratedState, phase: 'connecting', identity: this.#state.identity, connection: this.connection.status });
    let identity;
    try {
      // A fresh connection through the page's own server, which says where the session runs now.
      this.connection.close();
      identity = await this.#connectToSessionNode();
    } catch (err) {
      this.#set({ phase: 'credential-problem', problemCode: credentialProblem(err) });
      return;
    }
    this.#set({ identity });
    if (identity.role === 'participant' && !this.#consent) {
      this.#set({ phase: 'consent' });
      return;
    }
    await this.enter(this.#consent);
  }

  /** "Try again" on a refusal: a locked room is asked again on the same connection; a full server from the start. */
  async tryAgain(): Promise<void> {
    if (this.#state.problemCode === 'ROOM_LOCKED' && this.connection.status === 'connected') await this.enter(this.#consent);
    else await this.rejoin();
  }

  /** Sends a command; a refusal is kept in words for the person who tried. */
  async command(command: MemberCommand): Promise<boolean> {
    const socket = this.connection.socket;
    if (!socket) return false;
    try {
      await request(socket, 'session:command', command);
      this.#set({ refusal: undefined });
      return true;
    } catch (err) {
      this.#set({ refusal: describe(err) });
      return false;
    }
  }

  /** The server's proposed breakout pairs (facilitators); undefined, with the reason kept, if it cannot. */
  async proposePairs(odd: 'triad' | 'facilitator', never: [string, string][] = []): Promise<string[][] | undefined> {
    const socket = this.connection.socket;
    if (!socket) return undefined;
    try {
      const { groups } = await request(socket, 'breakout:propose', { never, odd });
      this.#set({ refusal: undefined });
      return groups;
    } catch (err) {
      this.#set({ refusal: describe(err) });
      return undefined;
    }
  }

  async sendChat(to: 'everyone' | 'facilitators', text: string): Promise<boolean> {
    const socket = this.connection.socket;
    if (!socket) return false;
    try {
      await request(socket, 'chat:send', { to, text });
      return true;
    } catch (err) {
      this.#set({ refusal: describe(err) });
      return false;
    }
  }

  /** Unmuting asks the session first: the server may refuse (a facilitator's lock). */
  async setMicOn(on: boolean): Promise<void> {
    if (on) {
      if (await this.command({ type: 'setMicMuted', muted: false })) await this.media.setMicOn(true);
      return;
    }
    await this.media.setMicOn(false);
    await this.command({ type: 'setMicMuted', muted: true });
  }

  async setCameraOn(on: boolean): Promise<void> {
    if (on) {
      if (await this.command({ type: 'setCameraOff', off: false })) await this.media.setCameraOn(true);
      return;
    }
    await this.command({ type: 'setCameraOff', off: true });
    this.media.dropCamera();
  }

  /**
   * LNK3: audio only and back. It takes effect here at once (on the link that needs it, the
   * session's answer can take seconds): the camera stops and no video is received; then the
   * session records it, and the media follows the session's view again.
   */
  async setAudioOnly(on: boolean): Promise<void> {
    const cameraWasOn = this.media.getState().cameraOn;
    this.#audioOnlyAsked = on;
    this.media.setAudioOnly(on);
    if (on) this.media.dropCamera();
    const done = await this.command({ type: 'setAudioOnly', on });
    this.#audioOnlyAsked = undefined;
    if (!done) {
      this.media.setAudioOnly(this.#state.view?.self.audioOnly ?? false);
      return;
    }
    if (on) this.#cameraBeforeAudioOnly = cameraWasOn;
    else if (this.#cameraBeforeAudioOnly) {
      this.#cameraBeforeAudioOnly = false;
      await this.setCameraOn(true);
    }
  }

  async requestHelp(): Promise<void> {
    if (await this.command({ type: 'requestHelp' })) this.#set({ helpRequested: true });
  }

  /**
   * Leaves on purpose: the session is told at once (the facilitators see "left", not a dropped
   * connection), then the media and the connection close. rejoin() comes back.
   */
  async leave(): Promise<void> {
    await this.#disconnect();
    this.#set({ phase: 'closed', closedReason: 'left', helpRequested: false });
  }

  /** Stops listening on the connection (its other listeners stay) and closes it. Idempotent. */
  close(): void {
    for (const stop of this.#stopListening.splice(0)) stop();
    clearTimeout(this.#joinRetry);
    this.connection.close();
  }

  async #disconnect(): Promise<void> {
    const socket = this.connection.socket;
    if (socket?.connected && (this.#state.phase === 'waiting' || this.#state.phase === 'in-room')) {
      await request(socket, 'session:leave', {}, 3_000).catch(() => undefined);
    }
    await this.media.leave();
    this.connection.close();
  }

  /** This session's listeners on the connection; the returned functions remove them and no others. */
  #listen(): (() => void)[] {
    const connection = this.connection;
    return [
      connection.subscribe(() => this.#set({ connection: connection.status })),
      this.media.subscribe(() => void this.#linkReporter.report()),
      connection.on('session:updated', ({ view }) => void this.#apply(view)),
      connection.on('session:patched', (patch) => this.#patched(patch)),
      connection.on('chat:message', (message) => this.#set({ chat: [...this.#state.chat, message].slice(-200) })),
      connection.on('session:closed', ({ reason }) => {
        this.media.leaveMedia();
        this.#set({ phase: 'closed', closedReason: reason });
        connection.close();
      }),
      // Coming back after a drop, the handshake itself may be refused (the session ended, the
      // link was revoked meanwhile); Socket.IO then stops trying, so say why instead of "Reconnecting…".
      connection.on('connect_error', (err) => {
        const code = err.data?.code;
        if (typeof code !== 'string' || connection.status !== 'reconnecting' || !this.#holdsPlace()) return;
        this.media.leaveMedia();
        if (code === 'SESSION_ENDED') this.#set({ phase: 'closed', closedReason: 'ended' });
        else this.#set({ phase: 'credential-problem', problemCode: credentialProblem(new RequestError(code as ErrorCode, err.message)) });
        connection.close();
      }),
      // A node that runs the session and stays away for a few tries has probably died.
      connection.onNodeLost(() => {
        if (this.#holdsPlace()) this.#rehome().catch((err: unknown) => this.#couldNotResume(err));
      }),
      // Back after a drop: enter again (the session keeps the member's place); media follows the view.
      connection.onReconnected(async () => {
        if (!this.#holdsPlace()) return;
        try {
          const { view } = await request(connection.open(), 'session:enter', { consent: this.#consent, patches: true });
          void this.#apply(view, { force: true });
        } catch (err) {
          this.#couldNotResume(err);
        }
      }),
    ];
  }

  /** In the waiting room or the call: the session holds this member's place through a drop. */
  #holdsPlace(): boolean {
    return this.#state.phase === 'waiting' || this.#state.phase === 'in-room';
  }

  /** A patch of the view held (only what changed); one that does not fit it asks for the whole view. */
  #patched(patch: ViewPatch): void {
    if (this.#resyncing) return void this.#arrivedMeanwhile.push(patch);
    const outcome = applyViewPatch(this.#state.view, patch);
    if (outcome === 'stale') return;
    if (outcome === 'resync') void this.#resync();
    else void this.#apply(outcome.view);
  }

  /**
   * The whole view again, once at a time. The server's patches go on from the view it answers
   * with, and one sent just after the answer can reach this page a tick before the answer is
   * handled: patches that arrive meanwhile are held and tried on top of the answer.
   */
  async #resync(): Promise<void> {
    const socket = this.connection.socket;
    if (this.#resyncing || !socket) return;
    this.#resyncing = true;
    let view: SessionView;
    try {
      ({ view } = await request(socket, 'session:resync', {}));
    } catch {
      // The connection dropped: coming back enters again, which brings the whole view.
      this.#arrivedMeanwhile = [];
      return;
    } finally {
      this.#resyncing = false;
    }
    const applied = this.#apply(view);
    for (const patch of this.#arrivedMeanwhile.splice(0)) this.#patched(patch);
    await applied;
  }

  /** Takes a snapshot if it is newer than the one held, and brings the media in line with it. */
  async #apply(view: SessionView, { force = false } = {}): Promise<void> {
    if (!force && !isNewer(this.#state.view, view)) return;
    const inRoom = view.kind === 'participant' || view.kind === 'facilitator';
    this.#set({ view, phase: inRoom ? 'in-room' : view.kind === 'waiting' ? 'waiting' : 'closed' });
    await this.#syncMedia(view, inRoom);
    void this.#linkReporter.report();
  }

  async #syncMedia(view: SessionView, inRoom: boolean): Promise<void> {
    if (this.#mediaBusy) return;
    this.#mediaBusy = true;
    try {
      const status = this.media.getState().status;
      const inMedia = status === 'joined' || status === 'joining';
      if (!inRoom) {
        if (inMedia) this.media.leaveMedia();
        return;
      }
      if (!inMedia) {
        const stream = await this.#stream(view);
        await this.media.join(view.sessionId, this.#state.identity?.displayName ?? '', stream);
        this.#joinRetries = 0;
        if (this.#state.mediaGaveUp) this.#set({ mediaGaveUp: false });
      }
      const self = view.self;
      const media = this.media.getState();
      if (self.micMuted && media.micOn) this.media.mutedBySession();
      if (self.cameraOff && media.cameraOn) this.media.dropCamera();
      this.media.setAudioOnly(this.#audioOnlyAsked ?? self.audioOnly);
    } catch (err) {
      // A full server is not going to change with the next snapshot: say so (and leave, so
      // the facilitators do not see someone in the room who is not). Anything else: the next
      // snapshot or reconnect tries again; the call view shows the media state.
      if (err instanceof RequestError && err.code === 'SERVER_FULL') void this.#refusedForFullServer();
      else this.#retryJoinSoon();
    } finally {
      this.#mediaBusy = false;
    }
    // A snapshot that arrived while media was busy is applied now.
    const latest = this.#state.view;
    if (latest && latest !== view) await this.#syncMedia(latest, this.#state.phase === 'in-room');
  }

  /**
   * A join that failed (a request timed out on a weak link) is tried again a few times, a little
   * later, instead of waiting for a snapshot that may not come: the page would say "Connecting…"
   * for good. Bounded: JOIN_RETRIES tries, counted again after a join that worked.
   */
  #retryJoinSoon(): void {
    if (this.#joinRetry) return;
    if (this.#joinRetries >= JOIN_RETRIES) {
      this.#set({ mediaGaveUp: true });
      return;
    }
    this.#joinRetries += 1;
    this.#joinRetry = setTimeout(() => {
      this.#joinRetry = undefined;
      const view = this.#state.view;
      if (view && this.#state.phase === 'in-room') void this.#syncMedia(view, true);
    }, JOIN_RETRY_MS);
  }

  /** "Try again" after the automatic tries to connect the camera and microphone gave up: as many tries again. */
  retryMedia(): void {
    this.#joinRetries = 0;
    this.#set({ mediaGaveUp: false });
    const view = this.#state.view;
    if (view && this.#state.phase === 'in-room') void this.#syncMedia(view, true);
  }

  /** Back after a drop, but not back in: removed or ended meanwhile, or the way back failed. */
  #couldNotResume(err: unknown): void {
    this.media.leaveMedia();
    const code = err instanceof RequestError ? err.code : undefined;
    const closedReason = code === 'REMOVED' ? 'removed' : code === 'SESSION_ENDED' ? 'ended' : 'lost';
    this.#set({ phase: 'closed', closedReason });
    this.connection.close();
  }

  async #refusedForFullServer(): Promise<void> {
    await this.#disconnect();
    this.#set({ phase: 'refused', problemCode: 'SERVER_FULL' });
  }

  /** The pre-join stream the first time; after that, the same choices asked for again. */
  async #stream(view: SessionView): Promise<MediaStream | undefined> {
    const first = this.#firstStream;
    this.#firstStream = undefined;
    if (first && first.getTracks().every((t) => t.readyState === 'live')) return first;
    const wants = { audio: this.#wants.audio, video: this.#wants.video && !view.self.cameraOff };
    if (!wants.audio && !wants.video) return undefined;
    return getLocalMedia(this.capture, wants).catch(() => undefined);
  }

  #set(patch: Partial<ModeratedState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener();
  }
}
