// Expected output of the event-loop and WebSocket-basics lessons, 01 to 08.
import { describeExpectedOutput } from './expected-output.ts';

describeExpectedOutput((lessonNumber) => lessonNumber <= 8);
