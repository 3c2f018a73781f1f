import { expect } from 'vitest';
import { securityHeadersFor } from '../../../web/src/middleware/setUpSecurityHeaders';
import { testConfig } from './fakeServices';

/** The app's headers: its CSP admits images from the test config's CMS media origin (CMS_PUBLIC_URL). */
export function expectSecurityHeaders(response: Response, mediaOrigin: string | null = testConfig.mediaOrigin): void {
  for (const [name, value] of Object.entries(securityHeadersFor(mediaOrigin))) {
    expect(response.headers.get(name), name).toBe(value);
  }
  expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  expect(response.headers.get('x-powered-by')).toBeNull();
}
