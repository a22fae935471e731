// `npm run bench`: measures the loopchat chat server and a bare `ws` broadcast loop (the
// yardstick) one after the other on this machine, each in its own process with the load coming
// from separate client processes, and prints one table with a ratio per figure.
// Exit codes: 0 done, 1 the run failed or timed out, 2 usage error, 130 interrupted.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { detectLanguage } from '../shared/i18n.ts';
import { parseBenchArgs } from './args.ts';
import { killChildren } from './child.ts';
import { FD_HEADROOM, neededFds, reachableFdLimit } from './fd-limit.ts';
import type { ServerKind } from './ipc.ts';
import { benchMessagesFor } from './messages.ts';
import { ProgressBar } from './progress.ts';
import { formatResults } from './report.ts';
import { LOOPCHAT_BENCH_OVERRIDES, runTarget, type TargetResult } from './run-target.ts';

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;

const argv = process.argv.slice(2);
const language = detectLanguage(argv, process.env);
const text = benchMessagesFor(language);
const parsed = parseBenchArgs(argv, language, process.env);

if (parsed.kind === 'help') {
  const lines = [text.usage, '', text.helpIntro, ''];
  lines.push(text.helpClients, text.helpBroadcasts, text.helpProcesses, text.helpRampSteps);
  lines.push(text.helpTimeout, text.helpJson, text.helpLang);
  process.stdout.write(lines.join('\n') + '\n');
  process.exit(0);
}
if (parsed.kind === 'error') {
  process.stderr.write(text.errorPrefix + parsed.message + '\n');
  process.exit(EXIT_USAGE);
}

const { settings } = parsed;

// Check the descriptor limit before starting anything: a server that runs out of descriptors
// fails connections with EMFILE halfway through, which looks like a performance problem.
const needed = neededFds(settings.clients);
const fdLimit = reachableFdLimit();
if (fdLimit !== undefined && fdLimit < needed) {
  process.stderr.write(
    text.errorPrefix +
      text.fdLimitTooLow(fdLimit, needed, `ulimit -n ${needed}`, fdLimit - FD_HEADROOM) +
      '\n',
  );
  process.exit(EXIT_USAGE);
}

const progress = new ProgressBar();

function stop(code: number, message: string): never {
  progress.clear();
  killChildren();
  process.stderr.write(text.errorPrefix + message + '\n');
  process.exit(code);
}

process.on('SIGINT', () => stop(EXIT_INTERRUPTED, text.interrupted));
process.on('SIGTERM', () => stop(EXIT_INTERRUPTED, text.interrupted));
const hardTimeout = setTimeout(
  () => stop(EXIT_FAILED, text.timedOut(settings.timeoutSeconds)),
  settings.timeoutSeconds * 1000,
);

const phaseText = {
  start: text.phaseStart,
  connect: text.phaseConnect,
  settle: text.phaseSettle,
  broadcast: text.phaseBroadcast,
  ramp: text.phaseRamp,
  stop: text.phaseStop,
} as const;

async function measure(kind: ServerKind): Promise<TargetResult> {
  return runTarget({
    kind,
    ...settings,
    // Where the hard limit is unlimited, ask for what this run needs.
    fdLimit: needed,
    progress,
    phaseLabel: (phase) => phaseText[phase](kind),
  });
}

let yardstick: TargetResult;
let loopchat: TargetResult;
const loadAverageBefore = os.loadavg();
try {
  // The servers run one after the other, never together, because they share the CPU cores with
  // each other and with the load clients.
  yardstick = await measure('yardstick');
  loopchat = await measure('loopchat');
} catch (error) {
  stop(EXIT_FAILED, text.failed((error as Error).message));
} finally {
  clearTimeout(hardTimeout);
  killChildren();
}
progress.clear();

const loadAverage = loadAverageBefore.map((value) => value.toFixed(2)).join(' ');
const machine = {
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  loadAverageBefore: loadAverage,
};
const lines = [
  text.heading(settings.clients, settings.broadcasts, settings.processes),
  text.machine(machine.node, machine.platform, machine.cpus, loadAverage),
  '',
  ...formatResults(loopchat, yardstick, text),
];
process.stdout.write(lines.join('\n') + '\n');

if (settings.jsonFile) {
  const file = path.resolve(settings.jsonFile);
  const report = {
    date: new Date().toISOString(),
    command: `npm run bench -- ${argv.join(' ')}`.trim(),
    settings,
    machine,
    loopchatOverrides: LOOPCHAT_BENCH_OVERRIDES,
    loopchat,
    yardstick,
  };
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(text.jsonWritten(file) + '\n');
}
