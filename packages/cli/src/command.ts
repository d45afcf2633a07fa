import type { ParseArgsConfig } from 'node:util';
import type { Io } from './io.js';

/** Options every command accepts: where the practice's log is. */
export const globalOptions = {
  db: { type: 'string' },
  store: { type: 'string' },
  'key-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** What a command receives. */
export interface CommandContext {
  readonly io: Io;
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** One `praxis` subcommand. */
export interface CliCommand {
  readonly name: string;
  /** One line for `praxis --help`. */
  readonly summary: string;
  /** The usage line(s) for `praxis <name> --help`. */
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Positional arguments allowed (default 0). */
  readonly positionals?: number;
  /** Runs the command; resolves to the exit code. */
  run(ctx: CommandContext): Promise<number>;
}
