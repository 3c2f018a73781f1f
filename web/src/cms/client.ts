/**
 * The one gateway from the renderer to the CMS. Every HTTP request web/ makes to Payload
 * goes through here, so timeouts, error classification and response checking live in one
 * place, and services can be tested against a fake client.
 */
import { CmsResponseError, CmsUnavailableError } from './errors';
import { parsePaginatedDocs, parseReleaseDoc } from './parseDocs';
import type { ReleaseDoc } from './types';

export interface CmsClientOptions {
  /** CMS origin (plus optional base path), without a trailing slash. */
  readonly baseUrl: string;
  /** Budget for one request, response body included. */
  readonly timeoutMs: number;
}

export interface CmsClient {
  /** The published release flagged "latest" for a major version (2 or 3), or null. */
  findLatestRelease(version: number): Promise<ReleaseDoc | null>;
  /** Resolves when the CMS answers its health endpoint with a 2xx; throws otherwise. */
  health(): Promise<void>;
}

export function createCmsClient(options: CmsClientOptions): CmsClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function get(path: string, query?: URLSearchParams): Promise<Response> {
    const url = query === undefined ? `${baseUrl}${path}` : `${baseUrl}${path}?${query.toString()}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new CmsUnavailableError(describeFetchFailure(path, error, options.timeoutMs), path, {
        cause: error,
      });
    }
    if (response.ok) return response;

    // Release the connection; the error body is not needed.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 500) {
      throw new CmsUnavailableError(`GET ${path} answered ${response.status}`, path);
    }
    throw new CmsResponseError(`GET ${path} answered ${response.status}`, path, response.status);
  }

  async function getJson(path: string, query?: URLSearchParams): Promise<unknown> {
    const response = await get(path, query);
    try {
      return await response.json();
    } catch (error) {
      // The timeout also covers a body that arrives too slowly.
      if (isTimeout(error)) {
        throw new CmsUnavailableError(describeFetchFailure(path, error, options.timeoutMs), path, {
          cause: error,
        });
      }
      throw new CmsResponseError(`GET ${path} returned a body that is not JSON`, path, response.status, {
        cause: error,
      });
    }
  }

  function parseBody<T>(path: string, body: unknown, parse: (body: unknown) => T): T {
    try {
      return parse(body);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new CmsResponseError(`GET ${path} returned an unexpected body (${detail})`, path, 200, {
        cause: error,
      });
    }
  }

  return {
    async findLatestRelease(version) {
      if (!Number.isInteger(version) || version < 1) {
        throw new RangeError(`version must be a positive integer, got ${version}`);
      }
      const path = '/api/releases';
      const query = new URLSearchParams({
        'where[isLatest][equals]': 'true',
        'where[version][equals]': String(version),
        'where[isPublished][equals]': 'true',
        limit: '1',
        depth: '0',
      });
      const body = await getJson(path, query);
      const page = parseBody(path, body, (value) => parsePaginatedDocs(value, parseReleaseDoc));
      return page.docs[0] ?? null;
    },

    async health() {
      const response = await get('/api/health');
      await response.body?.cancel().catch(() => undefined);
    },
  };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

// undici reports every network failure as TypeError("fetch failed") and puts the useful
// part (ECONNREFUSED, ENOTFOUND...) in `cause.code`. Keep the code, drop the host.
function describeFetchFailure(path: string, error: unknown, timeoutMs: number): string {
  if (isTimeout(error)) return `GET ${path} timed out after ${timeoutMs} ms`;
  const cause = error instanceof Error ? error.cause : undefined;
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string'
      ? cause.code
      : undefined;
  return code === undefined ? `GET ${path} failed: could not reach the CMS` : `GET ${path} failed: ${code}`;
}
