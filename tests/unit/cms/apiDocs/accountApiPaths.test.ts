import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'

import { buildOpenApiDocument } from '../../../../cms/endpoints/apiDocs/openApiDocument'

type Document = {
  paths: Record<string, Record<string, { security?: Record<string, unknown>[]; responses: Record<string, unknown> }>>
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> }
}

/**
 * The account half's endpoints in the OpenAPI document (cms/endpoints/apiDocs/accountApiPaths.ts),
 * built without a CMS: every path the site and the staff tools call is there with its auth, and
 * the document stays valid OpenAPI 3.1 (the system test validates the served one, collections
 * included). No collections here, so the one collection schema they refer to is stood in for.
 */
describe('the account endpoints in the OpenAPI document', () => {
  const document = buildOpenApiDocument({ collections: [], serverURL: '' } as unknown as Parameters<typeof buildOpenApiDocument>[0]) as unknown as Document
  document.components.schemas.Jobs = { type: 'object' }

  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator()
    const result = await validator.validate(document as unknown as Parameters<Validator['validate']>[0])
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
  })

  it.each([
    ['/api/accounts/signup', 'post', 'anyone'],
    ['/api/accounts/signin', 'post', 'anyone'],
    ['/api/accounts/signout', 'post', 'session'],
    ['/api/accounts/verify', 'post', 'anyone'],
    ['/api/accounts/forgot', 'post', 'anyone'],
    ['/api/accounts/reset', 'post', 'anyone'],
    ['/api/accounts/me', 'get', 'session'],
    ['/api/accounts/me', 'patch', 'session'],
    ['/api/accounts/me', 'delete', 'session'],
    ['/api/accounts/me/password', 'post', 'session'],
    ['/api/accounts/me/email', 'post', 'session'],
    ['/api/accounts/profile/{username}', 'get', 'anyone'],
    ['/api/accounts/{id}/resend-verification', 'post', 'staff'],
    ['/api/memberships/me', 'get', 'session'],
    ['/api/memberships/me', 'post', 'session'],
    ['/api/memberships/me', 'patch', 'session'],
    ['/api/memberships/me', 'delete', 'session'],
    ['/api/memberships/me/affirm', 'post', 'session'],
    ['/api/memberships/export.csv', 'get', 'staff'],
    ['/api/jobs/review-queue', 'get', 'session'],
    ['/api/jobs/{id}/review', 'post', 'session'],
    ['/api/nominations/invitation', 'post', 'session'],
    ['/api/nominations/preview', 'post', 'session'],
    ['/api/success-stories/submit', 'post', 'anyone'],
  ])('describes %s %s (%s)', (path, method, who) => {
    const operation = document.paths[path]?.[method]
    expect(operation, `${method} ${path}`).toBeDefined()
    const schemes = (operation?.security ?? []).flatMap((requirement) => Object.keys(requirement))
    if (who === 'session') expect(schemes).toContain('accountSession')
    if (who === 'staff') expect(schemes).toEqual(['payloadApiKey', 'payloadJwt', 'payloadCookie'])
    if (who === 'anyone') expect(operation?.security).toEqual([{}])
    expect(Object.keys(operation?.responses ?? {}).some((code) => code.startsWith('2'))).toBe(true)
  })

  it('declares the visitor session scheme the renderer uses (Authorization: JWT <token>)', () => {
    expect(document.components.securitySchemes.accountSession).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' })
  })
})
