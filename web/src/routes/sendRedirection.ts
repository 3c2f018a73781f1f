/**
 * Answers a redirect record: a redirect, or 410 Gone for one with no target. Public and
 * purged with the redirects, like python.org's cached redirects.
 */
import type { Response } from 'express';
import { applyCacheProfile } from '../cache/cacheProfiles';
import { renderPage } from '../rendering/renderPage';
import { setSurrogateKeys } from '../rendering/surrogateKeys';
import type { Redirection } from '../services/pageService';

export async function sendRedirection(res: Response, redirection: Redirection): Promise<void> {
  if (redirection.kind === 'gone') {
    await renderPage(res, 'errors/410.njk', {}, { status: 410, cacheProfile: 'public', surrogateKeys: ['redirects', 'pages'] });
    return;
  }
  applyCacheProfile(res, 'public');
  setSurrogateKeys(res, ['redirects', 'pages']);
  res.redirect(redirection.status, redirection.location);
}

/** The query string of a request URL, with its "?"; '' when there is none. */
export function searchOf(originalUrl: string): string {
  const index = originalUrl.indexOf('?');
  return index === -1 ? '' : originalUrl.slice(index);
}
