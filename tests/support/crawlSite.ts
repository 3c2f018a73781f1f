/**
 * A link checker: crawls a site from `/`, following every internal link (href and src) found
 * in HTML pages, and reports each internal URL that does not answer 2xx (after redirects),
 * with the pages that link to it.
 */
export interface BrokenLink {
  readonly url: string;
  readonly status: number;
  readonly linkedFrom: readonly string[];
}

export interface CrawlResult {
  readonly pagesChecked: number;
  readonly broken: readonly BrokenLink[];
}

const LINK = /\s(?:href|src)="([^"#]*)(?:#[^"]*)?"/g;

export interface CrawlOptions {
  readonly maxPages?: number;
  readonly concurrency?: number;
  /** Sees every response (after redirects) before the crawler reads it, e.g. to check its headers. */
  readonly onResponse?: (path: string, response: Response) => void;
}

export async function crawlSite(baseUrl: string, options: CrawlOptions = {}): Promise<CrawlResult> {
  const origin = new URL(baseUrl).origin;
  const maxPages = options.maxPages ?? 5000;
  const seen = new Map<string, string[]>([['/', ['(start)']]]);
  const queue = ['/'];
  const broken: BrokenLink[] = [];
  let checked = 0;

  async function visit(path: string): Promise<void> {
    checked += 1;
    const { response, finalUrl, offSite } = await fetchOnSite(`${origin}${path}`, origin);
    options.onResponse?.(path, response);
    if (offSite) {
      await response.body?.cancel();
      return;
    }
    if (!response.ok) {
      await response.body?.cancel();
      broken.push({ url: path, status: response.status, linkedFrom: seen.get(path) ?? [] });
      return;
    }
    const type = response.headers.get('content-type') ?? '';
    if (finalUrl.origin !== origin || !type.startsWith('text/html')) {
      await response.body?.cancel();
      return;
    }
    const html = await response.text();
    for (const match of html.matchAll(LINK)) {
      const raw = (match[1] ?? '').replace(/&amp;/g, '&');
      if (raw === '' || raw.startsWith('data:') || raw.startsWith('mailto:')) continue;
      let target: URL;
      try {
        target = new URL(raw, finalUrl);
      } catch {
        broken.push({ url: raw, status: 0, linkedFrom: [path] });
        continue;
      }
      if (target.origin !== origin) continue;
      const key = `${target.pathname}${target.search}`;
      const from = seen.get(key);
      if (from === undefined) {
        seen.set(key, [path]);
        if (seen.size <= maxPages) queue.push(key);
      } else if (from.length < 5) {
        from.push(path);
      }
    }
  }

  const workers = Array.from({ length: options.concurrency ?? 8 }, async () => {
    for (;;) {
      const next = queue.shift();
      if (next === undefined) {
        // Other workers may still add links: wait briefly before giving up.
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (queue.length === 0) return;
        continue;
      }
      await visit(next);
    }
  });
  await Promise.all(workers);
  return { pagesChecked: checked, broken };
}

/**
 * Follows redirects while they stay on the site. A redirect off the site (python.org's legacy
 * rules send old addresses to peps.python.org, mail.python.org...) ends the walk there: that
 * site is not ours to check, and the test machine cannot reach it.
 */
async function fetchOnSite(url: string, origin: string): Promise<{ response: Response; finalUrl: URL; offSite: boolean }> {
  let current = new URL(url);
  for (let hop = 0; ; hop += 1) {
    const response = await fetch(current, { redirect: 'manual' });
    const location = response.headers.get('location');
    // Like fetch's own follow, give up after 20 hops: the last redirect is reported as broken.
    if (response.status < 300 || response.status > 399 || location === null || hop === 20) return { response, finalUrl: current, offSite: false };
    const next = new URL(location, current);
    // The site's redirect off the site, with its headers, is the last response we check.
    if (next.origin !== origin) return { response, finalUrl: next, offSite: true };
    await response.body?.cancel();
    current = next;
  }
}
