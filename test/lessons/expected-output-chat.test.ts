// Expected output of the chat lessons, 09 onwards.
import { describeExpectedOutput } from './expected-output.ts';

describeExpectedOutput((lessonNumber) => lessonNumber >= 9);
