// Measures one server (loopchat or the yardstick) through the benchmark's phases: start, connect
// N clients, idle memory, closed-loop broadcast latency and CPU, and a bounded rate ramp.
import { BenchChild, spawnNode } from './child.ts';
import type {
  LoadReport,
  LoadRequest,
  ServerKind,
  ServerReport,
  ServerRequest,
  ServerSample,
} from './ipc.ts';
import { summarise, type Percentiles } from './percentiles.ts';
import type { ProgressBar } from './progress.ts';
import { PROTOCOL_V1 } from '../shared/protocol.ts';

export interface TargetSettings {
  kind: ServerKind;
  clients: number;
  broadcasts: number;
  processes: number;
  rampSteps: number;
  /** File-descriptor limit to ask for in each child where the hard limit is unlimited. */
  fdLimit: number;
  progress: ProgressBar;
  /** Human-readable phase names, in the user's language. */
  phaseLabel: (phase: 'start' | 'connect' | 'settle' | 'broadcast' | 'ramp' | 'stop') => string;
}

export interface RampStep {
  broadcastsPerSecond: number;
  broadcasts: number;
  /** Broadcasts that reached every receiver before the step's deadline. */
  delivered: number;
  lastReceiverP99Ms: number;
  passed: boolean;
}

export interface TargetResult {
  kind: ServerKind;
  clients: number;
  connected: number;
  failedConnections: number;
  firstConnectionError: string | undefined;
  /** From the first connection attempt until every client is ready, in milliseconds. */
  connectMs: number;
  /**
   * Frames other than benchmark broadcasts per client over the whole run: welcome, user list,
   * history and presence. It stays flat as N grows when presence coalescing works.
   */
  otherFramesPerClient: number;
  before: ServerSample;
  idle: ServerSample;
  /** RSS growth per idle client; it also contains fixed costs such as young-generation pages. */
  kibPerIdleClient: number;
  /** V8 heap growth per idle client, after a full collection: the JavaScript objects alone. */
  heapKibPerIdleClient: number;
  /** From send until the last receiver had it, one value per broadcast. */
  lastReceiverMs: Percentiles;
  /** The last-receiver latency of each delivered broadcast in sending order, to spot spikes. */
  lastReceiverSeriesMs: number[];
  /** From send until each receiver had it, one value per delivery. */
  deliveryMs: Percentiles;
  cpuMsPerBroadcast: number;
  /** The system (kernel) part of `cpuMsPerBroadcast`. */
  systemCpuMsPerBroadcast: number;
  /** Broadcasts of the closed-loop phase that did not reach every client in time. */
  undelivered: number;
  ramp: RampStep[];
  /** Highest ramp rate whose last-receiver p99 stayed under one second, in deliveries per second. */
  sustainedDeliveriesPerSecond: number;
  closedByServer: number;
  closeCodes: Record<string, number>;
}

type ServerChild = BenchChild<ServerRequest, ServerReport | { type: 'exit' }>;
type LoadChild = BenchChild<LoadRequest, LoadReport | { type: 'exit' }>;

/** Handshakes in flight per load process; well under the default listen backlog of 511. */
const CONNECT_CONCURRENCY = 128;
const START_TIMEOUT_MS = 30_000;
/**
 * Connections opened and closed before the memory baseline, at most, so that compiling the
 * connection code does not count as memory of the clients. A larger warm-up would leave freed
 * pages resident that the measured clients then reuse, which hides their cost.
 */
const WARM_UP_CLIENTS_MAX = 100;
const SAMPLE_TIMEOUT_MS = 30_000;
const SERVER_STOP_TIMEOUT_MS = 5_000;
/** Time allowed per thousand clients to connect, on top of a fixed 30 s. */
const CONNECT_TIMEOUT_PER_1000_MS = 5_000;
const BROADCAST_TIMEOUT_MS = 30_000;
/** Broadcasts sent before the measured ones, so that V8 has compiled the hot paths. */
const WARM_UP_BROADCASTS = 3;
/** Pause between two closed-loop broadcasts, so that one's tail does not overlap the next. */
const BROADCAST_GAP_MS = 10;
/** The server counts as settled when it used less than this share of one core over a sample. */
const SETTLED_CPU_SHARE = 0.05;
const SETTLE_SAMPLE_MS = 250;
const SETTLE_MAX_MS = 15_000;
const RAMP_STEP_MS = 2_000;
const RAMP_FACTOR = 1.5;
/** The ramp stops narrowing in once the failing rate is within 10 % of the passing one. */
const RAMP_PRECISION = 1.1;
/** The sustained-rate criterion: last-receiver p99 below one second. */
const RAMP_P99_LIMIT_MS = 1_000;
/** After a ramp step's last send, deliveries still arriving later than this fail the step. */
const RAMP_DRAIN_MS = 5_000;

/**
 * Settings of the loopchat server in the benchmark: production defaults, with the rate limit
 * raised for every client (the server has no per-client limit) so that the one sending client is
 * not rate-limited away. The token bucket is still checked on every frame.
 */
export const LOOPCHAT_BENCH_OVERRIDES = {
  rateBurst: 100_000,
  ratePerSecond: 100_000,
  logFormat: 'json',
  logLevel: 'info',
} as const;

/** Measures one server through every phase; its processes are killed however the run ends. */
export async function runTarget(settings: TargetSettings): Promise<TargetResult> {
  const { kind, progress } = settings;

  progress.update(settings.phaseLabel('start'));
  const serverArgs = kind === 'loopchat' ? [JSON.stringify(LOOPCHAT_BENCH_OVERRIDES)] : [];
  const server: ServerChild = new BenchChild(
    spawnNode(`servers/${kind}.ts`, serverArgs, settings.fdLimit),
    `${kind} server`,
  );
  const loads: LoadChild[] = Array.from(
    { length: settings.processes },
    (_, index) =>
      new BenchChild(spawnNode('load-client.ts', [], settings.fdLimit), `load client ${index + 1}`),
  );

  try {
    const { port } = await server.next('listening', START_TIMEOUT_MS, 'the server to listen');
    const sample = async (collectGarbage: boolean) => {
      server.send({ type: 'sample', collectGarbage });
      const { type: _type, ...values } = await server.next(
        'sample',
        SAMPLE_TIMEOUT_MS,
        'a server sample',
      );
      return values as ServerSample;
    };

    // The first connections compile the server's connection code, so a short warm-up keeps
    // that fixed cost out of the memory per idle client.
    await warmUp(settings, port);
    await waitUntilSettled(sample);
    const before = await sample(true);
    const connect = await connectClients(settings, loads, port);

    progress.update(settings.phaseLabel('settle'));
    await waitUntilSettled(sample);
    const idle = await sample(true);

    const closedLoop = await measureClosedLoop(settings, loads, sample);
    const ramp = await runRamp(settings, loads, closedLoop.lastReceiverMs.p50, connect.ready);
    const passed = ramp.filter((step) => step.passed);
    const best =
      passed.length === 0 ? 0 : Math.max(...passed.map((step) => step.broadcastsPerSecond));

    progress.update(settings.phaseLabel('stop'));
    const closed = await Promise.all(
      loads.map((load) => {
        load.send({ type: 'close' });
        return load.next('closed', SAMPLE_TIMEOUT_MS, 'the clients to close');
      }),
    );
    const closeCodes: Record<string, number> = {};
    for (const report of closed) {
      for (const [code, count] of Object.entries(report.closeCodes))
        closeCodes[code] = (closeCodes[code] ?? 0) + count;
    }

    return {
      kind,
      clients: settings.clients,
      connected: connect.ready,
      failedConnections: connect.failed,
      firstConnectionError: connect.firstError,
      connectMs: connect.elapsedMs,
      otherFramesPerClient:
        connect.ready === 0
          ? 0
          : closed.reduce((sum, report) => sum + report.otherFrames, 0) / connect.ready,
      before,
      idle,
      kibPerIdleClient:
        connect.ready === 0 ? Number.NaN : (idle.rssBytes - before.rssBytes) / 1024 / connect.ready,
      heapKibPerIdleClient:
        connect.ready === 0
          ? Number.NaN
          : (idle.heapUsedBytes - before.heapUsedBytes) / 1024 / connect.ready,
      ...closedLoop,
      ramp,
      sustainedDeliveriesPerSecond: best * connect.ready,
      closedByServer: closed.reduce((sum, report) => sum + report.closedByServer, 0),
      closeCodes,
    };
  } finally {
    server.send({ type: 'stop' });
    for (const load of loads) load.kill();
    // The server gets a moment to stop on its own; after that it is killed like the others.
    await server.exited(SERVER_STOP_TIMEOUT_MS);
    server.kill();
  }
}

/** Opens and closes up to WARM_UP_CLIENTS_MAX connections from a load process of their own. */
async function warmUp(settings: TargetSettings, port: number): Promise<void> {
  const count = Math.min(settings.clients, WARM_UP_CLIENTS_MAX);
  const load: LoadChild = new BenchChild(
    spawnNode('load-client.ts', [], settings.fdLimit),
    'warm-up load client',
  );
  try {
    load.send(connectRequest(settings.kind, port, count, 'warm-', 0));
    await load.next('connected', START_TIMEOUT_MS, `${count} warm-up connections`);
    load.send({ type: 'close' });
    await load.next('closed', SAMPLE_TIMEOUT_MS, 'the warm-up clients to close');
  } finally {
    load.kill();
  }
}

function connectRequest(
  kind: ServerKind,
  port: number,
  count: number,
  namePrefix: string,
  recordedBroadcasts: number,
): LoadRequest {
  return {
    type: 'connect',
    url: `ws://127.0.0.1:${port}${kind === 'loopchat' ? '/chat' : '/'}`,
    protocols: kind === 'loopchat' ? [PROTOCOL_V1] : [],
    count,
    namePrefix,
    concurrency: CONNECT_CONCURRENCY,
    // A loopchat client is ready once the server has joined it and sent `welcome`; the
    // yardstick has no join, so its clients are ready when the handshake completes.
    readyOn: kind === 'loopchat' ? 'welcome' : 'open',
    recordedBroadcasts,
  };
}

async function connectClients(settings: TargetSettings, loads: LoadChild[], port: number) {
  const { clients, processes, kind } = settings;
  const shares = Array.from(
    { length: processes },
    (_, index) => Math.floor(clients / processes) + (index < clients % processes ? 1 : 0),
  );
  const readyByProcess = shares.map(() => 0);
  const label = settings.phaseLabel('connect');
  const stopProgress = loads.map((load, index) =>
    load.on('progress', (report) => {
      readyByProcess[index] = report.ready;
      settings.progress.update(
        label,
        readyByProcess.reduce((sum, ready) => sum + ready, 0),
        clients,
      );
    }),
  );

  const timeoutMs = 30_000 + (clients / 1000) * CONNECT_TIMEOUT_PER_1000_MS;
  const startedAt = performance.now();
  const reports = await Promise.all(
    loads.map((load, index) => {
      load.send(connectRequest(kind, port, shares[index]!, `p${index + 1}-`, settings.broadcasts));
      return load.next('connected', timeoutMs, `${shares[index]} connections`);
    }),
  );
  const elapsedMs = performance.now() - startedAt;
  for (const stop of stopProgress) stop();

  return {
    elapsedMs,
    ready: reports.reduce((sum, report) => sum + report.ready, 0),
    failed: reports.reduce((sum, report) => sum + report.failed, 0),
    firstError: reports.find((report) => report.firstError)?.firstError,
  };
}

/** Waits until the server's CPU use drops, so that join handling does not count as idle memory. */
async function waitUntilSettled(sample: (collectGarbage: boolean) => Promise<ServerSample>) {
  const deadline = performance.now() + SETTLE_MAX_MS;
  let previous = await sample(false);
  while (performance.now() < deadline) {
    await delay(SETTLE_SAMPLE_MS);
    const current = await sample(false);
    const share = (current.cpuMs - previous.cpuMs) / SETTLE_SAMPLE_MS;
    previous = current;
    if (share < SETTLED_CPU_SHARE) return;
  }
}

/** Tracks `received` reports of every load process and resolves when a broadcast is complete. */
class DeliveryTracker {
  readonly #expected: number;
  readonly #pending = new Map<
    number,
    { processes: number; lastMs: number; resolve?: (lastMs: number) => void }
  >();
  readonly #stops: (() => void)[];

  constructor(loads: LoadChild[]) {
    this.#expected = loads.length;
    this.#stops = loads.map((load) => load.on('received', (report) => this.#record(report)));
  }

  /** Resolves with the last-receiver latency of a broadcast, or NaN after `timeoutMs`. */
  wait(id: number, timeoutMs: number): Promise<number> {
    const entry = this.#entry(id);
    if (entry.processes === this.#expected) return Promise.resolve(entry.lastMs);

    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(Number.NaN), timeoutMs);
      entry.resolve = (lastMs) => {
        clearTimeout(timer);
        resolve(lastMs);
      };
    });
  }

  stop(): void {
    for (const stop of this.#stops) stop();
  }

  #entry(id: number) {
    let entry = this.#pending.get(id);
    if (!entry) {
      entry = { processes: 0, lastMs: 0 };
      this.#pending.set(id, entry);
    }
    return entry;
  }

  #record(report: Extract<LoadReport, { type: 'received' }>): void {
    const entry = this.#entry(report.id);
    entry.processes++;
    entry.lastMs = Math.max(entry.lastMs, report.lastMs);
    if (entry.processes === this.#expected) {
      this.#pending.delete(report.id);
      entry.resolve?.(entry.lastMs);
    }
  }
}

async function measureClosedLoop(
  settings: TargetSettings,
  loads: LoadChild[],
  sample: (collectGarbage: boolean) => Promise<ServerSample>,
) {
  const sender = loads[0]!;
  const tracker = new DeliveryTracker(loads);
  const label = settings.phaseLabel('broadcast');

  try {
    // Warm-up broadcasts use ids above the recorded range, so their latencies are not kept.
    for (let index = 0; index < WARM_UP_BROADCASTS; index++) {
      const id = settings.broadcasts + index;
      const delivered = tracker.wait(id, BROADCAST_TIMEOUT_MS);
      sender.send({ type: 'send', id });
      await delivered;
      await delay(BROADCAST_GAP_MS);
    }

    const cpuBefore = await sample(false);
    const lastMs: number[] = [];
    let undelivered = 0;
    for (let id = 0; id < settings.broadcasts; id++) {
      settings.progress.update(label, id, settings.broadcasts);
      const delivered = tracker.wait(id, BROADCAST_TIMEOUT_MS);
      sender.send({ type: 'send', id });
      const latency = await delivered;
      if (Number.isNaN(latency)) undelivered++;
      else lastMs.push(latency);
      await delay(BROADCAST_GAP_MS);
    }
    const cpuAfter = await sample(false);

    const parts = await Promise.all(
      loads.map((load) => {
        load.send({ type: 'latencies', fromId: 0, toId: settings.broadcasts - 1 });
        return load.next('latencies', SAMPLE_TIMEOUT_MS, 'the delivery latencies');
      }),
    );
    const deliveries = new Float64Array(parts.reduce((sum, part) => sum + part.values.length, 0));
    let offset = 0;
    for (const part of parts) {
      deliveries.set(part.values, offset);
      offset += part.values.length;
    }

    return {
      lastReceiverMs: summarise(lastMs),
      lastReceiverSeriesMs: lastMs,
      deliveryMs: summarise(deliveries),
      cpuMsPerBroadcast: (cpuAfter.cpuMs - cpuBefore.cpuMs) / settings.broadcasts,
      systemCpuMsPerBroadcast: (cpuAfter.systemCpuMs - cpuBefore.systemCpuMs) / settings.broadcasts,
      undelivered,
    };
  } finally {
    tracker.stop();
  }
}

/**
 * Sends broadcasts at rising rates for a fixed time each, until a rate fails: its last-receiver
 * p99 reaches one second or its broadcasts do not all arrive. Then it narrows in between the
 * highest passing and the lowest failing rate. The first rate is half of what the closed-loop
 * p50 suggests, so that the ramp starts below the limit.
 */
async function runRamp(
  settings: TargetSettings,
  loads: LoadChild[],
  closedLoopP50Ms: number,
  receivers: number,
): Promise<RampStep[]> {
  const steps: RampStep[] = [];
  if (settings.rampSteps === 0 || receivers === 0 || Number.isNaN(closedLoopP50Ms)) return steps;

  const sender = loads[0]!;
  const tracker = new DeliveryTracker(loads);
  const label = settings.phaseLabel('ramp');
  let rate = Math.max(1, 500 / Math.max(closedLoopP50Ms, 1));
  let nextId = settings.broadcasts + WARM_UP_BROADCASTS;
  let highestPassed = 0;
  let lowestFailed: number | undefined;

  try {
    for (let step = 0; step < settings.rampSteps; step++) {
      settings.progress.update(label, step, settings.rampSteps);
      const broadcastsPerSecond = Math.round(rate * 10) / 10;
      const count = Math.max(5, Math.round((broadcastsPerSecond * RAMP_STEP_MS) / 1000));
      const firstId = nextId;
      nextId += count;

      const waits = Array.from({ length: count }, (_, index) =>
        tracker.wait(firstId + index, RAMP_STEP_MS + RAMP_DRAIN_MS),
      );
      sender.send({ type: 'send-rate', firstId, count, ratePerSecond: broadcastsPerSecond });
      const latencies = await Promise.all(waits);

      const delivered = latencies.filter((latency) => !Number.isNaN(latency));
      // An undelivered broadcast counts as infinitely late, so it can only raise the p99.
      const p99 = summarise(
        latencies.map((latency) => (Number.isNaN(latency) ? Infinity : latency)),
      ).p99;
      const passed = delivered.length === count && p99 < RAMP_P99_LIMIT_MS;
      steps.push({
        broadcastsPerSecond,
        broadcasts: count,
        delivered: delivered.length,
        lastReceiverP99Ms: p99,
        passed,
      });
      if (passed) highestPassed = broadcastsPerSecond;
      else lowestFailed = broadcastsPerSecond;

      // A step that left broadcasts undelivered leaves a backlog that would spoil the next one.
      if (!passed && delivered.length < count) break;
      if (lowestFailed === undefined) {
        rate *= RAMP_FACTOR;
        continue;
      }
      // After the first failure the ramp narrows in: halfway (geometrically) between the highest
      // passing and the lowest failing rate, or halving while nothing has passed yet.
      rate = highestPassed === 0 ? lowestFailed / 2 : Math.sqrt(highestPassed * lowestFailed);
      if (highestPassed > 0 && lowestFailed / highestPassed < RAMP_PRECISION) break;
    }
  } finally {
    tracker.stop();
  }
  return steps;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
