import { randomUUID } from 'node:crypto'

/** One HTTP answer, read whole: status, headers and the body (JSON when it is JSON). */
export type HttpAnswer = { status: number; headers: Headers; text: string; body: unknown }

export async function call(baseUrl: string, path: string, init: RequestInit = {}): Promise<HttpAnswer> {
  const response = await fetch(`${baseUrl}${path}`, { ...init, redirect: 'manual' })
  const text = await response.text()
  let body: unknown = null
  if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') body = JSON.parse(text)
  return { status: response.status, headers: response.headers, text, body }
}

/** Signs the system tests' admin in and returns a JWT for `Authorization: JWT <token>`. */
export async function adminToken(baseUrl: string, email: string, password: string): Promise<string> {
  const answer = await call(baseUrl, '/api/users/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (answer.status !== 200) throw new Error(`admin login failed: ${answer.status} ${answer.text}`)
  return (answer.body as { token: string }).token
}

export type ApiUser = { id: number; username: string; apiKey: string; authorization: string }

/** Creates a user with `roles` and an API key, through the REST API as the admin. */
export async function createApiUser(baseUrl: string, token: string, roles: string[], label: string): Promise<ApiUser> {
  const username = `${label}-${randomUUID().slice(0, 8)}`
  const apiKey = randomUUID()
  const answer = await call(baseUrl, '/api/users', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({ email: `${username}@example.org`, username, password: `pw-${randomUUID()}`, roles, enableAPIKey: true, apiKey }),
  })
  if (answer.status !== 201) throw new Error(`creating ${username} failed: ${answer.status} ${answer.text}`)
  const id = (answer.body as { doc: { id: number } }).doc.id
  return { id, username, apiKey, authorization: `ApiKey ${username}:${apiKey}` }
}
