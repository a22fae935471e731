// Both sides of every exercise: the reference solution passes its check, and the pristine
// exercise file fails it with the intended message. The student's working copies are never
// checked here, so a half-done exercise cannot make the test suite fail.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

import { createContext, type Check, type CheckResult } from '../../exercises/check-api.ts';
import { exerciseMessages } from '../../exercises/messages.ts';
import { filesDirectory, listExercises, type ExerciseInfo } from '../../exercises/registry.ts';
import { checkCatalogue, LANGUAGES } from '../../shared/i18n.ts';

const exercises = listExercises();

/**
 * How each pristine exercise fails, in English: the exact problem sentence, or for an output
 * exercise the expected and actual line at the first difference.
 */
const PRISTINE_FAILURES: Record<string, { problem: string } | { differs: [string, string] }> = {
  '03': { differs: ['  timers still pending afterwards: 0', '  [+4000ms] onTick(4)'] },
  '05/microtasks': { differs: ['F', 'B'] },
  '05/phases': { differs: ['F', 'B'] },
  '12': { problem: 'countGraphemes(20 × "😀") returned 40, expected 20' },
};

async function runCheckInProcess(exercise: ExerciseInfo, directory: string): Promise<CheckResult> {
  const module = (await import(pathToFileURL(path.join(exercise.directory, 'check.ts')).href)) as {
    default: Check;
  };
  return module.default(createContext(directory, 'en'));
}

describe('exercises', () => {
  it('exist', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(4);
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
