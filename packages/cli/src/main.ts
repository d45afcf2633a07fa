import { parseArgs } from 'node:util';
import { PraxisError } from '@praxis/core';
import { globalOptions, type CliCommand } from './command.js';
import { commands } from './commands/index.js';
import { ExitCode } from './exit-code.js';
import { processIo, type Io } from './io.js';
import { UsageError } from './usage-error.js';

const help = (): string =>
  [
    'praxis — run and inspect a Praxis practice',
    '',
    'Usage: praxis <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`),
    '',
    'Every command takes --db <file> (SQLite, default ./practice.db) or --store <url>',
    '(sqlite:<file>, postgres://…, kurrentdb://…; also PRAXIS_STORE), and --key-file <file> (the trust key;',
    'also PRAXIS_TRUST_KEY_FILE or PRAXIS_TRUST_KEY). `praxis <command> --help` for more.',
  ].join('\n');

const parseFor = (cmd: CliCommand, argv: readonly string[]) => {
  try {
    return parseArgs({
      args: [...argv],
      options: { ...globalOptions, ...cmd.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(`${parseProblem(err)} (see praxis ${cmd.name} --help)`);
  }
};

/**
 * One sentence for what parseArgs refused. Its own messages carry advice about `--` that does
 * not fit a mistyped option, and call a value that starts with `-` "ambiguous".
 */
const parseProblem = (err: unknown): string => {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  const option = /'(--?[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined && /ambiguous/.test(message))
    return `${option} needs a value; a value that starts with "-" is written ${option}=-…`;
  return message.split('\n')[0] ?? message;
};

/**
 * Runs `praxis` with `argv` (without the node and script paths) and resolves to the exit
 * code. Every error a user can cause becomes one line on stderr.
 *
 * @example
 * const code = await main(['kpi', '--period', '2025-Q1', '--db', 'practice.db']);
 */
export const main = async (argv: readonly string[], io: Io = processIo()): Promise<number> => {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const cmd = commands.find((c) => c.name === name);
  try {
    if (cmd === undefined)
      throw new UsageError(`unknown command "${name}" (try: ${commands.map((c) => c.name).join(', ')})`);
    const { values, positionals } = parseFor(cmd, rest);
    if (values.help === true) {
      io.out(`${cmd.summary}\n\nUsage: ${cmd.usage}`);
      return ExitCode.ok;
    }
    if (positionals.length > (cmd.positionals ?? 0)) {
      throw new UsageError(
        `unexpected argument "${positionals[cmd.positionals ?? 0]}" (see praxis ${cmd.name} --help)`,
      );
    }
    return await cmd.run({ io, values, positionals });
  } catch (err) {
    return report(err, io);
  }
};

const report = (err: unknown, io: Io): number => {
  if (UsageError.isInstance(err)) {
    io.err(`praxis: ${err.message}`);
    return ExitCode.usage;
  }
  if (PraxisError.isPraxisError(err)) {
    io.err(`praxis: ${err.message}`);
    return err._tag === 'InvalidArgument' ? ExitCode.usage : ExitCode.failed;
  }
  const message = err instanceof Error ? err.message : String(err);
  if (io.env['PRAXIS_DEBUG'] !== undefined && err instanceof Error) io.err(err.stack ?? message);
  else io.err(`praxis: unexpected error: ${message.split('\n')[0]} (PRAXIS_DEBUG=1 shows where)`);
  return ExitCode.internal;
};
