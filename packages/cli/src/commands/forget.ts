import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { openPractice } from '../open.js';
import { UsageError } from '../usage-error.js';

const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/** `praxis forget <subject>`: erases one person's personal data (crypto-shredding). */
export const forget: CliCommand = {
  name: 'forget',
  summary: "erase a person's personal data: destroy their key (the log still verifies)",
  usage: [
    'praxis forget <subject> --actor id --role role [--db file | --store url]',
    '',
    '  subject       the subject id: staff:<staffId>, conflict:<conflictId>, patient:<patientId>',
    '  --actor/--role  who asks (needs Vault.ForgetSubject: practice_manager, compliance_officer)',
    '',
    "The subject's key is destroyed and SubjectForgotten { subjectId } is recorded. Their name,",
    'licence numbers, reasons and other personal fields read as [forgotten] from then on; counts,',
    'KPIs and the hash chain are unchanged. Copies of the database made before (backups) still',
    'hold the key: see docs/personal-data.md.',
  ].join('\n'),
  options: { actor: { type: 'string' }, role: { type: 'string' } },
  positionals: 1,
  run: async (ctx) => {
    const subjectId = ctx.positionals[0];
    if (subjectId === undefined) throw new UsageError('name the subject to forget, e.g. staff:S-110');
    const id = str(ctx.values.actor);
    const role = str(ctx.values.role);
    if (id === undefined || role === undefined)
      throw new UsageError('say who asks: --actor <id> --role <role> (the erasure is recorded under them)');
    const practice = await openPractice(ctx);
    try {
      const r = await practice.forgetSubject(subjectId, { actor: { id, role } });
      if (!r.ok) {
        ctx.io.err(`praxis: ${r.summary}`);
        return r.code === 'Unauthorized' ? ExitCode.failed : ExitCode.usage;
      }
      ctx.io.out(r.summary);
      if (!r.physicallyErased)
        ctx.io.err(
          "praxis: the key is destroyed, but its bytes may remain in the database server's WAL or a reader kept the SQLite WAL; see docs/personal-data.md",
        );
      return ExitCode.ok;
    } finally {
      await practice.close();
    }
  },
};
