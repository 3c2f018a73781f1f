/**
 * Environment variables through zod, for the renderer (web/src/config.ts) and the CMS
 * (cms/config/cmsEnv.ts): each variable is a schema from its raw text (or undefined) to its
 * value, whose failure carries the whole message the operator reads (`WEB_PORT must be ...`).
 * A bad value stops the process at start-up with that message.
 */
import { z } from 'zod';

export type Environment = Readonly<Record<string, string | undefined>>;

/** The variable's text; unset reads as undefined. */
export type VariableSchema<T> = z.ZodType<T, string | undefined>;

/** Parses `env` with one schema per variable; throws the first problem's message. */
export function readEnv<S extends Record<string, VariableSchema<unknown>>>(shape: S, env: Environment): { [K in keyof S]: z.output<S[K]> } {
  return readEnvWhole(z.object(shape), env) as { [K in keyof S]: z.output<S[K]> };
}

/**
 * Parses `env` with a schema of the whole environment, for variables that go together or depend
 * on another (`NODE_ENV`); throws the first problem's message.
 */
export function readEnvWhole<T>(schema: z.ZodType<T>, env: Environment): T {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new Error(result.error.issues[0]?.message ?? 'the environment is not readable');
}

/** Unset or empty (with `trim`, also blank) reads as null; otherwise the text, trimmed with `trim`. */
export function textOrNull(options: { trim: boolean }): z.ZodType<string | null, string | undefined> {
  return z
    .string()
    .optional()
    .transform((raw) => (options.trim ? raw?.trim() : raw) || null);
}

/** A variable left unset (or, with `blankIsUnset`, empty or blank) reads as `fallback`. */
export function withDefault(fallback: string, options: { trim: boolean }): z.ZodType<string, string | undefined> {
  return z
    .string()
    .optional()
    .transform((raw) => {
      const value = options.trim ? raw?.trim() : raw;
      return value === undefined || value === '' ? fallback : value;
    });
}

/** A text that `accept` accepts, refused with `message(raw)`. */
export function checked(accept: (raw: string) => boolean, message: (raw: string) => string): z.ZodType<string, string> {
  return z.string().refine(accept, { error: (issue) => message(String(issue.input)) });
}

/** Plain decimal digits only (Number("") is 0 and Number("1e3") 1000), a safe integer from min to max. */
export function decimalIn(min: number, max: number, message: (raw: string) => string): z.ZodType<number, string> {
  return checked((raw) => /^\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) && Number(raw) >= min && Number(raw) <= max, message).transform(Number);
}

/** An http(s) URL written as `http(s)://` and no blanks. */
export const httpUrlPattern = /^https?:\/\/[^\s]+$/;

/** redis:// or rediss:// with a host and at most a database number; the problem, or null. Never echoes the value (it usually holds a password). */
export function redisUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'the value given is not a URL';
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return `the value given uses "${url.protocol}"`;
  if (url.hostname === '') return 'the value given names no host';
  if (!/^\/?(\d+)?$/.test(url.pathname)) return `its path must be a database number, not "${url.pathname}"`;
  return null;
}

/** Unset or empty reads as `fallback` (of any type); any other text must pass `schema`. */
export function unsetOr<T>(fallback: T, schema: z.ZodType<T, string>): z.ZodType<T, string | undefined> {
  return z
    .string()
    .optional()
    .transform((raw, context) => {
      if (raw === undefined || raw === '') return fallback;
      const result = schema.safeParse(raw);
      if (result.success) return result.data;
      for (const issue of result.error.issues) context.issues.push({ code: 'custom', message: issue.message, input: raw });
      return z.NEVER;
    });
}
