/** Where the CLI writes: stdout for results, stderr for progress and errors. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars redraw in place only then). */
  readonly interactive: boolean;
  /** The directory relative paths are read from. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The process's own streams. */
export const processIo = (): Io => ({
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  interactive: process.stderr.isTTY === true,
  cwd: process.cwd(),
  env: process.env,
});

/** An Io that keeps what is written, for tests and for embedding the CLI. */
export const bufferIo = (
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Io & { stdout(): string; stderr(): string } => {
  const out: string[] = [];
  const err: string[] = [];
  const line = (t: string) => (t.endsWith('\n') ? t : `${t}\n`);
  return {
    out: (t) => out.push(line(t)),
    err: (t) => err.push(line(t)),
    interactive: false,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
};
