/**
 * Lesson 01: blocking vs non-blocking.
 *
 * Run it:     npm run lesson 01
 * Exact:      npm run lesson 01 -- --deterministic     Step:  npm run lesson 01 -- --step
 *
 * Watch for three things:
 * 1. Awaiting two slow sources one after the other takes the sum of their waits (about 2.5 s).
 *    Sending both requests first and awaiting Promise.all takes only the longest wait (about 1.5 s).
 * 2. In part 2 both "request sent" lines print at once, because sending a request does not wait
 *    for the response. The single thread is free while the responses are on their way.
 * 3. A synchronous loop is different: while it runs, no callback can run. In a real-time run the
 *    heartbeat after the loop comes late by as long as the loop took.
 */

import { log, useMessages } from '../../shared/lesson.ts';
import { messages } from './messages.ts';

const t = useMessages(messages);

const WEATHER_DELAY_MS = 1000;
const DATABASE_DELAY_MS = 1500;
const HEARTBEAT_INTERVAL_MS = 100;
const MAX_HEARTBEATS = 3;
const JOB_AT_MS = 150;
const PRIME_LIMIT = 1_500_000;

/** Sends a request to a pretend slow service, whose response arrives `delayMs` later. */
function askSlowSource(source: string, response: string, delayMs: number): Promise<string> {
  log(t.requestSent(source));
  return new Promise((resolve) => {
    setTimeout(() => {
      log(t.responseReceived(source, response, delayMs));
      resolve(response);
    }, delayMs);
  });
}

const fetchWeather = () => askSlowSource(t.weatherApi, t.sunny, WEATHER_DELAY_MS);
const queryDatabase = () => askSlowSource(t.database, t.unreadMessages, DATABASE_DELAY_MS);

// Half a second is precise enough to tell 2.5 s from 1.5 s, and a real-time run, where every timer
// fires a few milliseconds late, then prints the same line. The stamps show the exact times.
function aboutSeconds(ms: number): number {
  return Math.round(ms / 500) / 2;
}

// 1) One after the other: the database query is sent only after the weather response is in.
log(t.sequentialHeading);
let startedAt = performance.now();
await fetchWeather();
await queryDatabase();
const sequentialMs = performance.now() - startedAt;
log(t.sequentialTotal(aboutSeconds(sequentialMs), WEATHER_DELAY_MS, DATABASE_DELAY_MS));

// 2) Concurrently: both requests are sent first, then one await waits for both responses.
log(t.concurrentHeading);
startedAt = performance.now();
await Promise.all([fetchWeather(), queryDatabase()]);
const concurrentMs = performance.now() - startedAt;
log(t.concurrentTotal(aboutSeconds(concurrentMs), Math.max(WEATHER_DELAY_MS, DATABASE_DELAY_MS)));

// 3) Blocking: CPU-bound work in a callback keeps the only thread busy until it returns.

/** Counts primes by trial division: slow on purpose, and synchronous from start to end. */
function countPrimesBelow(limit: number): number {
  let count = 0;
  for (let n = 2; n < limit; n++) {
    let isPrime = true;
    for (let divisor = 2; divisor * divisor <= n; divisor++) {
      if (n % divisor === 0) {
        isPrime = false;
        break;
      }
    }
    if (isPrime) count++;
  }
  return count;
}

log(t.blockingHeading(HEARTBEAT_INTERVAL_MS, JOB_AT_MS));

let heartbeats = 0;
const heartbeat = setInterval(() => {
  heartbeats++;
  log(t.heartbeat(heartbeats));
  if (heartbeats === MAX_HEARTBEATS) {
    clearInterval(heartbeat);
    log(t.heartbeatStopped(MAX_HEARTBEATS));
  }
}, HEARTBEAT_INTERVAL_MS);

// NOTE: the job is a fixed amount of work, not a busy-wait such as
// `while (performance.now() < end) {}`. On the virtual clock of --deterministic, time moves only
// between timer callbacks, so such a loop would never end. There the job takes 0 ms of lesson time.
setTimeout(() => {
  log(t.jobStarted(PRIME_LIMIT));
  const primes = countPrimesBelow(PRIME_LIMIT);
  log(t.jobFinished(primes));
}, JOB_AT_MS);
