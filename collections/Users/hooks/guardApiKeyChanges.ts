import { Forbidden, type CollectionBeforeChangeHook } from 'payload'

import { hasRole, type RoleHolder } from '../../access/roles'

/**
 * API keys are for release managers' tooling: a release manager may enable or regenerate their
 * own key, an admin may revoke (or set) anyone's; nobody else may touch one. The admin form
 * always sends the key fields, so only a real change is refused.
 */
export const guardApiKeyChanges: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const user = req.user as RoleHolder
  if (!user || hasRole(user)) return data
  const enabledBefore = Boolean(originalDoc?.enableAPIKey)
  const enabledAfter = data.enableAPIKey === undefined ? enabledBefore : Boolean(data.enableAPIKey)
  const keyChanged = data.apiKey !== undefined && data.apiKey !== originalDoc?.apiKey
  if (enabledAfter === enabledBefore && !keyChanged) return data
  const ownProfile = originalDoc ? String(originalDoc.id) === String(user.id) : false
  if (ownProfile && hasRole(user, 'release-manager')) return data
  throw new Forbidden(req.t)
}
