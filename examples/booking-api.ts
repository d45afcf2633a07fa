/**
 * Example: a booking API over HTTP (node:http, no framework), on `practice.patients`.
 *
 *   POST /days/<date>/appointments   body: BookAppointment's input without `date`;
 *                                    who books: x-actor-id / x-actor-role headers (your auth layer)
 *     201 { appointmentId, startAt, endAt, status }
 *     409 { code: 'ProviderDoubleBooked' | 'PatientDoubleBooked' | …, field, nextOpenSlots: ['10:30', …] }
 *     400 / 404 / 403 / 422 by the refusal's category (malformed, not found, forbidden, rule)
 *   GET  /days/<date>/open-slots?providerId=dr-a&durationMin=30   the next three open starts
 *
 * The double-booking refusals are `conflict`s: the booking clashed with the book as it stands,
 * so the client should offer the next open slots (returned as data) rather than retry blindly.
 *
 * Run it: node --import tsx examples/booking-api.ts   (PORT, PRAXIS_STORE to change)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { DayBook, SchedulingPolicy } from '@praxis/patients';
import { createPractice, type Practice } from '@praxis/practice';

const readJson = async (req: IncomingMessage): Promise<unknown> => {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 1 << 16) throw new Error('body too large');
  }
  return body === '' ? {} : JSON.parse(body);
};

const send = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};

const statusOfCategory = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  rule: 422,
} as const;

/** The next open starts (`HH:MM`) of a provider on a day, from the day's book and the policy's grid. */
const openSlots = async (
  practice: Practice,
  date: string,
  providerId: string,
  durationMin: number,
  afterMs: number,
) => {
  const book = await practice.load<DayBook.State>('DayBook', date);
  if (!book.found) return [];
  const policy = await practice.load<SchedulingPolicy.SchedulingPolicy>('SchedulingPolicy', 'practice');
  const grid = policy.found ? policy.state.gridMinutes : SchedulingPolicy.defaultSchedulingPolicy.gridMinutes;
  return DayBook.nextOpenSlots(book.state, providerId, durationMin, afterMs, grid);
};

/** The request handler. */
export const bookingHandler =
  (practice: Practice, now: () => Date = () => new Date()) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const day = /^\/days\/(\d{4}-\d{2}-\d{2})\/(appointments|open-slots)$/.exec(url.pathname);
    try {
      if (day === null) return send(res, 404, { error: 'not found' });
      const [, date, what] = day as unknown as [string, string, string];
      if (req.method === 'GET' && what === 'open-slots') {
        const providerId = url.searchParams.get('providerId') ?? '';
        const durationMin = Number(url.searchParams.get('durationMin') ?? 30);
        return send(res, 200, {
          nextOpenSlots: await openSlots(practice, date, providerId, durationMin, now().getTime()),
        });
      }
      if (req.method !== 'POST' || what !== 'appointments')
        return send(res, 405, { error: 'method not allowed' });
      const id = req.headers['x-actor-id'];
      const role = req.headers['x-actor-role'];
      if (typeof id !== 'string' || typeof role !== 'string')
        return send(res, 401, { error: 'x-actor-id and x-actor-role headers are required' });
      const input = await readJson(req);
      if (typeof input !== 'object' || input === null || Array.isArray(input))
        return send(res, 400, { code: 'InvalidField', error: 'the body is a JSON object' });
      const outcome = await practice
        .as({ id, role })
        .patients.bookAppointment({ ...(input as object), date } as never, { at: now().toISOString() });
      if (outcome.ok) {
        const booked = outcome.events[0]?.data as {
          appointmentId: string;
          startAt: string;
          endAt: string;
          status: string;
        };
        const { appointmentId, startAt, endAt, status } = booked;
        return send(res, 201, { appointmentId, startAt, endAt, status });
      }
      const body: Record<string, unknown> = {
        code: outcome.code,
        field: outcome.field,
        message: outcome.message,
      };
      if (outcome.code === 'ProviderDoubleBooked' || outcome.code === 'PatientDoubleBooked') {
        const i = input as { providerId?: unknown; durationMin?: unknown };
        body['nextOpenSlots'] =
          typeof i.providerId === 'string' && typeof i.durationMin === 'number'
            ? await openSlots(practice, date, i.providerId, i.durationMin, now().getTime())
            : [];
      }
      return send(res, statusOfCategory[outcome.category], body);
    } catch (err) {
      return send(res, 400, { error: err instanceof Error ? err.message : String(err) });
    }
  };

/** Starts the service on `port` (0: any free port). */
export const startBookingApi = async (
  practice: Practice,
  port: number,
  now?: () => Date,
): Promise<Server> => {
  const server = createServer((req, res) => void bookingHandler(practice, now)(req, res));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const practice = await createPractice({
    store: process.env['PRAXIS_STORE'] ?? 'sqlite:./practice.db',
    timeZone: 'America/New_York',
    currency: 'USD',
    name: 'Riverside Family Medicine',
  });
  const server = await startBookingApi(practice, Number(process.env['PORT'] ?? 8081));
  console.log(`Booking API on http://127.0.0.1:${(server.address() as { port: number }).port}`);
  process.on('SIGINT', () => server.close(() => void practice.close()));
}
