/**
 * Reads an async iterable into an array (Node 20 has no `Array.fromAsync`).
 *
 * @example
 * const events = await collect(store.readStream('Budget-2026'));
 */
export const collect = async <A>(items: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = [];
  for await (const a of items) out.push(a);
  return out;
};
