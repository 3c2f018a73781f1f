/**
 * A test-only door (WEB_TEST_HOOKS=1, never in production): `POST /_test/freeze?ms=N` answers
 * 202 with this process's pid and worker id, then blocks its event loop for N ms (default and
 * upper bound ten minutes) in a busy loop, as a runaway render would. The worker-watchdog test
 * uses it to show that the cluster primary kills and replaces such a worker while the others
 * keep serving. Without the variable the path is an ordinary unknown page (404).
 */
import cluster from 'node:cluster';
import type { RequestListener } from 'node:http';

const freezePath = '/_test/freeze';
const longestFreezeMs = 10 * 60 * 1000;

export function withTestFreezeHook(handler: RequestListener): RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://site.invalid');
    if (req.method !== 'POST' || url.pathname !== freezePath) {
      handler(req, res);
      return;
    }
    const asked = Number(url.searchParams.get('ms') ?? longestFreezeMs);
    const freezeMs = Number.isFinite(asked) && asked > 0 ? Math.min(asked, longestFreezeMs) : longestFreezeMs;
    res.writeHead(202, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ pid: process.pid, worker: cluster.worker?.id ?? null, freezeMs }));
    // Block only once the answer is on its way, so the test learns which process froze.
    res.once('finish', () =>
      setTimeout(() => {
        const until = Date.now() + freezeMs;
        while (Date.now() < until) {
          // Busy: no timer, no I/O, no heartbeat.
        }
      }, 20),
    );
  };
}
