/**
 * PSF sponsorship's personal half on the site (issue 17): python.org's application form
 * (/sponsors/application/) and the sponsor's dashboard (/users/sponsorships/), with its contract
 * downloads and required assets. The CMS decides everything (the window, the rules of a choice,
 * who sees which sponsorship); this service reaches its endpoints as the signed-in visitor.
 */
import type { AccountOutcome } from './accountService';

export interface ApplicationProgram {
  readonly id: number;
  readonly name: string;
  readonly description: string;
}

export interface ApplicationPackage {
  readonly id: number;
  readonly name: string;
  readonly sponsorshipAmount: number;
  readonly allowALaCarte: boolean;
}

export interface ApplicationBenefit {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly programId: number | null;
  readonly packages: readonly number[];
  readonly packageOnly: boolean;
  readonly standalone: boolean;
  readonly unavailable: boolean;
  readonly soldOut: boolean;
}

/** The application form's data: closed (with the staff's message), or the year's catalog. */
export interface ApplicationForm {
  readonly open: boolean;
  readonly message: string;
  readonly year: number | null;
  readonly programs: readonly ApplicationProgram[];
  readonly packages: readonly ApplicationPackage[];
  readonly benefits: readonly ApplicationBenefit[];
  /** Sponsors the account is a contact of, to apply again for one. */
  readonly sponsors: readonly { readonly id: number; readonly name: string }[];
}

export interface ContactInput {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly primary: boolean;
  readonly administrative: boolean;
  readonly accounting: boolean;
  readonly manager: boolean;
}

export interface ApplicationInput {
  readonly packageId: number | null;
  readonly benefitIds: readonly number[];
  readonly sponsorId: number | null;
  readonly company: { readonly name: string; readonly description: string; readonly landingPageUrl: string };
  readonly contacts: readonly ContactInput[];
}

export interface SponsorshipSummary {
  readonly id: number;
  readonly status: string;
  readonly year: number;
  readonly sponsorName: string;
  readonly packageName: string;
  readonly appliedOn: string | null;
}

export interface SponsorshipAsset {
  readonly id: number;
  readonly kind: 'image' | 'text' | 'link';
  readonly internalName: string;
  readonly label: string;
  readonly helpText: string;
  readonly benefitName: string;
  readonly dueDate: string | null;
  readonly textValue: string;
  readonly urlValue: string;
  readonly imageFilename: string | null;
  readonly filled: boolean;
}

export interface SponsorshipDetail extends SponsorshipSummary {
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly sponsorshipFee: number | null;
  readonly benefits: readonly { readonly name: string; readonly programName: string; readonly description: string }[];
  /** File names of the contract for signing and of the signed copy, when there are. */
  readonly contract: string | null;
  readonly signedContract: string | null;
  readonly assets: readonly SponsorshipAsset[];
}

export type AssetValue = { readonly value: string } | { readonly file: { readonly data: Uint8Array; readonly mimetype: string; readonly filename: string } };

export interface SponsorshipService {
  /** The form's data; `session` may be null (the window and catalog are public). */
  applicationForm(session: string | null): Promise<ApplicationForm>;
  /** Sends the application; 201 gives the new sponsorship's id. */
  apply(session: string, input: ApplicationInput, visitorAddress: string): Promise<AccountOutcome<{ readonly id: number }>>;
  /** The account's sponsorships, newest first; null when the session ended. */
  mine(session: string): Promise<readonly SponsorshipSummary[] | null>;
  /** One of the account's sponsorships; null when it is not one of them. */
  one(session: string, id: number): Promise<SponsorshipDetail | null>;
  /** Fills one required asset. */
  fillAsset(session: string, sponsorshipId: number, assetId: number, value: AssetValue): Promise<AccountOutcome>;
  /** A contract's PDF, as the account may read it; null when it may not (or there is none). */
  contract(session: string, filename: string): Promise<{ readonly contentType: string; readonly data: Buffer } | null>;
}
