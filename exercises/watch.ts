// Watches the student files and calls back after each save: fs.watch on their folders, or
// fs.watchFile polling where file events are unreliable (WSL folders under /mnt, network drives)
// or when the student asks for it with --poll.

import { existsSync, readFileSync, unwatchFile, watch, watchFile, type FSWatcher } from 'node:fs';
import path from 'node:path';

export const POLL_INTERVAL_MS = 500;

/** Saves often arrive as several events (truncate, write, rename); one check covers them all. */
const DEBOUNCE_MS = 150;

export type WatchMode = 'events' | 'polling';

export interface FileWatcher {
  mode: WatchMode;
  close(): void;
}

export interface WatchOptions {
  poll: boolean;
  /** Called when file events cannot be used and polling takes over, with the reason. */
  onFallback?: (detail: string) => void;
}

/**
 * True inside WSL for files on a Windows drive (/mnt/c/…): Linux inotify never sees the saves a
 * Windows editor makes there.
 */
function onWindowsDriveInWsl(files: string[]): boolean {
  if (process.platform !== 'linux' || !existsSync('/proc/version')) return false;
  if (!/microsoft/i.test(readFileSync('/proc/version', 'utf8'))) return false;
  return files.some((file) => file.startsWith('/mnt/'));
}

function pollFiles(files: string[], changed: () => void): FileWatcher {
  for (const file of files) {
    watchFile(file, { interval: POLL_INTERVAL_MS }, (current, previous) => {
      if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size) changed();
    });
  }
  return { mode: 'polling', close: () => files.forEach((file) => unwatchFile(file)) };
}

function watchFolders(files: string[], changed: () => void): FileWatcher {
  // Watching the folder rather than the file keeps working when an editor saves by writing a new
  // file and renaming it over the old one (vim, many IDEs), which ends a watch on the file itself.
  const names = new Set(files.map((file) => path.resolve(file)));
  const watchers: FSWatcher[] = [];
  try {
    for (const folder of new Set(files.map((file) => path.dirname(path.resolve(file))))) {
      const watcher = watch(folder, (_event, name) => {
        if (name === null || names.has(path.join(folder, name.toString()))) changed();
      });
      watchers.push(watcher);
    }
  } catch (error) {
    watchers.forEach((watcher) => watcher.close());
    throw error;
  }
  return { mode: 'events', close: () => watchers.forEach((watcher) => watcher.close()) };
}

/** Calls `onChange` once after each burst of changes to any of `files`. */
export function watchFiles(
  files: string[],
  onChange: () => void,
  options: WatchOptions,
): FileWatcher {
  let pending: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(pending);
    pending = setTimeout(onChange, DEBOUNCE_MS);
  };

  let watcher: FileWatcher;
  if (options.poll || onWindowsDriveInWsl(files)) {
    watcher = pollFiles(files, changed);
  } else {
    try {
      watcher = watchFolders(files, changed);
    } catch (error) {
      options.onFallback?.((error as Error).message);
      watcher = pollFiles(files, changed);
    }
  }

  return {
    mode: watcher.mode,
    close: () => {
      clearTimeout(pending);
      watcher.close();
    },
  };
}
