// The result table of `npm run bench` for figures that are noise or bounds: memory growth at or
// below zero, and a sustained rate from a ramp that never failed.

import { describe, expect, it } from 'vitest';

import { benchMessagesFor } from '../../bench/messages.ts';
import { formatResults } from '../../bench/report.ts';
import type { RampStep, TargetResult } from '../../bench/run-target.ts';

const en = benchMessagesFor('en');
const ja = benchMessagesFor('ja');
const MIB = 1024 * 1024;

const PASSED: RampStep = {
  broadcastsPerSecond: 100,
  broadcasts: 200,
  delivered: 200,
  lastReceiverP99Ms: 40,
  passed: true,
};
const FAILED: RampStep = {
  ...PASSED,
  broadcastsPerSecond: 150,
  lastReceiverP99Ms: 1_200,
  passed: false,
};

/** Builds a result of 200 clients with plausible figures, changed by `overrides`. */
function result(overrides: Partial<TargetResult>): TargetResult {
  const sample = {
    rssBytes: 100 * MIB,
    heapUsedBytes: 20 * MIB,
    heapTotalBytes: 30 * MIB,
    externalBytes: MIB,
    cpuMs: 500,
    systemCpuMs: 100,
    connections: 0,
  };
  const percentiles = { count: 10, p50: 5, p95: 8, p99: 9, max: 9 };
  return {
    kind: 'loopchat',
    clients: 200,
    connected: 200,
    failedConnections: 0,
    firstConnectionError: undefined,
    connectMs: 90,
    otherFramesPerClient: 4,
    before: sample,
    idle: sample,
    kibPerIdleClient: 6.06,
    heapKibPerIdleClient: 3.3,
    lastReceiverMs: percentiles,
    lastReceiverSeriesMs: [],
    deliveryMs: percentiles,
    cpuMsPerBroadcast: 4,
    systemCpuMsPerBroadcast: 1.5,
    undelivered: 0,
    ramp: [PASSED, FAILED],
    sustainedDeliveriesPerSecond: 20_000,
    closedByServer: 0,
    closeCodes: {},
    ...overrides,
  };
}

/** Returns the cells of the row that starts with `label`, split on runs of two or more spaces. */
function row(lines: string[], label: string): string[] {
  const line = lines.find((candidate) => candidate.startsWith(label));
  if (line === undefined) throw new Error(`no row "${label}" in:\n${lines.join('\n')}`);
  return line.slice(label.length).trim().split(/ {2,}/);
}

describe('formatResults', () => {
  describe('memory per idle client', () => {
    it('shows a positive growth with its ratio', () => {
      const lines = formatResults(result({}), result({ kibPerIdleClient: 3.03 }), en);
      expect(row(lines, en.rowKibPerClient)).toEqual(['6.06 KiB', '3.03 KiB', '2.00×']);
      expect(lines).not.toContain(en.memoryBelowNoise);
    });

    it('shows n/a without a ratio for a negative growth', () => {
      const lines = formatResults(result({}), result({ kibPerIdleClient: -13.96 }), en);
      expect(row(lines, en.rowKibPerClient)).toEqual(['6.06 KiB', 'n/a', '-']);
    });

    it('shows n/a for zero growth', () => {
      const lines = formatResults(result({ kibPerIdleClient: 0 }), result({}), en);
      expect(row(lines, en.rowKibPerClient)).toEqual(['n/a', '6.06 KiB', '-']);
    });

    it('shows n/a for a negative heap growth', () => {
      const lines = formatResults(result({ heapKibPerIdleClient: -0.5 }), result({}), en);
      expect(row(lines, en.rowHeapPerClient)).toEqual(['n/a', '3.30 KiB', '-']);
      expect(row(lines, en.rowKibPerClient)).toEqual(['6.06 KiB', '6.06 KiB', '1.00×']);
    });

    it('adds one footnote after the table', () => {
      const lines = formatResults(
        result({ kibPerIdleClient: -1, heapKibPerIdleClient: -1 }),
        result({ kibPerIdleClient: -2 }),
        en,
      );
      expect(lines.filter((line) => line === en.memoryBelowNoise)).toHaveLength(1);
      expect(lines.at(-1)).toBe(en.memoryBelowNoise);
      expect(lines.at(-2)).toBe('');
      expect(en.memoryBelowNoise).toContain('--clients 1000');
    });

    it('adds the footnote in Japanese', () => {
      const lines = formatResults(result({ kibPerIdleClient: -1 }), result({}), ja);
      expect(row(lines, ja.rowKibPerClient)).toEqual(['なし', '6.06 KiB', '-']);
      expect(lines.at(-1)).toBe(ja.memoryBelowNoise);
    });
  });

  describe('sustained deliveries', () => {
    it('shows a rate bounded by a failing step with its ratio', () => {
      const lines = formatResults(result({}), result({ sustainedDeliveriesPerSecond: 10_000 }), en);
      expect(row(lines, en.rowSustained)).toEqual(['20,000', '10,000', '2.00×']);
      expect(lines).not.toContain(en.sustainedLowerBound);
    });

    it('marks a ramp without a failing step as a lower bound', () => {
      const lines = formatResults(
        result({ ramp: [PASSED, PASSED], sustainedDeliveriesPerSecond: 28_940 }),
        result({ ramp: [PASSED, PASSED], sustainedDeliveriesPerSecond: 33_200 }),
        en,
      );
      expect(row(lines, en.rowSustained)).toEqual(['≥ 28,940', '≥ 33,200', '-']);
      expect(lines.at(-1)).toBe(en.sustainedLowerBound);
    });

    it('drops the ratio when only one side is a lower bound', () => {
      const lines = formatResults(result({ ramp: [PASSED] }), result({}), en);
      expect(row(lines, en.rowSustained)).toEqual(['≥ 20,000', '20,000', '-']);
    });

    it('shows n/a when the ramp was skipped', () => {
      const skipped = result({ ramp: [], sustainedDeliveriesPerSecond: 0 });
      const lines = formatResults(skipped, skipped, en);
      expect(row(lines, en.rowSustained)).toEqual(['n/a', 'n/a', '-']);
      expect(lines.at(-1)!.startsWith(en.rowClosedByServer)).toBe(true);
    });

    it('lists both footnotes, memory first', () => {
      const lines = formatResults(result({ kibPerIdleClient: -1, ramp: [PASSED] }), result({}), en);
      expect(lines.slice(-3)).toEqual(['', en.memoryBelowNoise, en.sustainedLowerBound]);
    });
  });
});
