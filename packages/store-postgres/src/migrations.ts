import type pg from 'pg';
import { InvalidArgument, SchemaTooNew } from '@praxis/core';

/** One step of the schema, applied once, in order, inside a transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** SQL for the practice's schema (an already-quoted identifier). */
  readonly sql: (schema: string) => string;
}

/**
 * The append as one server-side function, so an append is one round trip and one
 * transaction: take the stream's lock (a transaction-scoped advisory lock: no row is written
 * for it), read the stream's last event, look for the batch's event ids (idempotent retries),
 * check the expected revision, chain each event to the previous event of its stream (sha-256
 * over the canonical JSON the client sent in two halves around the revision) and insert.
 * The unique (stream_id, revision) index stays the final guard. Outcomes:
 * - `ok`: one row per appended event;
 * - `found`: some ids are stored already — the rows where they sit (the client classifies);
 * - `wrong`: the expected revision does not hold — `current_revision` (-1 = no stream);
 * - `empty`: nothing to append, the check passed — the stream's last event, if any.
 *
 * `tuned` (migration 3) adds what migrations 2–3 fixed in planning, text otherwise identical:
 * `enable_seqscan = off` (see migration 2) and `OFFSET 0` on the subquery that parses each
 * event's JSON, so it is parsed once — without it the subquery is flattened into the outer
 * SELECT and the parse repeated for each of its two uses (data, metadata).
 */
const appendFunction = (s: string, tuned = false): string => `
CREATE OR REPLACE FUNCTION ${s}.append_events(
  p_stream text, p_expected text, p_ids uuid[], p_types text[], p_versions int[], p_pre text[], p_post text[]
) RETURNS TABLE (outcome text, current_revision bigint, event_id uuid, stream_id text, revision bigint, xid text, pos bigint)
LANGUAGE plpgsql VOLATILE${tuned ? ' SET enable_seqscan = off' : ''} AS $fn$
#variable_conflict use_column
DECLARE
  n int := coalesce(array_length(p_ids, 1), 0);
  cur bigint;
  last_hash text;
  stored boolean;
  hashes text[] := '{}';
  h text;
  r bigint;
BEGIN
  IF n > 0 THEN
    PERFORM pg_advisory_xact_lock(hashtext(${quoteLiteral(s)}), hashtext(p_stream));
  END IF;
  -- The stream's last event and whether any id of the batch is stored, in one statement.
  SELECT l.revision, l.hash, n > 0 AND EXISTS (SELECT 1 FROM ${s}.events x WHERE x.event_id = ANY (p_ids))
    INTO cur, last_hash, stored
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (
      SELECT e.revision, e.hash FROM ${s}.events e WHERE e.stream_id = p_stream ORDER BY e.revision DESC LIMIT 1
    ) l ON true;
  IF cur IS NULL THEN
    cur := -1;
    last_hash := '';
  END IF;
  IF stored THEN
    RETURN QUERY SELECT 'found'::text, cur, e.event_id, e.stream_id, e.revision, e.xid::text, e.position
      FROM ${s}.events e WHERE e.event_id = ANY (p_ids);
    RETURN;
  END IF;
  IF (p_expected = 'no_stream' AND cur <> -1)
     OR (p_expected = 'stream_exists' AND cur = -1)
     OR (p_expected NOT IN ('any', 'no_stream', 'stream_exists') AND cur <> p_expected::bigint) THEN
    RETURN QUERY SELECT 'wrong'::text, cur, NULL::uuid, NULL::text, NULL::bigint, NULL::text, NULL::bigint;
    RETURN;
  END IF;
  IF n = 0 THEN
    RETURN QUERY SELECT 'empty'::text, cur, e.event_id, e.stream_id, e.revision, e.xid::text, e.position
      FROM (SELECT 1) one LEFT JOIN ${s}.events e ON e.stream_id = p_stream AND e.revision = cur;
    RETURN;
  END IF;
  r := cur;
  h := last_hash;
  FOR i IN 1 .. n LOOP
    r := r + 1;
    h := encode(sha256(convert_to(h || E'\\n' || p_pre[i] || r::text || p_post[i], 'UTF8')), 'hex');
    hashes[i] := h;
  END LOOP;
  RETURN QUERY
    INSERT INTO ${s}.events AS e (stream_id, revision, event_id, type, schema_version, data, metadata, prev_hash, hash)
    SELECT p_stream, d.rev, d.id, d.ty, d.v, d.doc -> 'data', d.doc -> 'metadata',
           CASE WHEN d.ord = 1 THEN last_hash ELSE hashes[d.ord - 1] END, hashes[d.ord]
    FROM (
      SELECT t.ord, t.id, t.ty, t.v, cur + t.ord AS rev, (t.pre || (cur + t.ord)::text || t.post)::jsonb AS doc
      FROM unnest(p_ids, p_types, p_versions, p_pre, p_post) WITH ORDINALITY AS t(id, ty, v, pre, post, ord)${tuned ? ' OFFSET 0' : ''}
    ) d
    ORDER BY d.ord
    RETURNING 'ok'::text, r, e.event_id, e.stream_id, e.revision, e.xid::text, e.position;
END
$fn$;`;

/**
 * Migration 4: the append with its per-event texts sent as JSON arrays and its result as one row.
 * What it checks and writes is `append_events`' (above), byte for byte the same rows and hashes;
 * what changed is the cost per event:
 * - data and metadata arrive as two JSON arrays of their canonical texts (`p_data`, `p_metadata`,
 *   type `json`, whose elements keep their exact text) instead of two `text[]` of document halves:
 *   no array escaping of JSON on the client or unescaping on the server, and each text is parsed
 *   once straight into its jsonb column, without a wrapping document and two `->` copies;
 * - the hashed canonical document is assembled here from those texts, the id, the revision and
 *   the JSON text of the type (`p_types`, a JSON array of strings) and stream (`p_stream_json`),
 *   exactly as `chainHash` in core writes it (keys in order: data, eventId, metadata, revision,
 *   schemaVersion, streamId, type);
 */
const appendBatchFunction = (s: string): string => `
CREATE OR REPLACE FUNCTION ${s}.append_batch(
  p_stream text, p_expected text, p_ids uuid[], p_versions int[], p_types json, p_data json, p_metadata json, p_stream_json text
) RETURNS TABLE (outcome text, current_revision bigint, event_id uuid, stream_id text, revision bigint, xid text, pos bigint)
LANGUAGE plpgsql VOLATILE SET enable_seqscan = off AS $fn$
#variable_conflict use_column
DECLARE
  n int := coalesce(array_length(p_ids, 1), 0);
  cur bigint;
  last_hash text;
  stored boolean;
  hashes text[] := '{}';
  type_json text[];
  type_text text[];
  data_text text[];
  meta_text text[];
  h text;
  r bigint;
BEGIN
  IF n > 0 THEN
    PERFORM pg_advisory_xact_lock(hashtext(${quoteLiteral(s)}), hashtext(p_stream));
  END IF;
  SELECT l.revision, l.hash, n > 0 AND EXISTS (SELECT 1 FROM ${s}.events x WHERE x.event_id = ANY (p_ids))
    INTO cur, last_hash, stored
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (
      SELECT e.revision, e.hash FROM ${s}.events e WHERE e.stream_id = p_stream ORDER BY e.revision DESC LIMIT 1
    ) l ON true;
  IF cur IS NULL THEN
    cur := -1;
    last_hash := '';
  END IF;
  IF stored THEN
    RETURN QUERY SELECT 'found'::text, cur, e.event_id, e.stream_id, e.revision, e.xid::text, e.position
      FROM ${s}.events e WHERE e.event_id = ANY (p_ids);
    RETURN;
  END IF;
  IF (p_expected = 'no_stream' AND cur <> -1)
     OR (p_expected = 'stream_exists' AND cur = -1)
     OR (p_expected NOT IN ('any', 'no_stream', 'stream_exists') AND cur <> p_expected::bigint) THEN
    RETURN QUERY SELECT 'wrong'::text, cur, NULL::uuid, NULL::text, NULL::bigint, NULL::text, NULL::bigint;
    RETURN;
  END IF;
  IF n = 0 THEN
    RETURN QUERY SELECT 'empty'::text, cur, e.event_id, e.stream_id, e.revision, e.xid::text, e.position
      FROM (SELECT 1) one LEFT JOIN ${s}.events e ON e.stream_id = p_stream AND e.revision = cur;
    RETURN;
  END IF;
  IF n = 1 THEN
    -- A single event (a command's append): plain expressions, no statement per array.
    IF json_array_length(p_types) <> 1 OR json_array_length(p_data) <> 1 OR json_array_length(p_metadata) <> 1
       OR coalesce(array_length(p_versions, 1), 0) <> 1 THEN
      RAISE EXCEPTION 'append_batch: 1 id but % types, % data, % metadata, % versions', json_array_length(p_types),
        json_array_length(p_data), json_array_length(p_metadata), array_length(p_versions, 1);
    END IF;
    type_json := ARRAY[(p_types -> 0)::text];
    type_text := ARRAY[p_types ->> 0];
    data_text := ARRAY[(p_data -> 0)::text];
    meta_text := ARRAY[(p_metadata -> 0)::text];
  ELSE
  -- Three statements: measured cheaper per call than one ROWS FROM over the three (~1 ms less).
  SELECT array_agg(t.value::text ORDER BY t.ord), array_agg(t.value #>> '{}' ORDER BY t.ord)
    INTO type_json, type_text FROM json_array_elements(p_types) WITH ORDINALITY AS t(value, ord);
  SELECT array_agg(t.value::text ORDER BY t.ord) INTO data_text
    FROM json_array_elements(p_data) WITH ORDINALITY AS t(value, ord);
  SELECT array_agg(t.value::text ORDER BY t.ord) INTO meta_text
    FROM json_array_elements(p_metadata) WITH ORDINALITY AS t(value, ord);
  IF coalesce(array_length(type_json, 1), 0) <> n OR coalesce(array_length(data_text, 1), 0) <> n
     OR coalesce(array_length(meta_text, 1), 0) <> n OR coalesce(array_length(p_versions, 1), 0) <> n THEN
    RAISE EXCEPTION 'append_batch: % ids but % types, % data, % metadata, % versions', n,
      array_length(type_json, 1), array_length(data_text, 1), array_length(meta_text, 1), array_length(p_versions, 1);
  END IF;
  END IF;
  r := cur;
  h := last_hash;
  FOR i IN 1 .. n LOOP
    r := r + 1;
    h := encode(sha256(convert_to(h || E'\\n' || '{"data":' || data_text[i] || ',"eventId":"' || p_ids[i]::text
      || '","metadata":' || meta_text[i] || ',"revision":"' || r::text || '","schemaVersion":' || p_versions[i]::text
      || ',"streamId":' || p_stream_json || ',"type":' || type_json[i] || '}', 'UTF8')), 'hex');
    hashes[i] := h;
  END LOOP;
  RETURN QUERY
    INSERT INTO ${s}.events AS e (stream_id, revision, event_id, type, schema_version, data, metadata, prev_hash, hash)
    SELECT p_stream, cur + g.i, p_ids[g.i], type_text[g.i], p_versions[g.i], data_text[g.i]::jsonb, meta_text[g.i]::jsonb,
           CASE WHEN g.i = 1 THEN last_hash ELSE hashes[g.i - 1] END, hashes[g.i]
    FROM generate_series(1, n) AS g(i)
    ORDER BY g.i
    RETURNING 'ok'::text, r, NULL::uuid, NULL::text, e.revision, e.xid::text, e.position;
END
$fn$;`;

const quoteLiteral = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Every version of the schema, oldest first. Never edit a released step: add one. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'events and the append function',
    sql: (s) => `
CREATE TABLE ${s}.events (
  position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  stream_id text NOT NULL,
  revision bigint NOT NULL,
  event_id uuid NOT NULL UNIQUE,
  type text NOT NULL,
  schema_version int NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE INDEX events_global_order ON ${s}.events (xid, position);
${appendFunction(s)}`,
  },
  {
    version: 2,
    name: 'the append looks up ids and streams by index, whatever the statistics say',
    // The append's statements are planned once per connection and the plan is kept. Planned
    // while the table is new (no statistics yet), the id lookup became a sequential scan that
    // then ran on every append as the log grew — until autovacuum's ANALYZE replanned it.
    // Every lookup of the append is a point lookup on a unique index, so scans are never right.
    sql: (s) =>
      `ALTER FUNCTION ${s}.append_events(text, text, uuid[], text[], int[], text[], text[]) SET enable_seqscan = off;`,
  },
  {
    version: 3,
    name: 'the append parses each event once',
    sql: (s) => appendFunction(s, true),
  },
  {
    version: 4,
    name: 'the append takes its texts as JSON arrays and answers in one row',
    // append_events stays for processes still running the previous release during an upgrade.
    sql: (s) => appendBatchFunction(s),
  },
];

/** The newest schema version this code knows. */
export const latestVersion = migrations[migrations.length - 1]!.version;

const practicePattern = /^[a-z][a-z0-9_]{0,39}$/;

/** The PostgreSQL schema that holds one practice's log: `praxis_<practice>`. */
export const schemaNameOf = (practice: string): string => {
  if (!practicePattern.test(practice)) {
    throw new InvalidArgument(
      'practice',
      `"${practice}" must start with a lower-case letter and hold only a-z, 0-9 and _ (at most 40)`,
    );
  }
  return `praxis_${practice}`;
};

/**
 * Brings a practice's schema to the latest version: creates it if needed, applies each
 * missing step in one transaction under an advisory lock (so two servers starting together
 * do not race), and refuses a schema written by a newer Praxis (SchemaTooNew, nothing changed).
 * Returns the version found before migrating (0 for a new practice).
 */
export const migrate = async (client: pg.ClientBase, schemaName: string): Promise<number> => {
  const s = `"${schemaName}"`;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`praxis-migrate:${schemaName}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const found = await client.query<{ v: number | null }>(
      `SELECT max(version) AS v FROM ${s}.schema_migrations`,
    );
    const current = found.rows[0]?.v ?? 0;
    if (current > latestVersion)
      throw new SchemaTooNew(`PostgreSQL schema ${schemaName}`, current, latestVersion);
    for (const m of migrations) {
      if (m.version <= current) continue;
      await client.query(m.sql(s));
      await client.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [
        m.version,
        m.name,
      ]);
    }
    await client.query('COMMIT');
    return current;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
};
