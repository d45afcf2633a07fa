/**
 * Example: Praxis embedded in an HTTP service (node:http, no framework).
 *
 *   POST /commands/<area>/<command>   body: the command's input (JSON); who acts: the
 *                                     x-actor-id and x-actor-role headers (your auth layer sets them);
 *                                     business time: ?at=<ISO instant> (default: now)
 *   GET  /kpis?period=2025-Q1         every KPI of a period, with targets
 *   GET  /calendar?asOf=2025-06-30    obligations: overdue, due soon, upcoming, done
 *   GET  /audit?entity=Budget-2025    the audit trail of one entity
 *
 * Run it: node --import tsx examples/http-service.ts   (PORT, PRAXIS_STORE to change)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { createPractice, type Outcome, type Practice } from '@praxis/practice';

/** Reads a request body as JSON (at most 1 MB). */
const readJson = async (req: IncomingMessage): Promise<unknown> => {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 1 << 20) throw new Error('body too large');
  }
  return body === '' ? {} : JSON.parse(body);
};

const send = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
};

/** The HTTP status of each refusal category. */
const statusOfCategory = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  rule: 422,
} as const;

/**
 * 200 when decided; otherwise by the refusal's category: 400 malformed input, 404 something it
 * names does not exist, 409 a clash with what already happened, 403 the actor may not, 422 a
 * business rule said no.
 */
const statusOf = (o: Outcome) => (o.ok ? 200 : statusOfCategory[o.category]);

/** The request handler: maps HTTP onto the practice's commands and queries. */
export const praxisHandler =
  (practice: Practice) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      const command = /^\/commands\/(\w+)\/(\w+)$/.exec(url.pathname);
      if (req.method === 'POST' && command !== null) {
        const [, area, name] = command as unknown as [string, string, string];
        const methods = (practice as unknown as Record<string, Record<string, unknown>>)[area];
        const method = methods?.[name];
        if (typeof method !== 'function') return send(res, 404, { error: `no command ${area}.${name}` });
        const id = req.headers['x-actor-id'];
        const role = req.headers['x-actor-role'];
        if (typeof id !== 'string' || typeof role !== 'string') {
          return send(res, 401, { error: 'x-actor-id and x-actor-role headers are required' });
        }
        const input = await readJson(req);
        const at = url.searchParams.get('at');
        const outcome = (await method(input, {
          actor: { id, role },
          ...(at === null ? {} : { at }),
        })) as Outcome;
        const { state: _state, ...shown } = outcome as Outcome & { state?: unknown };
        return send(res, statusOf(outcome), shown);
      }
      if (req.method === 'GET' && url.pathname === '/kpis') {
        const report = await practice.kpis(
          url.searchParams.get('period') ?? String(new Date().getFullYear()),
        );
        return send(res, 200, { period: report.period, kpis: report.lines });
      }
      if (req.method === 'GET' && url.pathname === '/calendar') {
        const asOf = url.searchParams.get('asOf') ?? new Date().toISOString().slice(0, 10);
        return send(res, 200, await practice.calendar(asOf, { openOnly: true }));
      }
      if (req.method === 'GET' && url.pathname === '/audit') {
        const entity = url.searchParams.get('entity');
        const page = await practice.audit.query(entity === null ? {} : { entity }, { limit: 100 });
        return send(res, 200, page);
      }
      return send(res, 404, { error: 'not found' });
    } catch (err) {
      // Bad input (an unknown period, malformed JSON) is the caller's; say what it was.
      return send(res, 400, { error: err instanceof Error ? err.message : String(err) });
    }
  };

/** Starts the service on `port` (0: any free port) and resolves once it listens. */
export const startService = async (practice: Practice, port: number): Promise<Server> => {
  const server = createServer((req, res) => void praxisHandler(practice)(req, res));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const practice = await createPractice({
    store: process.env['PRAXIS_STORE'] ?? 'sqlite:./practice.db',
    timeZone: 'America/Chicago',
    currency: 'USD',
    name: 'Riverside Family Medicine',
  });
  const server = await startService(practice, Number(process.env['PORT'] ?? 8080));
  console.log(`Praxis listening on http://127.0.0.1:${(server.address() as { port: number }).port}`);
  process.on('SIGINT', () => server.close(() => void practice.close()));
}
