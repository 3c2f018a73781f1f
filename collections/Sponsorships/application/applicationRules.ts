import { emailProblem } from '../../Accounts/accountRules'
import { validateOptionalHttpUrl } from '../../fields/validateOptionalHttpUrl'
import type { ApplicationBody } from '../endpoints/sponsorshipBodies'

/** A package and benefit as the application checks them (the year's catalog). */
export type CatalogPackage = { id: number; name: string; sponsorshipAmount: number; allowALaCarte: boolean }
export type CatalogBenefit = {
  id: number
  name: string
  programId: number | null
  packages: number[]
  packageOnly: boolean
  standalone: boolean
  unavailable: boolean
  soldOut: boolean
}
export type Catalog = { packages: CatalogPackage[]; benefits: CatalogBenefit[] }

export type ContactInput = { name: string; email: string; phone: string; primary: boolean; administrative: boolean; accounting: boolean; manager: boolean }
export type CompanyInput = { name: string; description: string; landingPageUrl: string }

export type ApplicationInput = {
  packageId: number | null
  benefitIds: number[]
  /** An existing sponsor the account is a contact of; null to create one from `company` and `contacts`. */
  sponsorId: number | null
  company: CompanyInput
  contacts: ContactInput[]
}

export type FieldErrors = Record<string, string>

/** python.org's SponsorContact formset allows five. */
export const MAX_CONTACTS = 5
const MAX_BENEFITS = 100
const ID = /^[1-9]\d{0,9}$/

function idOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 1e10) return value
  if (typeof value === 'string' && ID.test(value)) return Number(value)
  return null
}

/**
 * The posted application (`{ package, benefits, sponsor, company, contacts }`, as its schema in
 * sponsorshipBodies.ts reads it) checked: `errors` gets one message per bad field; nothing here
 * looks at the database.
 */
export function readApplication(body: ApplicationBody, errors: FieldErrors): ApplicationInput {
  const packageId = body.package == null || body.package === '' ? null : idOf(body.package)
  if (body.package != null && body.package !== '' && packageId === null) errors.package = 'Choose a package from the list.'
  const rawBenefits = body.benefits ?? []
  const benefitIds: number[] = []
  if (!Array.isArray(rawBenefits) || rawBenefits.length > MAX_BENEFITS) errors.benefits = 'Choose benefits from the list.'
  else {
    for (const raw of rawBenefits) {
      const id = idOf(raw)
      if (id === null) errors.benefits = 'Choose benefits from the list.'
      else if (!benefitIds.includes(id)) benefitIds.push(id)
    }
  }
  if (packageId === null && benefitIds.length === 0 && errors.package === undefined && errors.benefits === undefined) errors.benefits = 'Choose a package or at least one benefit.'

  const sponsorId = body.sponsor == null || body.sponsor === '' ? null : idOf(body.sponsor)
  if (body.sponsor != null && body.sponsor !== '' && sponsorId === null) errors.sponsor = 'Choose one of your sponsors, or enter a new company.'

  const company: CompanyInput = body.company
  const contacts: ContactInput[] = []
  if (sponsorId === null) {
    if (company.name === '') errors['company.name'] = 'Enter the company\'s name.'
    else if (company.name.length > 100) errors['company.name'] = 'Use at most 100 characters.'
    if (company.description === '') errors['company.description'] = 'Describe the company in a few sentences.'
    else if (company.description.length > 2000) errors['company.description'] = 'Use at most 2000 characters.'
    const urlProblem = company.landingPageUrl === '' ? 'Enter the company\'s web site (http or https).' : company.landingPageUrl.length > 1000 ? 'Use at most 1000 characters.' : validateOptionalHttpUrl(company.landingPageUrl)
    if (urlProblem !== true) errors['company.landingPageUrl'] = urlProblem

    const rawContacts = body.contacts
    if (rawContacts === null) errors.contacts = `Enter one to ${MAX_CONTACTS} contacts.`
    else {
      rawContacts.forEach((row, index) => {
        const contact: ContactInput = { ...row, email: row.email.toLowerCase() }
        if (contact.name === '') errors[`contacts.${index}.name`] = 'Enter the contact\'s name.'
        else if (contact.name.length > 100) errors[`contacts.${index}.name`] = 'Use at most 100 characters.'
        const mailProblem = emailProblem(contact.email)
        if (mailProblem) errors[`contacts.${index}.email`] = mailProblem
        if (contact.phone.length > 32 || /[^\d\s+().-]/.test(contact.phone)) errors[`contacts.${index}.phone`] = 'Use digits, spaces and + ( ) . - only, at most 32.'
        contacts.push(contact)
      })
      if (!contacts.some((contact) => contact.primary)) errors.contacts = 'Mark at least one contact as primary.'
    }
  }
  return { packageId, benefitIds, sponsorId, company, contacts }
}

/** What a choice of package and benefits comes to: the benefits sold, the package it matches, the fee. */
export type ChoiceSummary = {
  benefitIds: number[]
  /** The package whose benefits are exactly the chosen ones, if any. */
  matchedPackage: CatalogPackage | null
  /** The chosen package's amount when the choice is that package's; null (to be agreed) otherwise. */
  fee: number | null
  modified: boolean
}

/** The benefits a package includes (those on offer). */
export function packageBenefits(catalog: Catalog, packageId: number): number[] {
  return catalog.benefits.filter((benefit) => benefit.packages.includes(packageId) && !benefit.unavailable && !benefit.standalone).map((benefit) => benefit.id)
}

/**
 * python.org's benefit rules against the year's catalog: every benefit offered (not unavailable,
 * not sold out); a package-only one needs a package that includes it; benefits added to a package
 * need a package that allows à la carte. The choice is the package's benefits when only a package
 * is chosen, else exactly the chosen benefits.
 */
export function checkChoice(catalog: Catalog, input: Pick<ApplicationInput, 'packageId' | 'benefitIds'>, errors: FieldErrors): ChoiceSummary {
  const chosenPackage = input.packageId === null ? null : (catalog.packages.find((entry) => entry.id === input.packageId) ?? null)
  if (input.packageId !== null && chosenPackage === null) errors.package = 'This package is not offered this year.'
  const included = chosenPackage === null ? [] : packageBenefits(catalog, chosenPackage.id)
  const benefitIds = input.benefitIds.length === 0 ? included : input.benefitIds
  for (const id of benefitIds) {
    const benefit = catalog.benefits.find((entry) => entry.id === id)
    if (!benefit) errors.benefits = 'One of the chosen benefits is not offered this year.'
    else if (benefit.unavailable) errors.benefits = `"${benefit.name}" is not available.`
    else if (benefit.soldOut) errors.benefits = `"${benefit.name}" is sold out.`
    else if (benefit.packageOnly && (chosenPackage === null || !benefit.packages.includes(chosenPackage.id))) errors.benefits = `"${benefit.name}" comes only with a package that includes it.`
  }
  const extras = benefitIds.filter((id) => !included.includes(id))
  if (chosenPackage !== null && extras.length > 0 && !chosenPackage.allowALaCarte) errors.benefits = `The ${chosenPackage.name} package does not take benefits à la carte.`
  const same = (ids: number[]) => ids.length === benefitIds.length && ids.every((id) => benefitIds.includes(id))
  const matchedPackage = catalog.packages.find((entry) => same(packageBenefits(catalog, entry.id))) ?? null
  const modified = chosenPackage !== null && !same(included)
  return { benefitIds, matchedPackage, fee: chosenPackage !== null && !modified ? chosenPackage.sponsorshipAmount : null, modified }
}
