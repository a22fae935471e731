// Flood control: a token bucket per connection, refilled lazily from the elapsed time on each
// frame (no timer per client), plus a count of rejected frames that closes a client that keeps
// flooding.

/** Bucket state, stored in the connection record. */
export interface TokenBucket {
  tokens: number;
  /** Time in milliseconds of the last refill. */
  refilledAt: number;
}

export interface RateLimit {
  /** Bucket size: frames that may arrive at once. */
  burst: number;
  /** Refill rate: frames per second, sustained. */
  ratePerSecond: number;
}

export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

export function createTokenBucket(limit: RateLimit, now: number): TokenBucket {
  return { tokens: limit.burst, refilledAt: now };
}

/** Refills the bucket for the time elapsed since the last frame, then takes one token if there is one. */
export function takeToken(bucket: TokenBucket, limit: RateLimit, now: number): TakeResult {
  const elapsedMs = Math.max(0, now - bucket.refilledAt);
  bucket.tokens = Math.min(limit.burst, bucket.tokens + (elapsedMs * limit.ratePerSecond) / 1000);
  bucket.refilledAt = now;

  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return { ok: true };
  }

  const retryAfterMs = Math.ceil(((1 - bucket.tokens) * 1000) / limit.ratePerSecond);
  return { ok: false, retryAfterMs };
}

/** Rejected frames counted in a fixed window that starts at the first rejection. */
export interface FloodCounter {
  rejections: number;
  windowStartedAt: number;
}

/** Counts one rejected frame; returns true when the client exceeded `maxRejections` in the window. */
export function countRejection(
  counter: FloodCounter,
  now: number,
  maxRejections: number,
  windowMs: number,
): boolean {
  if (now - counter.windowStartedAt > windowMs) {
    counter.rejections = 0;
    counter.windowStartedAt = now;
  }
  counter.rejections += 1;
  return counter.rejections > maxRejections;
}
