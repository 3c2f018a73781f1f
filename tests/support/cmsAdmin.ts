/** Signs in to the running CMS as the system tests' admin and calls its REST API with the token. */
export interface CmsAdmin {
  readonly token: string;
  /** The admin's user id (preview tokens name it). */
  readonly userId: number;
  request(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
}

export async function signInToCms(cmsUrl: string, email: string, password: string): Promise<CmsAdmin> {
  const response = await fetch(`${cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { token?: string; user?: { id?: number } };
  if (!response.ok || typeof body.token !== 'string' || typeof body.user?.id !== 'number') throw new Error(`CMS login failed with ${response.status}`);
  const token = body.token;
  return {
    token,
    userId: body.user.id,
    async request(method, path, payload) {
      const result = await fetch(`${cmsUrl}${path}`, {
        method,
        headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      return { status: result.status, json: await result.json().catch(() => null) };
    },
  };
}
