import type { Io } from './io.js';

/** A progress bar on stderr: redrawn in place on a terminal, a few plain lines otherwise. */
export interface Progress {
  update(done: number, total?: number): void;
  done(message?: string): void;
}

const width = 30;

/**
 * Makes a progress bar labelled `label`.
 *
 * @example
 * const p = progress(io, 'writing events');
 * p.update(500, 1000); // [###############               ]  50% writing events
 * p.done();
 */
export const progress = (io: Io, label: string): Progress => {
  let lastShown = -1;
  let lastLine = 0;
  const bar = (done: number, total?: number) => {
    if (total === undefined || total <= 0) return `${done.toLocaleString('en-US')} ${label}`;
    const f = Math.min(1, done / total);
    const n = Math.round(f * width);
    return `[${'#'.repeat(n)}${' '.repeat(width - n)}] ${String(Math.floor(f * 100)).padStart(3)}% ${label}`;
  };
  return {
    update: (done, total) => {
      const pct = total === undefined || total <= 0 ? done : Math.floor((done / total) * 100);
      if (io.interactive) {
        if (pct === lastShown) return;
        lastShown = pct;
        process.stderr.write(`\r${bar(done, total)}`);
        return;
      }
      // Not a terminal: a line every 25% at most, so logs stay short.
      const now = Date.now();
      if (total !== undefined && total > 0 && pct - lastShown < 25) return;
      if (total === undefined && now - lastLine < 2000) return;
      lastShown = pct;
      lastLine = now;
      io.err(bar(done, total));
    },
    done: (message) => {
      if (io.interactive) process.stderr.write(`\r${' '.repeat(width + label.length + 8)}\r`);
      if (message !== undefined) io.err(message);
    },
  };
};
