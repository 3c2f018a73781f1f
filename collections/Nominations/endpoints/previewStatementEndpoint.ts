import type { Endpoint } from 'payload'

import { markdownHtml } from '../../../lib/markup/storedMarkup'
import { accountOf } from '../../Accounts/accountAccess'
import { failed, NOT_JSON, readBody, succeeded } from '../../Accounts/endpoints/accountResponses'
import { NOMINATION_LIMITS } from '../nominationLimits'
import { previewStatementBody } from './nominationBodies'

const PREVIEW_STATEMENT_LIMIT = NOMINATION_LIMITS.statement

/**
 * `POST /api/nominations/preview` `{ statement }` -> `{ html }`, as a signed-in account: the
 * nomination form's preview. The site holds no markup parser (issue 16), so a statement not saved
 * yet is rendered here, the way a saved one is (Markdown through the boxes' allowlist). Nothing
 * is written. Refusals: 401 not signed in, 400 not text or longer than a statement may be.
 */
export const previewStatementEndpoint: Endpoint = {
  path: '/preview',
  method: 'post',
  handler: async (req) => {
    if (accountOf(req) === null) return failed(401, 'Please sign in to preview a nomination.')
    const body = await readBody(req, previewStatementBody)
    if (body === null) return NOT_JSON()
    const { statement } = body
    if (typeof statement !== 'string') return failed(400, 'The statement must be text.')
    if (statement.length > PREVIEW_STATEMENT_LIMIT) {
      return failed(400, `The statement is ${statement.length.toLocaleString('en')} characters; at most ${PREVIEW_STATEMENT_LIMIT.toLocaleString('en')} are allowed.`, { statement: 'Too long.' })
    }
    return succeeded('', { html: markdownHtml(statement) })
  },
}
