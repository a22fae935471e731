// Check of exercise 05/microtasks: runs quiz.ts and compares its real order with answer.txt.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Check } from '../../../../exercises/check-api.ts';
import { checkQuiz } from '../../../../exercises/quiz-check.ts';

const QUIZ = path.join(path.dirname(fileURLToPath(import.meta.url)), 'quiz.ts');

const check: Check = (context) => checkQuiz(context, QUIZ, 'answer.txt');

export default check;
