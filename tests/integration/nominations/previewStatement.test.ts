import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { previewStatementEndpoint } from '../../../collections/Nominations/endpoints/previewStatementEndpoint'
import { markdownHtml } from '../../../lib/markup/storedMarkup'
import { createTestPayload } from '../../support/testPayload'

/**
 * `POST /api/nominations/preview`: the nomination form's preview, rendered by the CMS as a saved
 * statement is (the site holds no markup parser), for signed-in accounts, bounded as a statement.
 */
describe('the nomination statement preview', () => {
  let payload: Payload

  beforeAll(async () => {
    payload = await createTestPayload('preview_statement')
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  async function call(body: unknown, user: unknown): Promise<{ status: number; body: Record<string, unknown>; cacheControl: string | null }> {
    const req = (await createLocalReq({}, payload)) as PayloadRequest
    req.json = () => Promise.resolve(body)
    req.user = user as never
    const response = await previewStatementEndpoint.handler(req)
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, cacheControl: response.headers.get('cache-control') }
  }
  const account = { id: 7, collection: 'accounts' }

  it('renders Markdown through the sanitiser a saved statement gets, uncached', async () => {
    const statement = 'I **should** serve. <script>alert(1)</script> [x](javascript:alert(1))'
    const answer = await call({ statement }, account)
    expect(answer).toMatchObject({ status: 200, cacheControl: 'no-store' })
    expect(answer.body.html).toBe(markdownHtml(statement))
    expect(answer.body.html).toContain('<strong>should</strong>')
    expect(answer.body.html).not.toContain('<script')
  })

  it('refuses visitors not signed in (401), staff users included, and statements that are not text or too long (400)', async () => {
    expect((await call({ statement: 'x' }, null)).status).toBe(401)
    expect((await call({ statement: 'x' }, { id: 1, collection: 'users' })).status).toBe(401)
    expect((await call({ statement: 42 }, account)).status).toBe(400)
    const long = await call({ statement: 'x'.repeat(10_001) }, account)
    expect(long.status).toBe(400)
    expect(long.body.message).toContain('at most 10,000')
  })
})
