/**
 * What a choice on the application form comes to, recomputed on the server for its preview step
 * (no script needed): the benefits it holds by programme, the package it matches, and the fee
 * (the package's amount when the choice is exactly a package, else to be agreed). The CMS checks
 * the same choice again when the application is sent.
 */
import type { ApplicationForm } from './sponsorshipService';

export interface ChoiceSummary {
  readonly programmes: readonly { readonly name: string; readonly benefits: readonly string[] }[];
  readonly benefitCount: number;
  readonly packageName: string | null;
  readonly matchedPackage: string | null;
  readonly fee: string;
}

/** The benefits a package includes (as the CMS counts them). */
export function packageBenefitIds(form: ApplicationForm, packageId: number): number[] {
  return form.benefits.filter((benefit) => benefit.packages.includes(packageId) && !benefit.unavailable && !benefit.standalone).map((benefit) => benefit.id);
}

export function formatUsd(amount: number): string {
  return `USD ${amount.toLocaleString('en-US')}`;
}

export function summarizeChoice(form: ApplicationForm, packageId: number | null, benefitIds: readonly number[]): ChoiceSummary {
  const chosenPackage = form.packages.find((entry) => entry.id === packageId) ?? null;
  const included = chosenPackage === null ? [] : packageBenefitIds(form, chosenPackage.id);
  const chosen = benefitIds.length === 0 ? included : benefitIds;
  const same = (ids: readonly number[]) => ids.length === chosen.length && ids.every((id) => chosen.includes(id));
  const matched = chosen.length === 0 ? null : (form.packages.find((entry) => same(packageBenefitIds(form, entry.id))) ?? null);
  const programmes = form.programs
    .map((program) => ({ name: program.name, benefits: form.benefits.filter((benefit) => benefit.programId === program.id && chosen.includes(benefit.id)).map((benefit) => benefit.name) }))
    .filter((programme) => programme.benefits.length > 0);
  const fee = chosenPackage !== null && same(included) ? formatUsd(chosenPackage.sponsorshipAmount) : matched !== null ? formatUsd(matched.sponsorshipAmount) : 'To be agreed with the PSF';
  return { programmes, benefitCount: chosen.length, packageName: chosenPackage?.name ?? null, matchedPackage: matched?.name ?? null, fee };
}
