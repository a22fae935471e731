// Runs `npm run bench` end to end at a tiny size to prove that every phase works and the JSON
// report is complete. No figure is compared with a target here: speed belongs to real runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { checkCatalogue } from '../../shared/i18n.ts';
import { benchMessages } from '../../bench/messages.ts';
import { reachableFdLimit } from '../../bench/fd-limit.ts';
import { neutralEnv, REPO_ROOT } from '../support/run-lesson.ts';

const BENCH = path.join(REPO_ROOT, 'bench', 'main.ts');
const directory = mkdtempSync(path.join(tmpdir(), 'loopchat-bench-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function runBench(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BENCH, ...args], {
      cwd: REPO_ROOT,
      env: neutralEnv(),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface TargetJson {
  connected: number;
  failedConnections: number;
  kibPerIdleClient: number;
  cpuMsPerBroadcast: number;
  undelivered: number;
  lastReceiverMs: { count: number; p99: number };
  deliveryMs: { count: number; p99: number };
  ramp: { passed: boolean }[];
  closedByServer: number;
}

describe('npm run bench', () => {
  it('measures both servers at 20 clients', async () => {
    const file = path.join(directory, 'bench.json');
    const result = await runBench([
      '--clients',
      '20',
      '--broadcasts',
      '5',
      '--ramp-steps',
      '1',
      '--json',
      file,
      '--lang',
      'en',
    ]);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('memory (RSS) per idle client');

    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      loopchat: TargetJson;
      yardstick: TargetJson;
    };
    for (const target of [report.loopchat, report.yardstick]) {
      expect(target.connected).toBe(20);
      expect(target.failedConnections).toBe(0);
      expect(target.undelivered).toBe(0);
      expect(target.lastReceiverMs.count).toBe(5);
      // Every client, the sender included, receives each of the 5 broadcasts.
      expect(target.deliveryMs.count).toBe(100);
      expect(Number.isFinite(target.deliveryMs.p99)).toBe(true);
      expect(Number.isFinite(target.kibPerIdleClient)).toBe(true);
      expect(target.cpuMsPerBroadcast).toBeGreaterThan(0);
      expect(target.ramp).toHaveLength(1);
      expect(target.closedByServer).toBe(0);
    }
  });

  it('rejects --clients 0 with exit code 2', async () => {
    const result = await runBench(['--clients', '0', '--lang', 'en']);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'loopchat bench: invalid value "0" for --clients: expected an integer from 1 to 100000\n',
    );
  });

  it('rejects an unknown option in Japanese', async () => {
    const result = await runBench(['--speed', '2', '--lang', 'ja']);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^loopchat bench: .*--help でオプションを確認してください\n$/);
  });

  it.runIf((reachableFdLimit() ?? Infinity) < 100_064)(
    'names the ulimit command when descriptors are short',
    async () => {
      const result = await runBench(['--clients', '100000', '--lang', 'en']);

      expect(result.code).toBe(2);
      expect(result.stderr).toContain('"ulimit -n 100064"');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    },
  );

  it('has the same message keys in ja and en', () => {
    expect(checkCatalogue(benchMessages)).toEqual([]);
  });
});
