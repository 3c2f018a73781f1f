/**
 * All public routes, in precedence order: fixed routes first, then the catch-all (CMS
 * redirects, then CMS pages), then the 404 handler registered by setUpErrorHandling.
 */
import type { Express } from 'express';
import type { TrustedProxies } from '../../../lib/throttle/clientAddress';
import type { AccountFormThrottle } from '../accounts/accountFormThrottle';
import type { Services } from '../services/index';
import { createAccountsRouter } from './accounts';
import { createAuthenticatedRouter } from './authenticated';
import { createBoxesRouter } from './boxes';
import { createCmsPagesRouter } from './cmsPages';
import { createDownloadsRouter } from './downloads';
import { createEventsRouter } from './events';
import { createHealthRouter } from './health';
import { createHomeRouter } from './home';
import { createJobFormsRouter, type JobFormThrottle } from './jobForms';
import { createJobsRouter } from './jobs';
import { createLegacyRedirectsRouter } from './legacyRedirects';
import { createMembershipRouter } from './membership';
import { createMinutesRouter } from './minutes';
import { createNewsRouter } from './news';
import { createNominationsRouter } from './nominations';
import { createPreviewRouter } from './preview';
import { createPsfRouter } from './psf';
import { createSearchRouter } from './search';
import { createSeoRouter } from './seo';
import { createSponsorshipsRouter, type SponsorshipFormThrottle } from './sponsorships';
import { createStoriesRouter, type StoryFormThrottle } from './stories';
import { createUsersRouter } from './users';

export function setUpRoutes(
  app: Express,
  services: Services,
  siteUrl: string,
  storyForm?: StoryFormThrottle,
  trustedProxies?: TrustedProxies,
  accountForms?: AccountFormThrottle,
  jobForms?: JobFormThrottle,
  sponsorshipForms?: SponsorshipFormThrottle,
): void {
  app.use(createHealthRouter(services));
  app.use(createHomeRouter(services));
  app.use(createDownloadsRouter(services, siteUrl));
  app.use(createEventsRouter(services, siteUrl));
  app.use(createStoriesRouter(services, storyForm));
  // Accounts (issue 11): /accounts/*, /users/edit/, /users/<name>/ and the header's /authenticated.
  app.use(createAccountsRouter(services, accountForms));
  // PSF elections (issue 13): /nominations/* and /users/nominations/ (before /users/<name>/).
  app.use(createNominationsRouter(services));
  // PSF membership (issue 13): /users/membership/* before the profiles of /users/<name>/, and /membership/.
  app.use(createMembershipRouter(services, accountForms));
  // PSF sponsorship (issue 17): /sponsors/application/ and the dashboard /users/sponsorships/ (before /users/<name>/).
  app.use(createSponsorshipsRouter(services, sponsorshipForms));
  app.use(createUsersRouter(services));
  app.use(createAuthenticatedRouter(services));
  app.use(createBoxesRouter(services));
  app.use(createSeoRouter(services, siteUrl));
  app.use(createPreviewRouter(services));
  app.use(createSearchRouter(services, trustedProxies));
  app.use(createNewsRouter(services));
  app.use(createMinutesRouter(services, siteUrl));
  // The job board's personal pages (posting, my jobs, review) before its public ones and before
  // the CMS's pages (/jobs/create/ was a placeholder page there).
  app.use(createJobFormsRouter(services, jobForms));
  app.use(createJobsRouter(services, siteUrl));
  app.use(createPsfRouter(services));
  app.use(createLegacyRedirectsRouter());
  app.use(createCmsPagesRouter(services));
}
