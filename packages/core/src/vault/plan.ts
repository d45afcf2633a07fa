import * as t from 'io-ts';
import { PersonalType, SubjectType } from './personal.js';

/** Where an event's personal fields are: a tree over its data's objects and arrays. */
export type FieldPlan =
  | { readonly k: 'leaf'; readonly inner: t.Mixed }
  | { readonly k: 'object'; readonly fields: ReadonlyMap<string, FieldPlan> }
  | { readonly k: 'array'; readonly item: FieldPlan };

/** How to seal one event type: the field naming the subject, and where its personal fields are. */
export interface PersonalSpec {
  /** Top-level field whose value names the subject. */
  readonly subjectField: string;
  /** The subject kind: the subject id is `${kind}:${data[subjectField]}`. */
  readonly subjectKind: string;
  readonly plan: FieldPlan;
}

const mergeObjects = (plans: readonly (FieldPlan | undefined)[]): FieldPlan | undefined => {
  const fields = new Map<string, FieldPlan>();
  for (const p of plans) {
    if (p === undefined) continue;
    if (p.k !== 'object') return p;
    for (const [k, v] of p.fields) fields.set(k, v);
  }
  return fields.size === 0 ? undefined : { k: 'object', fields };
};

const containsPersonal = (c: t.Mixed): boolean => planOf(c, '') !== undefined;

/**
 * The personal fields of a codec, read off io-ts's combinators (type, partial, exact,
 * intersection, array, readonly, refinement). Throws for a personal field inside a union: which
 * member applies is only known from the data, so sealing could not be planned.
 */
export const planOf = (codec: t.Mixed, at: string): FieldPlan | undefined => {
  if (codec instanceof PersonalType) return { k: 'leaf', inner: codec.inner as t.Mixed };
  if (codec instanceof SubjectType) return undefined;
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) {
    const fields = new Map<string, FieldPlan>();
    for (const [k, v] of Object.entries(codec.props as Record<string, t.Mixed>)) {
      const p = planOf(v, at === '' ? k : `${at}.${k}`);
      if (p !== undefined) fields.set(k, p);
    }
    return fields.size === 0 ? undefined : { k: 'object', fields };
  }
  if (codec instanceof t.IntersectionType)
    return mergeObjects((codec.types as t.Mixed[]).map((m) => planOf(m, at)));
  if (codec instanceof t.ArrayType || codec instanceof t.ReadonlyArrayType) {
    const item = planOf(codec.type as t.Mixed, `${at}[]`);
    return item === undefined ? undefined : { k: 'array', item };
  }
  if (codec instanceof t.RefinementType || codec instanceof t.ReadonlyType || codec instanceof t.ExactType)
    return planOf(codec.type as t.Mixed, at);
  if (codec instanceof t.UnionType && (codec.types as t.Mixed[]).some(containsPersonal))
    throw new Error(
      `personal field inside a union at ${at === '' ? '(root)' : at}: give it a field of its own`,
    );
  return undefined;
};

/** The top-level subject fields of an event codec (`subject(kind, codec)`). */
const subjectsOf = (codec: t.Mixed): { field: string; kind: string }[] => {
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType)
    return Object.entries(codec.props as Record<string, t.Mixed>).flatMap(([field, c]) =>
      c instanceof SubjectType ? [{ field, kind: c.kind }] : [],
    );
  if (codec instanceof t.IntersectionType) return (codec.types as t.Mixed[]).flatMap(subjectsOf);
  if (codec instanceof t.RefinementType || codec instanceof t.ReadonlyType || codec instanceof t.ExactType)
    return subjectsOf(codec.type as t.Mixed);
  return [];
};

/**
 * How to seal an event type, or undefined when it has no personal field. Throws (at
 * definition time) when an event has personal fields but not exactly one subject field.
 */
export const personalSpecOf = (type: string, codec: t.Mixed): PersonalSpec | undefined => {
  const plan = planOf(codec, '');
  if (plan === undefined) return undefined;
  const subjects = subjectsOf(codec);
  if (subjects.length !== 1)
    throw new Error(
      `event ${type} has personal fields and ${subjects.length} subject fields: mark exactly one top-level field with subject(kind, codec)`,
    );
  return { subjectField: subjects[0]!.field, subjectKind: subjects[0]!.kind, plan };
};
