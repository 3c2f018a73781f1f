/**
 * python.org's tooling finds releases by exact name and parses `Python\s([\d.]+)` out of it, so
 * names keep that shape: `Python 3.14.7`, `Python 3.14.0rc2`, `Python install manager 25.0`.
 */
const RELEASE_NAME = /^Python (?:install manager )?\d+(?:\.\d+){0,2}(?:(?:a|b|rc)\d+)?$/

export function validateReleaseName(value: unknown): true | string {
  return typeof value === 'string' && RELEASE_NAME.test(value)
    ? true
    : 'A release name looks like "Python 3.14.7" or "Python 3.15.0rc2".'
}
