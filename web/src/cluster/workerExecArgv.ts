/**
 * The renderer workers' Node flags: the primary's own, plus a young generation of
 * `workerSemiSpaceMb` (V8's `--max-semi-space-size`) unless the operator chose one (in the
 * command line or NODE_OPTIONS).
 *
 * Why: a cold render parses every CMS read it makes and keeps the result in the read cache, so
 * much of what it allocates survives the next scavenge, and a scavenge's pause grows with what
 * survives. With V8's default young generation on Node 24, the renderer scavenged rarely but for
 * 22-63 ms each time, and those pauses were the cold pages' p95. Measured with an ad hoc probe
 * of 180 fully cold renders (2 workers each side, 2026-12-05; docs/benchmarks.md): default p95
 * 44-54 ms, longest pause 54-57 ms; 8 MB p95 29-32 ms, longest pause 22-25 ms; p50 within the
 * noise (14-19 ms either way). Smaller (4 MB) gained little more. Only the renderer's workers:
 * with WEB_WORKERS=1 there is no primary, and the process runs with the flags it was given.
 */
export const workerSemiSpaceMb = 8;

const semiSpaceFlag = /^--max-semi-space-size(=|$)/;

export function workerExecArgv(primaryExecArgv: readonly string[], nodeOptions: string | undefined): string[] {
  const chosen = [...primaryExecArgv, ...(nodeOptions ?? '').split(/\s+/)].some((arg) => semiSpaceFlag.test(arg));
  return chosen ? [...primaryExecArgv] : [...primaryExecArgv, `--max-semi-space-size=${workerSemiSpaceMb}`];
}
