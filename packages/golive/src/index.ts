/**
 * @praxis/golive — moving a running practice onto Praxis: CSV files of existing staff (with
 * credentials and training history), policies and acknowledgments, met compliance
 * requirements, open claims with their balances, and new encounters, imported all or nothing
 * (`practice.goLive(files, { asOf })`, `praxis import <files…>`). The formats are documented in
 * docs/go-live.md; examples/data/go-live/ holds a sample practice.
 */
export {
  goLive,
  readCsvFile,
  type CsvFile,
  type GoLiveOptions,
  type GoLiveResult,
  type ImportedFile,
  type ReadFile,
} from './golive.js';
export {
  importKinds,
  encounters,
  openClaims,
  staff,
  staffApplications,
  credentials,
  training,
  policies,
  acknowledgments,
  requirements,
  type ImportKind,
  type ImportItem,
  type ImportProblem,
  type BuildContext,
  type Row,
} from './kinds.js';
export { parseCsv, CsvSyntaxError, type CsvRecord } from './csv.js';
export { centsOf } from './cells.js';
export { goLiveModule } from './module.js';
