import {
  SubjectForgotten,
  checkSubjectId,
  newSubjectKey,
  type ForgetReport,
  type SubjectKeyState,
  type SubjectKeyStore,
} from '@praxis/core';

/**
 * Subject keys in this process's memory (tests, throwaway demos): gone when the process ends,
 * and with them every personal field sealed under them. A forgotten key's bytes are
 * overwritten with zeros before the reference is dropped.
 *
 * @example
 * const vault = makeVault(memorySubjectKeyStore());
 */
export const memorySubjectKeyStore = (): SubjectKeyStore => {
  const keys = new Map<string, Uint8Array>();
  const tombstones = new Map<string, string>();
  return {
    kind: 'memory',
    issue: async (subjectId) => {
      checkSubjectId(subjectId);
      const forgottenAt = tombstones.get(subjectId);
      if (forgottenAt !== undefined) throw new SubjectForgotten(subjectId, forgottenAt);
      let key = keys.get(subjectId);
      if (key === undefined) {
        key = newSubjectKey();
        keys.set(subjectId, key);
      }
      return key;
    },
    lookup: async (subjectIds) => {
      const out = new Map<string, SubjectKeyState>();
      for (const s of subjectIds) {
        const key = keys.get(s);
        const forgottenAt = tombstones.get(s);
        if (key !== undefined) out.set(s, { state: 'active', key });
        else if (forgottenAt !== undefined) out.set(s, { state: 'forgotten', forgottenAt });
      }
      return out;
    },
    forget: async (subjectId, forgottenAt): Promise<ForgetReport> => {
      checkSubjectId(subjectId);
      const earlier = tombstones.get(subjectId);
      if (earlier !== undefined)
        return { outcome: 'already-forgotten', forgottenAt: earlier, physicallyErased: true };
      const key = keys.get(subjectId);
      if (key === undefined) return { outcome: 'unknown', physicallyErased: true };
      key.fill(0);
      keys.delete(subjectId);
      tombstones.set(subjectId, forgottenAt);
      return { outcome: 'forgotten', forgottenAt, physicallyErased: true };
    },
  };
};
