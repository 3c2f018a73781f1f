/**
 * Security headers for every response, static files and errors included.
 *
 * The Content-Security-Policy allows scripts and styles from our own origin only: no
 * inline <script>, no <style> blocks, no style="" attributes; frames only from the video
 * players pages may embed, forms only to our origin and PayPal. Templates and CSS must keep
 * to that; a page that needs an exception should change, not the policy.
 *
 * Images may also come from the CMS's public origin (CMS_PUBLIC_URL): Payload gives every media
 * file an absolute URL there (its serverURL), and that is how sponsor logos (the logo placement
 * API) and story images reach the templates. Admitting that one origin keeps the CMS the media
 * server and the renderer a page renderer: proxying the files through the renderer instead would
 * stream every upload through its page cache and workers for nothing the browser needs. The
 * origin is one per deployment, so the header stays the same bytes for every visitor.
 */
import type { Express } from 'express';

/** The policy for pages that show CMS media from `mediaOrigin` (null: our own images only). */
export function contentSecurityPolicyFor(mediaOrigin: string | null): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    mediaOrigin === null ? "img-src 'self' data:" : `img-src 'self' data: ${mediaOrigin}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Pages may embed YouTube and Vimeo players and post donation forms to PayPal
    // (sanitizePageHtml keeps exactly those); nothing else may be framed or posted to.
    'frame-src https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com',
    "form-action 'self' https://www.paypal.com",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeadersFor(mediaOrigin: string | null): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': contentSecurityPolicyFor(mediaOrigin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // frame-ancestors covers current browsers; X-Frame-Options covers the old ones.
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** For answers that show no images at all (the purge endpoint's JSON, answered before Express). */
export const securityHeaders = securityHeadersFor(null);

export function setUpSecurityHeaders(app: Express, mediaOrigin: string | null): void {
  const headers = securityHeadersFor(mediaOrigin);
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set(headers);
    next();
  });
}
