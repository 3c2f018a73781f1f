/**
 * The building blocks of bad input: values a careless or hostile client sends where the API
 * expects something else. Every fuzz target composes its requests from these.
 */
import fc from 'fast-check'

/** Text that has broken parsers, databases and templates before. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\uFEFF',
    '\u202Eevil',
    '%00',
    '%C0%AE%C0%AE/',
    '../../../etc/passwd',
    '..\\..\\windows\\win.ini',
    "' OR 1=1 --",
    '"; DROP TABLE releases; --',
    '{{7*7}}',
    '{% raw %}',
    '${7*7}',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    '__proto__',
    'constructor',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    '0x7fffffff',
    '9'.repeat(40),
    '\uD83D\uDE00',
    'null',
    'true',
    '[]',
    '{}',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 70_000 }).map((length) => 'x'.repeat(length)),
)

/** Numbers past the edges: huge, negative, fractional, beyond Postgres' integer types. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 0, 2_147_483_648, -2_147_483_649, 9_007_199_254_740_991, Number.MAX_VALUE, Number.MIN_VALUE, 1e21, 0.5, -0.5),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
)

/** Any JSON value, scalars and (small) structures, including the hostile ones above. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom({ __proto__: { admin: true } }, { constructor: { prototype: { x: 1 } } }, [[[[[]]]]], { root: null }) },
)

/** A query-string value: what a URL can carry, decoded or not. */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  hostileText.filter((text) => text.length < 2_000),
  hostileNumber.map(String),
  fc.constantFrom('true', 'false', 'maybe', '2024-13-45', '99999-01-01', '-infinity', '1,2,3', ',,,', '%', '%%', '%ZZ', '%FF%FE'),
)

/** Bodies that are not the JSON object the API expects. */
export const malformedJsonBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '{', '{"name":', '{"a":1,}', "{'a':1}", 'null', '[]', '"text"', '42', 'true', '\u0000', '{"a":"\\ud800"}', '{"a":1}{"b":2}', 'NaN'),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.integer({ min: 500, max: 5_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 500, max: 5_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
)
