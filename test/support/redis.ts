// Redis for tests: the launcher in shared/redis-server.ts, plus the rule that tests skip (with the
// printed reason) when redis-server is missing, unless REQUIRE_REDIS=1 makes that a failure.
import { findRedisServer } from '../../shared/redis-server.ts';

export {
  findRedisServer,
  freePort,
  startRedis,
  type RedisProcess,
} from '../../shared/redis-server.ts';

/**
 * Returns the reason to skip Redis tests, or undefined when redis-server is installed. With
 * `REQUIRE_REDIS=1` a missing binary throws instead, so that CI cannot skip them silently.
 */
export function redisSkipReason(): string | undefined {
  if (findRedisServer()) return undefined;

  const reason =
    'redis-server is not installed (apt-get install redis-server, or brew install redis)';
  if (process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but ${reason}`);
  process.stdout.write(`skipping Redis tests: ${reason}\n`);
  return reason;
}
