// Formats the results of both servers as one table with a loopchat/yardstick ratio per figure.
import type { BenchMessages } from './messages.ts';
import type { TargetResult } from './run-target.ts';

const MIB = 1024 * 1024;

type Row = [label: string, loopchat: string, yardstick: string, ratio: string];

function ratio(loopchat: number, yardstick: number): string {
  if (!Number.isFinite(loopchat) || !Number.isFinite(yardstick) || yardstick === 0) return '-';
  return `${(loopchat / yardstick).toFixed(2)}×`;
}

function figure(values: [number, number], format: (value: number) => string, text: BenchMessages) {
  const shown = values.map((value) => (Number.isFinite(value) ? format(value) : text.notMeasured));
  return [shown[0]!, shown[1]!, ratio(values[0], values[1])] as const;
}

/** Formats a memory row's cells: growth at or below zero shows as not measured, without a ratio. */
function memoryFigure(values: [number, number], text: BenchMessages, notes: Set<string>) {
  // RSS and heap growth at a small N is below the noise of the V8 heap and the page cache, so a
  // zero or negative figure does not describe the clients. The JSON report keeps it as measured.
  const belowNoise = values.map((value) => value <= 0);
  if (!belowNoise.includes(true)) return figure(values, kib, text);

  notes.add(text.memoryBelowNoise);
  const shown = values.map((value, index) =>
    belowNoise[index] || !Number.isFinite(value) ? text.notMeasured : kib(value),
  );
  return [shown[0]!, shown[1]!, '-'] as const;
}

/** Returns true when the ramp ran without a failing step, so its step limit stopped it early. */
function rampNeverFailed(result: TargetResult): boolean {
  return result.ramp.length > 0 && result.ramp.every((step) => step.passed);
}

/** Formats the sustained-rate cells: `≥` marks a lower bound, a skipped ramp shows as not measured. */
function sustainedFigure(
  loopchat: TargetResult,
  yardstick: TargetResult,
  text: BenchMessages,
  notes: Set<string>,
) {
  const results = [loopchat, yardstick];
  const shown = results.map((result) => {
    if (result.ramp.length === 0) return text.notMeasured;
    const value = count(result.sustainedDeliveriesPerSecond);
    return rampNeverFailed(result) ? `≥ ${value}` : value;
  });
  const lowerBound = results.some(rampNeverFailed);
  if (lowerBound) notes.add(text.sustainedLowerBound);

  // A ratio with a lower bound on either side could be off in either direction.
  const comparable = !lowerBound && results.every((result) => result.ramp.length > 0);
  const shownRatio = comparable
    ? ratio(loopchat.sustainedDeliveriesPerSecond, yardstick.sustainedDeliveriesPerSecond)
    : '-';
  return [shown[0]!, shown[1]!, shownRatio] as const;
}

const ms = (value: number) => (value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value)} ms`);
const mib = (value: number) => `${(value / MIB).toFixed(1)} MiB`;
const kib = (value: number) => `${value.toFixed(2)} KiB`;
const count = (value: number) => Math.round(value).toLocaleString('en-US');

/**
 * Returns the table lines, then a footnote line for memory growth hidden as noise and one for a
 * sustained rate that is only a lower bound. Columns are padded for a monospaced terminal.
 */
export function formatResults(
  loopchat: TargetResult,
  yardstick: TargetResult,
  text: BenchMessages,
): string[] {
  const pair = (pick: (result: TargetResult) => number): [number, number] => [
    pick(loopchat),
    pick(yardstick),
  ];
  const notes = new Set<string>();

  const rows: Row[] = [
    [text.columnFigure, text.columnLoopchat, text.columnYardstick, text.columnRatio],
    [
      text.rowConnect,
      ...figure(
        pair((r) => r.connectMs),
        ms,
        text,
      ),
    ],
    [
      text.rowConnected,
      `${loopchat.connected} / ${loopchat.failedConnections}`,
      `${yardstick.connected} / ${yardstick.failedConnections}`,
      '-',
    ],
    [
      text.rowOtherFrames,
      ...figure(
        pair((r) => r.otherFramesPerClient),
        (v) => v.toFixed(1),
        text,
      ),
    ],
    [
      text.rowRssBefore,
      ...figure(
        pair((r) => r.before.rssBytes),
        mib,
        text,
      ),
    ],
    [
      text.rowRssIdle,
      ...figure(
        pair((r) => r.idle.rssBytes),
        mib,
        text,
      ),
    ],
    [
      text.rowKibPerClient,
      ...memoryFigure(
        pair((r) => r.kibPerIdleClient),
        text,
        notes,
      ),
    ],
    [
      text.rowHeapPerClient,
      ...memoryFigure(
        pair((r) => r.heapKibPerIdleClient),
        text,
        notes,
      ),
    ],
    [
      text.rowCpu,
      ...figure(
        pair((r) => r.cpuMsPerBroadcast),
        ms,
        text,
      ),
    ],
    [
      text.rowSystemCpu,
      ...figure(
        pair((r) => r.systemCpuMsPerBroadcast),
        ms,
        text,
      ),
    ],
  ];
  for (const key of ['p50', 'p95', 'p99', 'max'] as const)
    rows.push([
      text.rowLast(key),
      ...figure(
        pair((r) => r.lastReceiverMs[key]),
        ms,
        text,
      ),
    ]);
  for (const key of ['p50', 'p95', 'p99', 'max'] as const)
    rows.push([
      text.rowDelivery(key),
      ...figure(
        pair((r) => r.deliveryMs[key]),
        ms,
        text,
      ),
    ]);
  rows.push(
    [text.rowSustained, ...sustainedFigure(loopchat, yardstick, text, notes)],
    [text.rowUndelivered, String(loopchat.undelivered), String(yardstick.undelivered), '-'],
    [
      text.rowClosedByServer,
      String(loopchat.closedByServer),
      String(yardstick.closedByServer),
      '-',
    ],
  );

  const widths = [0, 1, 2, 3].map((column) =>
    Math.max(...rows.map((row) => displayWidth(row[column]!))),
  );
  const lines = rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? padEnd(cell, widths[column]!) : padStart(cell, widths[column]!),
      )
      .join('  ')
      .trimEnd(),
  );
  return notes.size === 0 ? lines : [...lines, '', ...notes];
}

// Japanese characters take two terminal columns, so padding counts them twice.
function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[\u3000-\u9fff\uff00-\uffef]/.test(character) ? 2 : 1;
  return width;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
