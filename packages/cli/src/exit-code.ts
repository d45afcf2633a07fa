/** Exit codes: 0 done, 1 the operation found a problem or failed, 2 a usage or input error. */
export const ExitCode = { ok: 0, failed: 1, usage: 2, internal: 70 } as const;
