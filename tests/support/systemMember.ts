import type { Payload } from 'payload'

import { call } from './legacyApiClient'

export type VerifiedAccount = { id: number; username: string; email: string; password: string }

/** A verified, active visitor's account on the system stack's database (sign-up and its mail are tested elsewhere). */
export async function createVerifiedAccount(payload: Payload, tag: string): Promise<VerifiedAccount> {
  const username = `${tag}${Date.now().toString(36)}`
  const email = `${username}@example.org`
  const password = `password-${username}`
  const account = await payload.create({ collection: 'accounts', data: { username, email, password, emailVerified: true, active: true, emailPrivacy: 'nobody' }, overrideAccess: true, depth: 0 })
  return { id: account.id, username, email, password }
}

/** The account's session on the CMS (`Authorization: JWT <token>`), from its sign-in endpoint. */
export async function cmsSessionOf(cmsUrl: string, account: VerifiedAccount): Promise<string> {
  const answer = await call(cmsUrl, '/api/accounts/signin', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: account.username, password: account.password }) })
  const token = (answer.body as { token?: unknown }).token
  if (answer.status !== 200 || typeof token !== 'string') throw new Error(`the account could not sign in: ${answer.status} ${answer.text.slice(0, 200)}`)
  return token
}

/** The site's session cookie and a CSRF cookie and token for `formPath` (/users/membership/ unless told), signed in through the site's form. */
export async function siteMemberForm(webUrl: string, account: VerifiedAccount, formPath = '/users/membership/'): Promise<{ cookie: string; token: string }> {
  const cookies = new Map<string, string>()
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const equals = pair.indexOf('=')
      cookies.set(pair.slice(0, equals), pair.slice(equals + 1))
    }
  }
  const header = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  const login = await fetch(`${webUrl}/accounts/login/`)
  keep(login)
  const loginToken = /name="csrfToken" value="([^"]+)"/.exec(await login.text())?.[1] ?? ''
  const signedIn = await fetch(`${webUrl}/accounts/login/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ csrfToken: loginToken, login: account.username, password: account.password }).toString(),
  })
  if (signedIn.status !== 303) throw new Error(`the site sign-in answered ${signedIn.status}`)
  keep(signedIn)
  const form = await fetch(`${webUrl}${formPath}`, { redirect: 'manual', headers: { cookie: header() } })
  keep(form)
  const token = /name="csrfToken" value="([^"]+)"/.exec(await form.text())?.[1] ?? ''
  return { cookie: header(), token }
}
