/**
 * The building blocks of hostile content: what an editor (or a feed an editor adds) can put in a
 * document's fields that later has to be rendered. Text that breaks templates, parsers and
 * encoders; markup whose parsing is slow when a parser backtracks; dates at the edges of what
 * JavaScript and Postgres hold; recurrence rules. Every value is within what the field's own
 * limits (maxLength, min/max) let through, so that it is saved and rendered, not refused.
 */
import fc from 'fast-check'

/** The longest string the fuzz saves in one field: large enough to find quadratic work, small enough to keep a run short. */
export const MAX_HOSTILE_LENGTH = 30_000

/** Short strings that have broken templates, HTML, URLs, feeds and text layout before. */
const HOSTILE_SNIPPETS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</textarea></title></style><script>alert(1)</script>',
  'javascript:alert(1)',
  '{{ 7*7 }}',
  '{% raw %}{{',
  '{{ range.constructor("return process")() }}',
  '${7*7}',
  ']]></description><script>x</script><![CDATA[',
  '&lt;b&gt;&amp;amp;&#0;&#x110000;&#xD800;',
  'BEGIN:VEVENT\r\nSUMMARY:injected\r\nEND:VEVENT',
  'line one\r\nline two\rline three\u2028line four\u2029',
  '\u202Eevil\u202C \u200F\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627',
  'Z\u0351\u0346\u036B\u0352a\u0310\u0308l\u0346\u0314g\u0369o\u0301\u0301\u0301\u0301',
  '\uD800',
  'a\uDFFFb',
  '\uFEFF\u200B\u200C\u200D\u2060',
  '\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66',
  '../../../etc/passwd',
  '%2e%2e%2f%00',
  '__proto__',
  'constructor',
  '\\',
  '"',
  "'",
  '`',
  ' ',
  '\t\v\f',
  'NaN',
  '-1',
] as const

/** A character repeated to a length, or a short unit repeated: what backtracking regexes choke on. */
function repeated(units: readonly string[], maxLength: number): fc.Arbitrary<string> {
  const cap = Math.max(1, Math.min(maxLength, MAX_HOSTILE_LENGTH))
  return fc.tuple(fc.constantFrom(...units), fc.integer({ min: 1, max: cap })).map(([unit, length]) => unit.repeat(Math.max(1, Math.floor(length / unit.length))).slice(0, cap))
}

/** Text for a plain field (text, textarea, email, code) of at most `maxLength` characters; `allowNul` when Postgres can store it (it cannot in text). */
export function hostileString(maxLength: number, options: { allowNul?: boolean } = {}): fc.Arbitrary<string> {
  const cap = Math.max(1, Math.min(maxLength, MAX_HOSTILE_LENGTH))
  const unit = options.allowNul ? 'binary' : 'grapheme'
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_SNIPPETS) },
      { weight: 2, arbitrary: fc.array(fc.constantFrom(...HOSTILE_SNIPPETS), { minLength: 2, maxLength: 6 }).map((parts) => parts.join(' ')) },
      { weight: 2, arbitrary: fc.string({ unit, maxLength: 60 }) },
      { weight: 2, arbitrary: repeated(['a', ' ', '<', '&', '*', '_', '`', '[', '\\', '{{', '\u0301', '\u202E', '\uD83D\uDE00', 'é'], cap) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((text) => text.repeat(Math.ceil(cap / Math.max(1, text.length)))) },
    )
    .map((text) => text.slice(0, cap))
}

/** Markdown that is slow for a backtracking parser: runs of emphasis, brackets, quotes and list markers. */
export const hostileMarkdown: fc.Arbitrary<string> = fc.oneof(
  repeated(['*', '_', '**a', '_a', '[', '](', '[a](', '`', '<', '> ', '- ', '1. ', '\\', '![', '*[', '&#', '|', '#'], 20_000),
  fc.integer({ min: 10, max: 2_000 }).map((depth) => `${'['.repeat(depth)}a${'](b)'.repeat(depth)}`),
  fc.integer({ min: 10, max: 500 }).map((depth) => Array.from({ length: depth }, (_, index) => `${'  '.repeat(index)}- item`).join('\n')),
  fc.integer({ min: 10, max: 2_000 }).map((count) => `| a | b |\n|---|---|\n${'| x | <script>alert(1)</script> |\n'.repeat(count)}`),
  fc.array(fc.constantFrom(...HOSTILE_SNIPPETS, '```', '<div>', '</div>', '[x]: javascript:alert(1)', '<!--', '-->', '***', '\n\n'), { maxLength: 40 }).map((parts) => parts.join('\n')),
)

/** reStructuredText that is slow or odd for a parser: inline markup runs, deep indentation, huge tables, directives. */
export const hostileRestructuredText: fc.Arbitrary<string> = fc.oneof(
  repeated(['`', '*', '**', '``', '_`', '|', ':', '.. ', '=', '-', '\\', ':role:`', '[#]_', '`a <', '__'], 20_000),
  fc.integer({ min: 10, max: 300 }).map((depth) => Array.from({ length: depth }, (_, index) => `${'   '.repeat(index)}- item ${index}\n`).join('\n')),
  fc.integer({ min: 10, max: 300 }).map((depth) => Array.from({ length: depth }, (_, index) => `${' '.repeat(index)}| line ${index}`).join('\n')),
  fc.integer({ min: 2, max: 400 }).map((columns) => `${'+---'.repeat(columns)}+\n${'| x '.repeat(columns)}|\n${'+---'.repeat(columns)}+\n`),
  fc.integer({ min: 1, max: 2_000 }).map((length) => `Title\n${'='.repeat(length)}\n\n${'Sub\n---\n\n'.repeat(Math.min(length, 200))}`),
  fc.array(fc.constantFrom(...HOSTILE_SNIPPETS, '.. raw:: html\n\n   <script>alert(1)</script>', '.. include:: /etc/passwd', '.. image:: javascript:alert(1)', '`x <javascript:alert(1)>`_', '::\n\n    code', '.. |s| replace:: <b>', '\n\n'), { maxLength: 30 }).map((parts) => parts.join('\n\n')),
)

/** HTML that is deep, unbalanced or full of what the sanitiser must drop. */
export const hostileHtml: fc.Arbitrary<string> = fc.oneof(
  repeated(['<div>', '<b>', '<a href="', '<!--', '<', '</p>', '<table><tr><td>', '&', '<svg>', '<math>'], 20_000),
  fc.integer({ min: 10, max: 3_000 }).map((depth) => `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`),
  fc.array(fc.constantFrom(...HOSTILE_SNIPPETS, '<style>*{}</style>', '<iframe src=//evil>', '<form action=//evil><input name=x>', '<a href="data:text/html,<script>">x</a>', '<base href=//evil>', '<meta http-equiv=refresh content=0;url=//evil>'), { maxLength: 30 }).map((parts) => parts.join('')),
)

/** Source for a raw-markup block or a box of the given type. */
export function hostileMarkup(markupType: string): fc.Arbitrary<string> {
  if (markupType === 'markdown') return hostileMarkdown
  if (markupType === 'restructuredtext') return hostileRestructuredText
  return hostileHtml
}

const DAY_MS = 24 * 3600 * 1000

/** Dates a listing shows (near now), at the edges of daylight-saving and of what JavaScript and Postgres hold. */
export function hostileDate(now = Date.now()): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -60, max: 60 }).map((days) => new Date(now + days * DAY_MS).toISOString()) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '1970-01-01T00:00:00.000Z',
        '1969-12-31T23:59:59.999Z',
        '0001-01-01T00:00:00.000Z',
        '9999-12-31T23:59:59.999Z',
        '2000-02-29T12:00:00.000Z',
        '2038-01-19T03:14:08.000Z',
        // Daylight-saving changes in New York and Europe (the hour that does not exist, the hour that happens twice).
        '2026-03-08T07:30:00.000Z',
        '2026-11-01T06:30:00.000Z',
        '2026-03-29T01:30:00.000Z',
        '2026-10-25T01:30:00.000Z',
      ),
    },
    { weight: 1, arbitrary: fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((date) => date.toISOString()) },
    // Not dates: refused by validation (a pass), never a crash.
    { weight: 1, arbitrary: fc.constantFrom('2026-02-30T00:00:00Z', 'yesterday', '', '+275760-09-13T00:00:00.000Z', '-000001-01-01T00:00:00Z') },
  )
}

/** Numbers within a field's bounds, at its edges and (rarely) past them. */
export function hostileNumber(min: number | undefined, max: number | undefined, integer: boolean): fc.Arbitrary<number> {
  const low = min ?? -2_147_483_648
  const high = max ?? 2_147_483_647
  const inside = integer ? fc.integer({ min: Math.ceil(low), max: Math.floor(high) }) : fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true })
  return fc.oneof({ weight: 4, arbitrary: inside }, { weight: 2, arbitrary: fc.constantFrom(low, high, 0, integer ? 1 : 0.5) }, { weight: 1, arbitrary: fc.constantFrom(low - 1, high + 1, 1e21, -0) })
}

const FREQUENCIES = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'] as const
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const

/**
 * RFC 5545 rules that are syntactically plausible, as an editor or a calendar would write them,
 * so that recurring events get saved and reach the listings the fuzz renders (the hostile ones,
 * below, are mostly refused on save). Sub-daily rules come with a small COUNT.
 */
export const plausibleRecurrenceRule: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({
      freq: fc.constantFrom(...FREQUENCIES),
      interval: fc.option(fc.integer({ min: 1, max: 52 }), { nil: undefined }),
      end: fc.option(fc.oneof(fc.integer({ min: 1, max: 500 }).map((count) => `COUNT=${count}`), fc.integer({ min: 1, max: 3_000 }).map((days) => `UNTIL=${new Date(Date.now() + days * DAY_MS).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`)), { nil: undefined }),
      byDay: fc.option(fc.uniqueArray(fc.tuple(fc.constantFrom('', '1', '2', '-1', '+3'), fc.constantFrom(...WEEKDAYS)).map(([ordinal, day]) => `${ordinal}${day}`), { minLength: 1, maxLength: 7, selector: (day) => day.slice(-2) }), { nil: undefined }),
      byMonthDay: fc.option(fc.constantFrom('1', '-1', '15', '29', '30', '31', '1,15,-1'), { nil: undefined }),
    })
    .map(({ freq, interval, end, byDay, byMonthDay }) => {
      // Rules that match some day, so they are saved: weekdays on weekly rules, ordinals on
      // monthly and yearly ones, BYDAY or BYMONTHDAY (not both), no BYSETPOS. Rules that match
      // no day are among the hostile ones below.
      const monthly = freq === 'MONTHLY' || freq === 'YEARLY'
      const days = freq === 'DAILY' || byDay === undefined ? undefined : [...new Set(byDay.map((day) => (monthly ? day : day.slice(-2))))]
      const monthDay = monthly && days === undefined ? byMonthDay : undefined
      return [`FREQ=${freq}`, interval === undefined ? null : `INTERVAL=${interval}`, end ?? null, days === undefined ? null : `BYDAY=${days.join(',')}`, monthDay === undefined ? null : `BYMONTHDAY=${monthDay}`]
        .filter((part) => part !== null)
        .join(';')
    }),
  fc.tuple(fc.constantFrom('HOURLY', 'MINUTELY'), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 50 })).map(([freq, interval, count]) => `FREQ=${freq};INTERVAL=${interval};COUNT=${count}`),
)

/** A URL an editor may type into a link field: mostly http(s) with hostile paths and queries, sometimes a scheme that must be refused. */
export const hostileUrl: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('https://example.com/', 'http://example.org/a/?q='), hostileString(300)).map(([base, rest]) => `${base}${encodeURIComponent(rest.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('https://example.com/', 'http://example.org/a/', 'https://xn--80ak6aa92e.com/'), hostileString(300)).map(([base, rest]) => `${base}${rest.replace(/\s/g, '%20')}`) },
  { weight: 2, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  { weight: 1, arbitrary: fc.constantFrom('javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example/', 'https://example.com/"onmouseover="alert(1)', '/relative/<script>', 'mailto:a@example.com?subject=<x>') },
)

/**
 * Recurrence rules as hostile as an editor or a feed can make them, now that issue 10's fix
 * refuses on save (a 400), skips on import and bounds expansion: the rules that hung every
 * renderer (INTERVAL=abc, MINUTELY without an end), rules that match no day (rrule walked towards
 * year 9999), impossible BY values, and free combinations of every part, BYSETPOS included.
 */
export const hostileRecurrenceRule: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'FREQ=MINUTELY;INTERVAL=abc',
    'FREQ=MINUTELY',
    'FREQ=SECONDLY',
    'FREQ=DAILY;INTERVAL=7;COUNT=370;BYDAY=FR',
    'FREQ=DAILY;INTERVAL=5;UNTIL=20300606T000000Z;BYDAY=1MO,+3TU;BYSETPOS=2',
    'FREQ=MINUTELY;BYHOUR=1;BYMONTHDAY=15',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
    'FREQ=MONTHLY;BYMONTHDAY=0',
    'FREQ=WEEKLY;INTERVAL=0',
    'FREQ=DAILY;COUNT=-1',
    'FREQ=HOURLY;INTERVAL=NaN',
    'FREQ=YEARLY;BYWEEKNO=54',
    '',
  ),
  fc
    .record({
      freq: fc.constantFrom('YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY', 'FORTNIGHTLY'),
      interval: fc.option(fc.oneof(fc.integer({ min: -5, max: 2_000_000 }).map(String), fc.constantFrom('abc', 'NaN', '1e9', '')), { nil: undefined }),
      byDay: fc.option(fc.array(fc.tuple(fc.constantFrom('', '1', '-1', '+3', '53', '0'), fc.constantFrom(...WEEKDAYS, 'XX')).map(([n, d]) => `${n}${d}`), { minLength: 1, maxLength: 9 }), { nil: undefined }),
      byMonthDay: fc.option(fc.constantFrom('0', '32', '-31', '29', '1,15,-1'), { nil: undefined }),
      bySetPos: fc.option(fc.constantFrom('0', '1', '-1', '2', '400'), { nil: undefined }),
      byHour: fc.option(fc.constantFrom('1', '25', '0,23'), { nil: undefined }),
    })
    .map(({ freq, interval, byDay, byMonthDay, bySetPos, byHour }) =>
      [
        `FREQ=${freq}`,
        interval === undefined ? null : `INTERVAL=${interval}`,
        byDay === undefined ? null : `BYDAY=${byDay.join(',')}`,
        byMonthDay === undefined ? null : `BYMONTHDAY=${byMonthDay}`,
        bySetPos === undefined ? null : `BYSETPOS=${bySetPos}`,
        byHour === undefined ? null : `BYHOUR=${byHour}`,
      ]
        .filter((part) => part !== null)
        .join(';'),
    ),
)

/** Mostly plausible rules, so recurring events reach the listings, and a third hostile ones. */
export const recurrenceRule: fc.Arbitrary<string> = fc.oneof({ weight: 2, arbitrary: plausibleRecurrenceRule }, { weight: 1, arbitrary: hostileRecurrenceRule })
