/**
 * @praxis/cli — the `praxis` command as a library: `main(argv, io)` runs one command and
 * resolves to its exit code.
 */
export { main } from './main.js';
export { ExitCode } from './exit-code.js';
export { bufferIo, processIo, type Io } from './io.js';
export { UsageError } from './usage-error.js';
