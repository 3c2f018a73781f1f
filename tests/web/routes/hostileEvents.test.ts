/**
 * Issue 10, "Done when": an event whose recurrence rule was stored before the CMS validated rules
 * (`FREQ=MINUTELY;INTERVAL=abc`, which made rrule spin forever and every page listing events
 * hang) does not stop the home page, the events page or its calendar from answering promptly.
 * The site runs in a child process (tests/support/hostileEventSiteChild.ts), so a render that
 * never ends fails here by its timeout.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const PAGES = ['/', '/events/', '/events/python-events/'];

describe('pages listing events, with a hostile recurrence rule stored before validation', () => {
  let child: ChildProcess | undefined;

  afterEach(() => {
    child?.kill('SIGKILL');
    child = undefined;
  });

  async function startSite(rrule: string): Promise<string> {
    child = fork(path.join(import.meta.dirname, '../../support/hostileEventSiteChild.ts'), [rrule], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
    const started = child;
    return new Promise<string>((resolve, reject) => {
      started.once('message', (message) => resolve((message as { baseUrl: string }).baseUrl));
      started.once('exit', (code) => reject(new Error(`the site exited (${code}) before listening`)));
    });
  }

  it.each([
    // A rule the CMS would refuse: the event shows once, at its first start.
    ['FREQ=MINUTELY;INTERVAL=abc', true],
    ['FREQ=MINUTELY;INTERVAL=NaN', true],
    // A rule that never occurs: rrule finds nothing within its step budget.
    ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', false],
  ])(
    'answer within seconds with %s stored',
    async (rrule, shown) => {
      const baseUrl = await startSite(rrule);
      for (const page of PAGES) {
        // The old expansion never returned: this fetch then ends in a TimeoutError.
        const response = await fetch(`${baseUrl}${page}`, { signal: AbortSignal.timeout(5_000) });
        const body = await response.text();
        expect(response.status, page).toBe(200);
        expect(response.headers.get('content-type'), page).toBe('text/html; charset=utf-8');
        expect(response.headers.get('cache-control'), page).toBe('public, max-age=300');
        if (page !== '/') expect(body.includes('Hostile recurring event'), page).toBe(shown);
      }
    },
    30_000,
  );
});
