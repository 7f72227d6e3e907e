/**
 * A socket.io adapter for connection state recovery with bounded memory.
 *
 * socket.io's own SessionAwareAdapter keeps every emitted packet for the recovery window
 * and prunes only once a minute, and its pruning timer is never cleared. A streaming
 * chatbot emits one packet per word, so under load that buffer grows by tens of thousands
 * of packets a second. This adapter keeps the same semantics (a client that comes back
 * within the window receives every packet it missed) with:
 * - packets pruned by age on every emit (amortized O(1)) and capped in number;
 * - offsets that encode their position, so finding a client's offset is O(1);
 * - its timer cleared when the server closes.
 */
import { randomBytes } from "node:crypto";
import { Adapter, type BroadcastOptions, type PrivateSessionId, type Session } from "socket.io-adapter";

/**
 * Most packets kept for recovery; beyond it the oldest go first, so under heavy load the
 * window shrinks (at 1,000 answers/s of ~30 words, 100,000 packets last about 3 s). About
 * 200 bytes each plus their payload: a bound of a few tens of MB.
 */
export const DEFAULT_MAX_RECOVERY_PACKETS = 100_000;

/** How often expired sessions are forgotten. */
const SESSION_SWEEP_MS = 5_000;

type SessionToPersist = Omit<Session, "missedPackets">;

interface StoredPacket {
  seq: number;
  emittedAt: number;
  /** The common case, `socket.emit`: one room (the socket id), no exception. */
  room: string | undefined;
  /** Any other broadcast keeps its options. */
  opts: BroadcastOptions | undefined;
  data: unknown[];
}

function shouldInclude(sessionRooms: readonly string[], packet: StoredPacket): boolean {
  if (packet.room !== undefined) return sessionRooms.includes(packet.room);
  const opts = packet.opts!;
  const included = opts.rooms.size === 0 || sessionRooms.some((room) => opts.rooms.has(room));
  return included && sessionRooms.every((room) => !opts.except?.has(room));
}

/** Returns an adapter class (socket.io instantiates it once per namespace). */
export function createRecoveryAdapter(options: { maxPackets?: number } = {}): typeof Adapter {
  const maxPackets = options.maxPackets ?? DEFAULT_MAX_RECOVERY_PACKETS;

  return class RecoveryAdapter extends Adapter {
    /** Random per adapter: offsets of another process or server never match. */
    private readonly epoch = randomBytes(6).toString("base64url");
    private readonly windowMs: number;
    private readonly sessions = new Map<PrivateSessionId, SessionToPersist & { disconnectedAt: number }>();
    /** packets[head..] are live; seq of packets[i] is firstSeq + (i - head). */
    private packets: StoredPacket[] = [];
    private head = 0;
    private nextSeq = 0;
    private readonly sweeper: NodeJS.Timeout;

    constructor(nsp: any) {
      super(nsp);
      this.windowMs = nsp.server.opts.connectionStateRecovery?.maxDisconnectionDuration ?? 120_000;
      this.sweeper = setInterval(() => this.sweep(), SESSION_SWEEP_MS);
      this.sweeper.unref();
    }

    override close(): void {
      clearInterval(this.sweeper);
      this.sessions.clear();
      this.packets = [];
      this.head = 0;
    }

    /** Number of packets currently kept (for tests and metrics). */
    get bufferedPackets(): number {
      return this.packets.length - this.head;
    }

    private sweep(): void {
      const threshold = Date.now() - this.windowMs;
      for (const [pid, session] of this.sessions) if (session.disconnectedAt < threshold) this.sessions.delete(pid);
      this.prune(Date.now());
    }

    private prune(now: number): void {
      const threshold = now - this.windowMs;
      const packets = this.packets;
      while (this.head < packets.length && (packets[this.head]!.emittedAt < threshold || packets.length - this.head > maxPackets)) {
        this.head++;
      }
      // Compact once the dead prefix dominates, so the cost stays amortized O(1) per packet.
      if (this.head > 1024 && this.head * 2 > packets.length) {
        this.packets = packets.slice(this.head);
        this.head = 0;
      }
    }

    override persistSession(session: SessionToPersist): void {
      this.sessions.set(session.pid, { ...session, disconnectedAt: Date.now() });
    }

    override restoreSession(pid: PrivateSessionId, offset: string): Promise<Session> {
      const session = this.sessions.get(pid);
      // socket.io treats a null session as "not recoverable" (the typings say Promise<Session>).
      const none = Promise.resolve(null as unknown as Session);
      if (!session) return none;
      this.sessions.delete(pid);
      if (session.disconnectedAt + this.windowMs < Date.now()) return none;
      const [epoch, seqText] = offset.split(":");
      const seq = Number(seqText);
      if (epoch !== this.epoch || !Number.isInteger(seq)) return none;
      this.prune(Date.now());
      const first = this.packets[this.head];
      // The client's last packet must still be here, or some packets after it may be gone.
      if (!first || seq < first.seq || seq >= this.nextSeq) return none;
      const missedPackets: unknown[][] = [];
      for (let i = this.head + (seq - first.seq) + 1; i < this.packets.length; i++) {
        const packet = this.packets[i]!;
        if (shouldInclude(session.rooms, packet)) missedPackets.push(packet.data);
      }
      const { disconnectedAt: _ignored, ...restored } = session;
      return Promise.resolve({ ...restored, missedPackets });
    }

    override broadcast(packet: any, opts: BroadcastOptions): void {
      // Same rule as socket.io: events without ack and not volatile are recoverable.
      if (packet.type === 2 && packet.id === undefined && opts.flags?.volatile === undefined) {
        const now = Date.now();
        const seq = this.nextSeq++;
        // The offset rides at the end of the data array; the client echoes the last one back.
        packet.data.push(`${this.epoch}:${seq}`);
        const single = opts.rooms.size === 1 && (opts.except?.size ?? 0) === 0;
        this.packets.push({
          seq,
          emittedAt: now,
          room: single ? opts.rooms.values().next().value : undefined,
          opts: single ? undefined : opts,
          data: packet.data,
        });
        this.prune(now);
      }
      super.broadcast(packet, opts);
    }
  };
}
