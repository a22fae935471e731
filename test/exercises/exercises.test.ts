// Both sides of every exercise: the reference solution passes its check, and the pristine
// exercise file fails it with the intended message. The student's working copies are never
// checked here, so a half-done exercise cannot make the test suite fail.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

import { createContext, type Check, type CheckResult } from '../../exercises/check-api.ts';
import { runCheck } from '../../exercises/check-runner.ts';
import { exerciseMessages } from '../../exercises/messages.ts';
import { filesDirectory, listExercises, type ExerciseInfo } from '../../exercises/registry.ts';
import { checkCatalogue, LANGUAGES } from '../../shared/i18n.ts';

const exercises = listExercises();

/**
 * How each pristine exercise fails, in English: the exact problem sentence, or for an output
 * exercise the expected and actual line at the first difference.
 */
const PRISTINE_FAILURES: Record<string, { problem: string } | { differs: [string, string] }> = {
  '01': { differs: ['loadGreeting returned', 'done("おはようございます")'] },
  '02': {
    problem:
      'with a file that does not exist, readConfig threw SyntaxError: "undefined" is not valid JSON instead of passing it to callback(error)',
  },
  '03': { differs: ['  timers still pending afterwards: 0', '  [+4000ms] onTick(4)'] },
  '04/callbacks': {
    problem:
      "done was called before every response had ended (0 of them had): call it from the last 'end' event",
  },
  '04/promise-all': {
    problem:
      'at most 1 of the 3 requests were in flight at once: start every request before waiting for any response',
  },
  '05/microtasks': { differs: ['F', 'B'] },
  '05/phases': { differs: ['F', 'B'] },
  '06': {
    problem:
      'GET /long-poll?after=3 with no news responded at once with 200 []: keep the response open until a publish or the timeout',
  },
  '07/accept': {
    problem:
      'computeAccept("dGhlIHNhbXBsZSBub25jZQ==") returned "hHLtf2V1k8aDQZfNjw3Ia1hCwt0=", expected "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="',
  },
  '07/frame-header': {
    problem:
      'for the frame 80 7e 00 c8 61 61 … (continuation, 200-byte payload, unmasked), readFrameHeader returned { fin: true, opcode: 0, masked: false, payloadLength: 126, headerLength: 2 }, expected { fin: true, opcode: 0, masked: false, payloadLength: 200, headerLength: 4 }',
  },
  '08': {
    problem:
      'message 1 ("hello") never came back: the connection closed first. Call socket.send in the message handler',
  },
  '09': {
    problem:
      'broadcast sent to client #1, whose readyState is CONNECTING: send only to OPEN clients',
  },
  '10': {
    problem: 'step 2: with names ["alice"], join("alice") returned "alice", expected "alice (2)"',
  },
  '11/backoff': {
    problem:
      'backoffDelay(0, { initialDelayMs: 500, maxDelayMs: 30000, random: () => 0 }) returned 500, expected 0',
  },
  '11/heartbeat': { differs: ['[+60000ms] terminate bob', '[+60000ms] ping bob'] },
  '11/resume': {
    problem:
      'with history seq 1–10 and lastSeenSeq 7, missedMessages returned { ok: true, messages: seq [1, 2, 3, 4, 5, 6, 8, 9, 10] }, expected { ok: true, messages: seq [8, 9, 10] }',
  },
  '12': { problem: 'countGraphemes(20 × "😀") returned 40, expected 20' },
  '13': {
    problem:
      'encode ran 12 times for one broadcast to 12 open sockets: encode the event once, before the loop',
  },
  '14': {
    problem:
      'after seq 5, message seq 5 arrived (stored history seq 1–5): messagesToDeliver returned seq [5], expected seq []',
  },
  '15': {
    problem:
      'the readiness probe path (readinessProbe.httpGet.path) is "/healthz", expected "/readyz": only /readyz turns to 503 while the server drains (3 more rules fail after this one)',
  },
};

/**
 * Exercises whose check must run in verify's child process, because the pristine file throws
 * from a callback and only the child routes that error back to the check.
 */
const RUN_IN_CHILD = new Set(['02']);

async function runCheckInProcess(exercise: ExerciseInfo, directory: string): Promise<CheckResult> {
  if (RUN_IN_CHILD.has(exercise.id)) return runCheck(exercise, directory, 'en');
  const module = (await import(pathToFileURL(path.join(exercise.directory, 'check.ts')).href)) as {
    default: Check;
  };
  return module.default(createContext(directory, 'en'));
}

describe('exercises', () => {
  it('number at least ten', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(10);
  });

  it('each list an intended pristine failure', () => {
    expect(exercises.map((exercise) => exercise.id).sort()).toEqual(
      Object.keys(PRISTINE_FAILURES).sort(),
    );
  });

  it('use a message catalogue with the same keys in both languages', () => {
    expect(checkCatalogue(exerciseMessages)).toEqual([]);
  });
});

describe.each(exercises.map((exercise) => [exercise.id, exercise] as const))(
  'exercise %s',
  (id, exercise) => {
    it('has bilingual metadata and hints', () => {
      for (const language of LANGUAGES) {
        expect(exercise.title[language]?.trim()).toBeTruthy();
        expect(exercise.instructions[language]?.trim()).toBeTruthy();
        const hint = path.join(exercise.directory, language === 'ja' ? 'hint.ja.md' : 'hint.md');
        expect(readFileSync(hint, 'utf8').trim()).toBeTruthy();
      }
      expect(['output', 'behaviour']).toContain(exercise.kind);
      expect(exercise.files.length).toBeGreaterThan(0);
    });

    it('keeps pristine and solution copies of every student file', () => {
      for (const name of exercise.files) {
        expect(existsSync(path.join(exercise.directory, name))).toBe(true);
        const pristine = readFileSync(
          path.join(filesDirectory(exercise, 'pristine'), name),
          'utf8',
        );
        const solution = readFileSync(
          path.join(filesDirectory(exercise, 'solution'), name),
          'utf8',
        );
        expect(pristine).toContain('EXERCISE:');
        expect(pristine).not.toMatch(/TODO/);
        expect(solution).not.toContain('EXERCISE:');
        // The working file sits one folder above its copies, so a relative import would break.
        expect(pristine).not.toMatch(/from '\.\.?\//);
        expect(solution).not.toMatch(/from '\.\.?\//);
      }
    });

    it('passes with the reference solution', async () => {
      const result = await runCheckInProcess(exercise, filesDirectory(exercise, 'solution'));
      expect(result).toEqual({ ok: true });
    });

    it('fails with the pristine file and the intended message', async () => {
      const result = await runCheckInProcess(exercise, filesDirectory(exercise, 'pristine'));
      const intended = PRISTINE_FAILURES[id];
      expect(result.ok).toBe(false);
      if (result.ok || !intended) return;

      if ('problem' in intended) {
        expect(result).toEqual({ ok: false, problem: intended.problem });
        return;
      }
      expect('expected' in result).toBe(true);
      if (!('expected' in result)) return;
      const index = result.expected.findIndex((line, i) => line !== result.actual[i]);
      expect([result.expected[index], result.actual[index]]).toEqual(intended.differs);
    });
  },
);
