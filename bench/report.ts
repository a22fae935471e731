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

const ms = (value: number) => (value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value)} ms`);
const mib = (value: number) => `${(value / MIB).toFixed(1)} MiB`;
const kib = (value: number) => `${value.toFixed(2)} KiB`;
const count = (value: number) => Math.round(value).toLocaleString('en-US');

/** Returns the table lines; columns are padded for a monospaced terminal. */
export function formatResults(
  loopchat: TargetResult,
  yardstick: TargetResult,
  text: BenchMessages,
): string[] {
  const pair = (pick: (result: TargetResult) => number): [number, number] => [
    pick(loopchat),
    pick(yardstick),
  ];

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
      ...figure(
        pair((r) => r.kibPerIdleClient),
        kib,
        text,
      ),
    ],
    [
      text.rowHeapPerClient,
      ...figure(
        pair((r) => r.heapKibPerIdleClient),
        kib,
        text,
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
    [
      text.rowSustained,
      ...figure(
        pair((r) => r.sustainedDeliveriesPerSecond),
        count,
        text,
      ),
    ],
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
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? padEnd(cell, widths[column]!) : padStart(cell, widths[column]!),
      )
      .join('  ')
      .trimEnd(),
  );
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
