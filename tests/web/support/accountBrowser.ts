/**
 * A tiny browser for the account route tests: keeps cookies by name (enough for one site, and
 * it ignores paths, so a test sends every cookie it was given), reads the CSRF token of the last
 * form, and posts forms without following redirects.
 */
import { csrfCookieName } from '../../../web/src/forms/csrfToken';

export interface AccountBrowser {
  readonly cookies: Map<string, string>;
  /** The raw Set-Cookie lines of the last response. */
  lastSetCookies: string[];
  cookieHeader(): string;
  get(path: string, headers?: Record<string, string>): Promise<{ response: Response; body: string; token: string }>;
  post(path: string, fields: Record<string, string>, headers?: Record<string, string>): Promise<{ response: Response; body: string }>;
  /** GET the form page, then post it with its token (and the honeypot left as served). */
  submit(formPath: string, fields: Record<string, string>, postPath?: string): Promise<{ response: Response; body: string }>;
}

export function createAccountBrowser(baseUrl: string): AccountBrowser {
  const cookies = new Map<string, string>();
  const browser: AccountBrowser = {
    cookies,
    lastSetCookies: [],
    cookieHeader: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    async get(path, headers = {}) {
      const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual', headers: { cookie: browser.cookieHeader(), ...headers } });
      remember(response);
      const body = await response.text();
      const token = /name="csrfToken" value="([^"]+)"/.exec(body)?.[1] ?? '';
      return { response, body, token };
    },
    async post(path, fields, headers = {}) {
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: browser.cookieHeader(), ...headers },
        body: new URLSearchParams(fields).toString(),
      });
      remember(response);
      return { response, body: await response.text() };
    },
    async submit(formPath, fields, postPath = formPath) {
      const { token, body } = await browser.get(formPath);
      const honeypot = /name="email_body_text" type="text" value="([^"]*)"/.exec(body)?.[1];
      return browser.post(postPath, { csrfToken: token, ...(honeypot === undefined ? {} : { email_body_text: honeypot }), ...fields });
    },
  };
  function remember(response: Response): void {
    browser.lastSetCookies = response.headers.getSetCookie();
    for (const line of browser.lastSetCookies) {
      const [pair = ''] = line.split(';');
      const equals = pair.indexOf('=');
      const [name, value] = [pair.slice(0, equals), pair.slice(equals + 1)];
      if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
  }
  return browser;
}

export { csrfCookieName };
