// Child process entry that runs one exercise's check.ts and sends the result to verify over IPC.
// Arguments: the exercise folder, the folder of the files to check, the language.
// Running each check in a fresh process isolates verify from endless loops, patched timers and
// open sockets, and lets watch mode import the student's file again after every save.

import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { parseLanguage, pick } from '../shared/i18n.ts';
import {
  createContext,
  describeError,
  routeUncaught,
  type Check,
  type CheckResult,
} from './check-api.ts';
import { exerciseMessages } from './messages.ts';

const [exerciseDir, filesDir, languageArg] = process.argv.slice(2);
const language = parseLanguage(languageArg ?? '') ?? 'en';
const text = pick(exerciseMessages, language);

async function runCheck(): Promise<CheckResult> {
  const checkModule = (await import(pathToFileURL(path.join(exerciseDir!, 'check.ts')).href)) as {
    default: Check;
  };
  try {
    return await checkModule.default(createContext(filesDir!, language));
  } catch (error) {
    // A syntax or type error in the student file shows up when the check imports it. tsx
    // reports a TypeScript file that does not parse as a TransformError.
    if (
      error instanceof SyntaxError ||
      (error as { name?: string }).name === 'TransformError' ||
      (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND'
    )
      return { ok: false, problem: text.fileLoadFailed(filesDir!, describeError(error)) };
    return { ok: false, problem: text.codeThrew(describeError(error)) };
  }
}

let sent = false;

function finish(result: CheckResult): void {
  if (sent) return;
  sent = true;
  // The student's code may have left timers or sockets open; the result is all verify needs.
  process.send!(result, () => process.exit(0));
}

// An error thrown later, inside a timer or socket callback of the student's code, lands here.
process.on('uncaughtException', (error) => {
  if (routeUncaught(error)) return;
  finish({ ok: false, problem: text.codeThrew(describeError(error)) });
});
process.on('unhandledRejection', (error) =>
  finish({ ok: false, problem: text.codeThrew(describeError(error)) }),
);

finish(await runCheck());
