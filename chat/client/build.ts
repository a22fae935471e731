// Builds the browser client into chat/client/dist when the build is missing or older than its
// sources, so `npm run chat` serves the current client without a separate build step. Run
// directly (`npm run build:client`) it always builds.

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CLIENT_ROOT = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(CLIENT_ROOT, '../..');

/** Folder the chat server serves at `/`. */
export const CLIENT_DIST = path.join(CLIENT_ROOT, 'dist');

// Everything the bundle is made of: the client sources and the shared modules it imports.
const SOURCES = [
  path.join(CLIENT_ROOT, 'index.html'),
  path.join(CLIENT_ROOT, 'vite.config.ts'),
  path.join(CLIENT_ROOT, 'src'),
  path.join(REPO_ROOT, 'shared'),
];

function newestModification(entry: string): number {
  const stats = statSync(entry, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(entry))
    newest = Math.max(newest, newestModification(path.join(entry, name)));
  return newest;
}

/** Returns true when dist/index.html is missing or older than any source file. */
export function isClientBuildStale(): boolean {
  const built = statSync(path.join(CLIENT_DIST, 'index.html'), { throwIfNoEntry: false });
  if (!built) return true;
  return SOURCES.some((source) => newestModification(source) > built.mtimeMs);
}

/** Builds the client with Vite's JS API. Vite is imported only here, so an up-to-date start stays fast. */
export async function buildClient(): Promise<void> {
  const { build } = await import('vite');

  // Vite and the React plugin keep a NODE_ENV that is already set, and vitest sets it to `test`.
  // The bundle would then call the development JSX runtime, which the production React
  // build does not have. The build that `npm run chat` serves is always a production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(CLIENT_ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** Builds the client only when it is stale; returns true when it built. */
export async function ensureClientBuild(): Promise<boolean> {
  if (!isClientBuildStale()) return false;
  await buildClient();
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const always = process.argv.includes('--always');
  try {
    if (always) await buildClient();
    else if (await ensureClientBuild())
      process.stderr.write(`built the browser client into ${CLIENT_DIST}\n`);
  } catch (error) {
    process.stderr.write(`failed to build the browser client: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
