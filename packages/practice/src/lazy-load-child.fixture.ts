// A plain Node process (run by lazy-load.test.ts with `node --import tsx`) that records every
// module Node resolves, through a loader hook registered before @praxis/practice is imported.
//   argv[2] = 'sqlite' <file>: open that SQLite practice, then print what was resolved, then
//             import the PostgreSQL and KurrentDB stores (proof that the hook sees them);
//   argv[2] = 'missing' <url>: make @praxis/store-postgres and @praxis/store-kurrentdb fail to
//             resolve as an uninstalled package does, open <url> and print the error.
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const hidden = ['@praxis/store-postgres', '@praxis/store-kurrentdb'];
const hooks = `
let port; let hide = false; let hidden = [];
export function initialize(data) { port = data.port; hide = data.hide; hidden = data.hidden; }
export async function resolve(specifier, context, next) {
  if (hide && hidden.includes(specifier)) {
    // As Node says it when a package is not installed (tsx would otherwise find the sources).
    const err = new Error("Cannot find package '" + specifier + "' imported from " + context.parentURL);
    err.code = 'ERR_MODULE_NOT_FOUND';
    throw err;
  }
  const r = await next(specifier, context);
  port.postMessage(r.url);
  return r;
}`;
const { port1, port2 } = new MessageChannel();
const resolved: string[] = [];
port1.on('message', (url: string) => resolved.push(url));
port1.unref();
const mode = process.argv[2];
register(`data:text/javascript,${encodeURIComponent(hooks)}`, {
  data: { port: port2, hide: mode === 'missing', hidden },
  transferList: [port2],
});

/** Lets the hook thread's messages arrive. */
const settle = () => new Promise((r) => setTimeout(r, 200));

const { createPractice } = await import('@praxis/practice');
if (mode === 'sqlite') {
  const practice = await createPractice({
    store: `sqlite:${process.argv[3]}`,
    timeZone: 'America/Chicago',
    currency: 'USD',
  });
  await practice.close();
  await settle();
  const afterSqlite = [...resolved];
  await import('@praxis/store-postgres');
  await import('@praxis/store-kurrentdb');
  await settle();
  process.stdout.write(JSON.stringify({ afterSqlite, afterDrivers: [...resolved] }));
} else {
  try {
    await createPractice({ store: process.argv[3] ?? '', timeZone: 'UTC', currency: 'USD' });
    process.stdout.write(JSON.stringify({ opened: true }));
  } catch (err) {
    const e = err as { _tag?: string; message: string; store?: string; missing?: string };
    process.stdout.write(
      JSON.stringify({ tag: e._tag, message: e.message, store: e.store, missing: e.missing }),
    );
  }
}
