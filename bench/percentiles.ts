// Percentiles of measured latencies, by the nearest-rank method: the reported p99 is a value that
// was actually measured, never an interpolation between two.

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Returns p50, p95, p99 and max of the values; all NaN when there are none. */
export function summarise(values: ArrayLike<number>): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const rank = (fraction: number) =>
    sorted.length === 0
      ? Number.NaN
      : sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]!;

  return {
    count: sorted.length,
    p50: rank(0.5),
    p95: rank(0.95),
    p99: rank(0.99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]!,
  };
}
