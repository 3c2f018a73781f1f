/**
 * Matching a path against the CMS's prefix and pattern redirect rules (python.org's nginx
 * rules as data). No editor-supplied regular expression runs here: a prefix is a string
 * comparison, a pattern a segment-by-segment comparison against literal segments and two
 * fixed, anchored placeholder expressions, so a match costs time linear in the path.
 * The placeholders mirror collections/Redirects/redirectRules.ts (the renderer does not import
 * the schema at run time; tests/web/services/redirectRules.test.ts checks they agree).
 */
import type { RedirectDoc } from '../cms/types';

export const rendererPatternPlaceholders: Readonly<Record<string, RegExp>> = {
  '{version}': /^\d{1,3}\.\d{1,3}\.\d{1,3}(?:(?:a|b|rc)\d{1,3})?$/,
  '{segment}': /^[\w.-]{1,200}$/,
};

export interface RuleMatch {
  readonly rule: RedirectDoc;
  /** Where to send the visitor; '' when the address is gone. */
  readonly location: string;
}

/**
 * The rule for this path: a pattern that matches it, else the longest matching prefix (as
 * nginx picks among prefix locations). `search` is the query string with its "?", kept by
 * prefix rules that keep the rest (python.org's /pypi rule passes $args on).
 */
export function matchRedirectRule(path: string, search: string, rules: readonly RedirectDoc[]): RuleMatch | null {
  for (const rule of rules) {
    if (rule.match !== 'pattern') continue;
    const values = matchPattern(rule.from, path);
    if (values !== null) return { rule, location: fillTarget(rule.to, values) };
  }
  let best: RedirectDoc | null = null;
  for (const rule of rules) {
    if (rule.match === 'prefix' && path.startsWith(rule.from) && (best === null || rule.from.length > best.from.length)) best = rule;
  }
  if (best === null) return null;
  if (!best.keepRest || best.to === '') return { rule: best, location: best.to };
  const rest = path.slice(best.from.length);
  // nginx's "https://host/$1" with $1 = "/x" gives "https://host//x": join on one slash.
  const joined = best.to.endsWith('/') && rest.startsWith('/') ? best.to + rest.slice(1) : best.to + rest;
  return { rule: best, location: joined + search };
}

function matchPattern(pattern: string, path: string): Map<string, string> | null {
  const expected = pattern.split('/');
  const actual = path.split('/');
  if (expected.length !== actual.length) return null;
  const values = new Map<string, string>();
  for (let i = 0; i < expected.length; i += 1) {
    const want = expected[i] ?? '';
    const got = actual[i] ?? '';
    const placeholder = rendererPatternPlaceholders[want];
    if (placeholder === undefined) {
      if (want !== got) return null;
    } else {
      if (!placeholder.test(got)) return null;
      values.set(want, got);
    }
  }
  return values;
}

function fillTarget(target: string, values: ReadonlyMap<string, string>): string {
  const version = values.get('{version}') ?? '';
  return target
    .replaceAll('{version_nodots}', version.replaceAll('.', ''))
    .replaceAll('{version}', version)
    .replaceAll('{segment}', values.get('{segment}') ?? '');
}
