import type { CliCommand } from '../command.js';
import { audit } from './audit.js';
import { calendar } from './calendar.js';
import { demo } from './demo.js';
import { forget } from './forget.js';
import { importCsv } from './import.js';
import { importEra } from './import-era.js';
import { export837, import837 } from './claims837.js';
import { kpi } from './kpi.js';
import { rebuild } from './rebuild.js';
import { replay } from './replay.js';
import { report } from './report.js';
import { schedule } from './schedule.js';
import { statements } from './statements.js';
import { stock } from './stock.js';
import { explainCommand, goals, queue, whatif } from './strategy.js';
import { prove, receipt } from './receipt.js';
import { verify } from './verify.js';

/** Every `praxis` subcommand, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [
  demo,
  kpi,
  calendar,
  schedule,
  audit,
  replay,
  verify,
  receipt,
  prove,
  rebuild,
  forget,
  report,
  statements,
  stock,
  goals,
  queue,
  whatif,
  explainCommand,
  importCsv,
  importEra,
  export837,
  import837,
];
