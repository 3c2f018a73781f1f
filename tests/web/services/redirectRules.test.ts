import { describe, expect, it } from 'vitest';
import { patternPlaceholders } from '../../../collections/Redirects/redirectRules';
import type { RedirectDoc } from '../../../web/src/cms/types';
import { matchRedirectRule, rendererPatternPlaceholders } from '../../../web/src/services/redirectRules';

const rule = (from: string, to: string, match: RedirectDoc['match'], keepRest = false): RedirectDoc => ({ from, to, match, keepRest, permanent: true });

describe('matchRedirectRule', () => {
  const rules = [
    rule('/doc/', '/docs-home/', 'prefix'),
    rule('/doc/faq/gui/', 'https://docs.python.org/faq/gui', 'prefix'),
    rule('/~guido', 'https://gvanrossum.github.io/', 'prefix', true),
    rule('/pypi', 'https://pypi.python.org/pypi', 'prefix', true),
    rule('/old/', '', 'prefix'),
    rule('/download/releases/{version}/', '/downloads/release/python-{version_nodots}/', 'pattern'),
    rule('/people/{segment}/feed/', '/users/{segment}/', 'pattern'),
  ];

  it('takes the longest matching prefix, as nginx', () => {
    expect(matchRedirectRule('/doc/faq/gui/x.html', '', rules)?.location).toBe('https://docs.python.org/faq/gui');
    expect(matchRedirectRule('/doc/other/', '', rules)?.location).toBe('/docs-home/');
  });

  it('keeps the rest of the path and the query string when asked, joining on one slash', () => {
    expect(matchRedirectRule('/~guido/python.html', '', rules)?.location).toBe('https://gvanrossum.github.io/python.html');
    expect(matchRedirectRule('/pypi/requests/json', '?a=1', rules)?.location).toBe('https://pypi.python.org/pypi/requests/json?a=1');
  });

  it('fills pattern placeholders, one whole segment each', () => {
    expect(matchRedirectRule('/download/releases/3.12.0/', '', rules)?.location).toBe('/downloads/release/python-3120/');
    expect(matchRedirectRule('/download/releases/3.13.0rc2/', '', rules)?.location).toBe('/downloads/release/python-3130rc2/');
    expect(matchRedirectRule('/download/releases/2.7/', '', rules)).toBeNull();
    expect(matchRedirectRule('/download/releases/3.12.0/notes/', '', rules)).toBeNull();
    expect(matchRedirectRule('/people/ada/feed/', '', rules)?.location).toBe('/users/ada/');
  });

  it('gives an empty location (gone) for a rule without a target, and null when nothing matches', () => {
    expect(matchRedirectRule('/old/page/', '', rules)?.location).toBe('');
    expect(matchRedirectRule('/nothing/', '', rules)).toBeNull();
  });

  it('refuses a long hostile segment (placeholders are anchored and bounded, no backtracking)', () => {
    expect(matchRedirectRule(`/download/releases/${'1.'.repeat(20_000)}x/`, '', rules)).toBeNull();
    expect(matchRedirectRule(`/people/${'a'.repeat(201)}/feed/`, '', rules)).toBeNull();
  });

  it('uses the same placeholders as the collection validates', () => {
    expect(Object.keys(rendererPatternPlaceholders).sort()).toEqual(Object.keys(patternPlaceholders).sort());
    for (const [name, expression] of Object.entries(patternPlaceholders)) expect(rendererPatternPlaceholders[name]?.source).toBe(expression.source);
  });
});
