/**
 * Word-by-word streaming of answers on one connection: `answer:start`, ordered
 * `answer:chunk`s that concatenate to `answer.answer` exactly, then `answer:end`.
 * Questions of one connection are streamed one after the other, in the order asked.
 * At most one timer exists per connection, and every path (end, flush, cancel) clears it.
 */
import type { Answer } from "../answer/types.ts";

/** Default pause between two words: close to how fast the answer would appear if typed. */
export const DEFAULT_PACE_MS = 20;

/**
 * Splits text into word chunks whose concatenation is exactly the text: each chunk is a
 * word with the white space that follows it (leading white space joins the first chunk).
 */
export function chunkWords(text: string): string[] {
  const chunks: string[] = text.match(/\s*\S+\s*/gy) ?? [];
  const joined = chunks.join("");
  // Only white space (or nothing) left over: keep it so the concatenation stays exact.
  if (joined.length < text.length) chunks.push(text.slice(joined.length));
  return chunks;
}

/** Where a stream's events go (the socket, in production). */
export interface StreamSink {
  start(id: string, answer: Answer): void;
  chunk(id: string, text: string): void;
  end(id: string, answer: Answer): void;
}

interface Job {
  id: string;
  answer: Answer;
  chunks: string[];
  /** Next chunk to send; -1 until `answer:start` has been sent. */
  next: number;
  onEnd?: (() => void) | undefined;
}

/** The answers of one connection, streamed in order at a fixed pace. */
export class AnswerStreamer {
  private readonly queue: Job[] = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly sink: StreamSink,
    private readonly paceMs: number = DEFAULT_PACE_MS,
  ) {}

  /** Number of answers queued or streaming. */
  get pending(): number {
    return this.queue.length;
  }

  get idle(): boolean {
    return this.queue.length === 0;
  }

  /** Queues an answer; it starts when the ones before it have ended. */
  enqueue(id: string, answer: Answer, onEnd?: () => void): void {
    if (this.closed) return;
    this.queue.push({ id, answer, chunks: chunkWords(answer.answer), next: -1, onEnd });
    if (this.queue.length === 1) this.pump();
  }

  /** Sends everything still queued at once (each stream still ends), then stays usable. */
  flush(): void {
    this.clearTimer();
    while (this.queue.length > 0) this.step(true);
  }

  /** Drops everything queued without sending more; the streamer accepts nothing after. */
  cancel(): void {
    this.closed = true;
    this.clearTimer();
    this.queue.length = 0;
    this.notifyIdle();
  }

  /** Resolves when nothing is queued or streaming. */
  whenIdle(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private clearTimer(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Sends as much as the pace allows now, then schedules the rest. */
  private pump(): void {
    this.timer = undefined;
    while (this.queue.length > 0) {
      const paused = this.step(this.paceMs <= 0);
      if (paused) {
        this.timer = setTimeout(() => this.pump(), this.paceMs);
        return;
      }
    }
  }

  /**
   * Advances the head job. With `all`, sends the whole job; otherwise sends `answer:start`
   * and the next chunk and returns true when the pace requires a pause before the next one.
   */
  private step(all: boolean): boolean {
    const job = this.queue[0]!;
    if (job.next < 0) {
      this.sink.start(job.id, job.answer);
      job.next = 0;
    }
    if (all) {
      for (; job.next < job.chunks.length; job.next++) this.sink.chunk(job.id, job.chunks[job.next]!);
    } else if (job.next < job.chunks.length) {
      this.sink.chunk(job.id, job.chunks[job.next]!);
      job.next++;
      if (job.next < job.chunks.length) return true;
    }
    this.queue.shift();
    this.sink.end(job.id, job.answer);
    job.onEnd?.();
    if (this.queue.length === 0) this.notifyIdle();
    // A pause between two answers as well, so the next one does not start mid-word.
    return !all && this.queue.length > 0;
  }
}
