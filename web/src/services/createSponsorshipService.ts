/**
 * The SponsorshipService (sponsorshipService.ts) over the CMS's sponsorship endpoints
 * (collections/Sponsorships/endpoints), through the one CMS client: 4xx answers become failures
 * with the CMS's own messages; a 5xx or no answer throws (CmsUnavailableError).
 */
import type { CmsClient } from '../cms/client';
import { text } from '../cms/parse/lenientFields';
import { parseApplicationForm, parseCreatedSponsorshipId, parseSponsorshipDetail, parseSponsorshipSummaries } from '../cms/parse/sponsorshipDocs';
import { failureOf, SIGN_IN_AGAIN, validSession } from './createAccountService';
import type { SponsorshipService } from './sponsorshipService';

/** A contract is a few pages; anything far bigger is not one of ours. */
export const CONTRACT_MAX_BYTES = 20 * 1024 * 1024;

export function createSponsorshipService(client: Pick<CmsClient, 'sessionRequest' | 'sessionUpload' | 'sessionDownload'>): SponsorshipService {
  return {
    async applicationForm(session) {
      const response = await client.sessionRequest({ method: 'GET', path: 'sponsorships/application', ...(session !== null && validSession(session) ? { session } : {}) });
      if (response.status !== 200) throw new Error(`The CMS answered ${response.status} for the sponsorship application form.`);
      return parseApplicationForm(response.body);
    },

    async apply(session, input, visitorAddress) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      const response = await client.sessionRequest({
        method: 'POST',
        path: 'sponsorships/application',
        session,
        visitorAddress,
        body: {
          package: input.packageId,
          benefits: input.benefitIds,
          ...(input.sponsorId === null ? { company: input.company, contacts: input.contacts } : { sponsor: input.sponsorId }),
        },
      });
      if (response.status !== 201) return failureOf(response);
      const id = parseCreatedSponsorshipId(response.body.sponsorship);
      if (id === null) throw new Error('The CMS took the application but answered no sponsorship.');
      return { ok: true, value: { id }, message: text.parse(response.body.message) };
    },

    async mine(session) {
      if (!validSession(session)) return null;
      const response = await client.sessionRequest({ method: 'GET', path: 'sponsorships/mine', session });
      if (response.status !== 200) return null;
      return parseSponsorshipSummaries(response.body.sponsorships);
    },

    async one(session, id) {
      if (!validSession(session) || !Number.isInteger(id) || id < 1) return null;
      const response = await client.sessionRequest({ method: 'GET', path: `sponsorships/mine/${id}`, session });
      if (response.status !== 200) return null;
      return parseSponsorshipDetail(response.body.sponsorship);
    },

    async fillAsset(session, sponsorshipId, assetId, value) {
      if (!validSession(session)) return SIGN_IN_AGAIN;
      const path = `sponsorships/mine/${sponsorshipId}/assets/${assetId}`;
      const response = 'file' in value ? await client.sessionUpload({ path, session, file: value.file }) : await client.sessionRequest({ method: 'POST', path, session, body: { value: value.value } });
      if (response.status !== 200) return failureOf(response);
      return { ok: true, value: undefined, message: text.parse(response.body.message) };
    },

    async contract(session, filename) {
      if (!validSession(session) || !/^[\w.-]{1,200}$/.test(filename)) return null;
      return client.sessionDownload({ path: `sponsor-contracts/file/${encodeURIComponent(filename)}`, session, maxBytes: CONTRACT_MAX_BYTES });
    },
  };
}
