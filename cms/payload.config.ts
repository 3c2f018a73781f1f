import { loadCmsEnv } from './config/cmsEnv'
import { createPayloadConfig } from './config/payloadConfig'

// Payload's CLI and Next.js integration import this file's default export (`@payload-config`):
// the one default export of the project, because the framework requires it.
export default createPayloadConfig(loadCmsEnv())
