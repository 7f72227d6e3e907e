/**
 * Token-bucket rate limiting: one bucket per connection, one per client IP shared by all of
 * that IP's connections and its `POST /api/ask` requests. The clock is injected so the
 * arithmetic is testable without waiting.
 */

export interface RateLimit {
  /** Tokens added per second (sustained rate). 0 or Infinity disables the limit. */
  perSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet period. */
  burst: number;
}

export interface RateLimits {
  /** Per socket.io connection. */
  connection: RateLimit;
  /** Per client IP, shared across its connections and its HTTP requests. */
  ip: RateLimit;
}

/**
 * Defaults: a person types at most a question every few seconds; 5/s with a burst of 10
 * per connection leaves room for suggestion-chip clicks, and 20/s per IP lets a few tabs
 * (or an office behind one NAT) share an address.
 */
export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({
  connection: Object.freeze({ perSecond: 5, burst: 10 }),
  ip: Object.freeze({ perSecond: 20, burst: 40 }),
});

/** How often idle per-IP buckets are forgotten. */
const SWEEP_INTERVAL_MS = 30_000;

export type Clock = () => number;

export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

export function isUnlimited(limit: RateLimit): boolean {
  return !(limit.perSecond > 0) || !Number.isFinite(limit.perSecond);
}

/** A classic token bucket: `take()` spends one token or says when the next one arrives. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: Clock = Date.now,
  ) {
    this.tokens = limit.burst;
    this.updatedAt = now();
  }

  private refill(): void {
    const now = this.now();
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.limit.burst, this.tokens + elapsed * this.limit.perSecond);
    this.updatedAt = now;
  }

  /** Milliseconds until one token is available (0 when one is). Does not spend. */
  peek(): number {
    if (isUnlimited(this.limit)) return 0;
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.limit.perSecond) * 1000);
  }

  take(): TakeResult {
    const wait = this.peek();
    if (wait > 0) return { ok: false, retryAfterMs: wait };
    if (!isUnlimited(this.limit)) this.tokens -= 1;
    return { ok: true };
  }

  /** True when the bucket is full again, i.e. forgetting it changes nothing. */
  get isFull(): boolean {
    if (isUnlimited(this.limit)) return true;
    this.refill();
    return this.tokens >= this.limit.burst;
  }
}

/** Buckets by key (client IP). Full buckets are swept so the map stays small. */
export class KeyedRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: Clock = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  private bucket(key: string): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.limit, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  peek(key: string): number {
    return isUnlimited(this.limit) ? 0 : this.bucket(key).peek();
  }

  take(key: string): TakeResult {
    return isUnlimited(this.limit) ? { ok: true } : this.bucket(key).take();
  }

  sweep(): void {
    for (const [key, bucket] of this.buckets) if (bucket.isFull) this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }

  close(): void {
    clearInterval(this.sweeper);
    this.buckets.clear();
  }
}

/**
 * Spends one token from the connection bucket and one from the IP bucket, or neither:
 * a request refused by one limit does not eat into the other.
 */
export function takeBoth(connection: TokenBucket | undefined, ip: KeyedRateLimiter, key: string): TakeResult {
  const wait = Math.max(connection?.peek() ?? 0, ip.peek(key));
  if (wait > 0) return { ok: false, retryAfterMs: wait };
  connection?.take();
  ip.take(key);
  return { ok: true };
}

export function rateLimitedError(retryAfterMs: number) {
  return {
    code: "rate_limited" as const,
    message: `too many questions; retry in ${Math.ceil(retryAfterMs / 100) / 10} s`,
    retryAfterMs,
  };
}
