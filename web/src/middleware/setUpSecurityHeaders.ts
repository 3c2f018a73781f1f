/**
 * Security headers for every response, static files and errors included.
 *
 * The Content-Security-Policy allows scripts and styles from our own origin only: no
 * inline <script>, no <style> blocks, no style="" attributes; frames only from the video
 * players pages may embed, forms only to our origin and PayPal. Templates and CSS must keep
 * to that; a page that needs an exception should change, not the policy.
 */
import type { Express } from 'express';

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
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

export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // frame-ancestors covers current browsers; X-Frame-Options covers the old ones.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function setUpSecurityHeaders(app: Express): void {
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set(securityHeaders);
    next();
  });
}
