export { personal, subject, subjectIdOf, PersonalType, SubjectType } from './personal.js';
export {
  isSealedToken,
  mayHoldToken,
  checkSubjectId,
  maxSubjectIdLength,
  type SealedToken,
} from './token.js';
export type { SubjectKeyStore, SubjectKeyState, ForgetReport } from './key-store.js';
export type { PersonalSpec, FieldPlan } from './plan.js';
export { newSubjectKey, subjectKeyBytes } from './cipher.js';
export { makeVault, forgottenPlaceholder, unavailablePlaceholder, type Vault, type Opened } from './vault.js';
export { vaultEvents, vaultStreamOf, type VaultEvent } from './events.js';
