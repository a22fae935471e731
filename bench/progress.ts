// The progress bar of long benchmark runs: one line on stderr, redrawn in place, shown only when
// stderr is a terminal, so that piped output and test logs stay clean.

const BAR_WIDTH = 24;
/** Redraws faster than this add nothing a person can read and cost terminal time. */
const REDRAW_INTERVAL_MS = 100;

export class ProgressBar {
  readonly #stream: NodeJS.WriteStream;
  readonly #enabled: boolean;
  #drawnAt = 0;
  #visible = false;

  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.#stream = stream;
    this.#enabled = stream.isTTY === true;
  }

  /** Shows `label` with a bar for `done` of `total`; without a total, only the label. */
  update(label: string, done = 0, total = 0): void {
    if (!this.#enabled) return;
    const time = performance.now();
    if (time - this.#drawnAt < REDRAW_INTERVAL_MS && done < total) return;
    this.#drawnAt = time;

    let line = label;
    if (total > 0) {
      const filled = Math.round((Math.min(done, total) / total) * BAR_WIDTH);
      line = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${label} ${done}/${total}`;
    }
    const width = this.#stream.columns ?? 80;
    this.#stream.write(`\r${line.slice(0, width - 1).padEnd(width - 1)}`);
    this.#visible = true;
  }

  /** Removes the bar, so that the next output starts on a clean line. */
  clear(): void {
    if (!this.#enabled || !this.#visible) return;
    this.#stream.write(`\r${' '.repeat((this.#stream.columns ?? 80) - 1)}\r`);
    this.#visible = false;
  }
}
