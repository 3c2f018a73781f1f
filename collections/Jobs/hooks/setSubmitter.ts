import type { CollectionBeforeChangeHook } from 'payload'

import { accountOf } from '../../Accounts/accountAccess'

/**
 * A posting created by a visitor's account belongs to that account, whatever the request said:
 * `submittedBy` is a moderators' field (its field access drops a submitter's value), and this
 * stamps the account's own id on create. An edit never changes the owner.
 */
export const setSubmitter: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const account = accountOf(req)
  if (operation === 'create' && account !== null) data.submittedBy = account.id
  return data
}
