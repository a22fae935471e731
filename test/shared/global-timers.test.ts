// The timer globals swap runs in a child process, so the test runner's own timers stay untouched.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { REPO_ROOT } from '../support/run-lesson.ts';

function runScript(source: string): string {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', source],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 20_000,
    },
  );
  if (result.status !== 0) throw new Error(`script failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

const sharedUrl = (file: string) => JSON.stringify(path.join(REPO_ROOT, 'shared', file));

describe('installVirtualTimers', () => {
  it('runs plain setTimeout, setInterval and timers/promises on virtual time', () => {
    const output = runScript(`
      const { VirtualClock } = await import(${sharedUrl('clock.ts')});
      const { installVirtualTimers, driveVirtualClock } = await import(${sharedUrl('global-timers.ts')});
      const clock = new VirtualClock();
      installVirtualTimers(clock);
      const { setTimeout: sleep } = await import('node:timers/promises');
      const started = performance.now();
      const wall = process.hrtime.bigint();
      const lines = [];
      setTimeout(() => lines.push('timeout ' + (performance.now() - started)), 60_000);
      let ticks = 0;
      const id = setInterval(() => { if (++ticks === 3) clearInterval(id); lines.push('tick ' + ticks); }, 20_000);
      const slept = sleep(90_000, 'done').then((value) => lines.push('slept ' + value + ' ' + (performance.now() - started)));
      const cancelled = setTimeout(() => lines.push('never'), 10);
      clearTimeout(cancelled);
      setTimeout(() => {}, 5).unref();
      await driveVirtualClock(clock);
      await slept;
      const wallMs = Number(process.hrtime.bigint() - wall) / 1e6;
      console.log(lines.join('|'));
      console.log(wallMs < 5000 ? 'fast' : 'slow ' + wallMs);
    `);
    expect(output).toBe('tick 1|tick 2|timeout 60000|tick 3|slept done 90000\nfast\n');
  });
});

describe('installScaledTimers', () => {
  it('scales timers and reports lesson time', () => {
    const output = runScript(`
      const { installScaledTimers } = await import(${sharedUrl('global-timers.ts')});
      installScaledTimers(20);
      const started = performance.now();
      const wall = process.hrtime.bigint();
      setTimeout(() => {
        const lessonMs = performance.now() - started;
        const wallMs = Number(process.hrtime.bigint() - wall) / 1e6;
        console.log(lessonMs >= 1990 ? 'lesson time ok' : 'lesson time ' + lessonMs);
        console.log(wallMs < 1500 ? 'scaled' : 'not scaled ' + wallMs);
      }, 2000);
    `);
    expect(output).toBe('lesson time ok\nscaled\n');
  });

  it('never fires a scaled timer before its delay', () => {
    const output = runScript(`
      const { installScaledTimers } = await import(${sharedUrl('global-timers.ts')});
      installScaledTimers(10);
      const early = [];
      let pending = 0;
      for (let delay = 10; delay <= 400; delay += 13) {
        pending++;
        const startedAt = performance.now();
        setTimeout(() => {
          const elapsed = performance.now() - startedAt;
          if (elapsed < delay) early.push(delay + ' fired at ' + elapsed.toFixed(2));
          if (--pending === 0) console.log(early.length === 0 ? 'none early' : early.join(', '));
        }, delay);
      }
    `);
    expect(output).toBe('none early\n');
  });
});
