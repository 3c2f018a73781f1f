/**
 * Refuses addresses no page can have before any route asks the CMS about them: a path that is
 * not valid percent-encoded UTF-8 is a 400, and one holding a control character (a NUL, say)
 * is a 404. Postgres cannot even compare text with a NUL in it, so such a slug sent on to the
 * CMS would come back as an error instead of "not found".
 */
import type { Express } from 'express';
import { HttpError } from '../errors/HttpError';

// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export function setUpPathGuard(app: Express): void {
  app.use((req, _res, next) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(req.path);
    } catch {
      next(new HttpError(400, 'This address is not valid: its %-escapes do not spell UTF-8 text.'));
      return;
    }
    if (CONTROL_CHARACTER.test(decoded)) {
      next(new HttpError(404, 'There is no page at an address with control characters in it.'));
      return;
    }
    next();
  });
}
