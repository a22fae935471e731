// The file-descriptor limit: every WebSocket is one descriptor, so the server process needs one
// per client plus a few for itself. Node cannot read or raise the limit (no getrlimit/setrlimit),
// so on POSIX systems a shell reports the highest soft limit it can set, which is what the
// children get when they start through `sh` (see child.ts).
import { execFileSync } from 'node:child_process';

/** Descriptors a process needs besides its sockets: stdio, the IPC channel, libuv, the listener. */
export const FD_HEADROOM = 64;

/**
 * Returns the soft limit a child can reach, `Infinity` when there is none, or undefined where
 * there is no POSIX shell to ask (Windows, which has no such per-process limit for sockets).
 */
export function reachableFdLimit(): number | undefined {
  if (process.platform === 'win32') return undefined;
  try {
    const output = execFileSync(
      '/bin/sh',
      ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; ulimit -n'],
      { encoding: 'utf8' },
    ).trim();
    return output === 'unlimited' ? Infinity : Number(output);
  } catch {
    return undefined;
  }
}

/** Returns the descriptors the busiest process of a run needs: the server has every connection. */
export function neededFds(clients: number): number {
  return clients + FD_HEADROOM;
}
