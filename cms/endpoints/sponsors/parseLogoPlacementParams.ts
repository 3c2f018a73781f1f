import { LOGO_FLIGHTS, LOGO_PUBLISHERS, type LogoFlight, type LogoPublisher } from '../../../collections/SponsorshipBenefits/logoPlacement'

export type LogoPlacementQuery = { publisher: LogoPublisher | null; flight: LogoFlight | null; year: number | null }

export type ParsedLogoPlacementParams = { ok: true; query: LogoPlacementQuery } | { ok: false; fieldErrors: Record<string, string[]> }

/** The sponsorship years python.org accepts (SponsorshipCurrentYear's range). */
export const MIN_YEAR = 2022
export const MAX_YEAR = 2050

function choice<T extends string>(params: URLSearchParams, name: string, choices: readonly T[], errors: Record<string, string[]>): T | null {
  const values = params.getAll(name)
  if (values.length === 0 || (values.length === 1 && values[0] === '')) return null
  if (values.length > 1) {
    errors[name] = [`Give "${name}" once.`]
    return null
  }
  const value = values[0]
  if ((choices as readonly string[]).includes(value)) return value as T
  errors[name] = [`Select a valid choice. "${value.slice(0, 50)}" is not one of the available choices: ${choices.join(', ')}.`]
  return null
}

/**
 * The query of `GET /api/v2/sponsors/logo-placement/`: python.org's optional `publisher`, `flight`
 * and `year`. An unknown choice, a year that is not a whole number in range, or a repeated
 * parameter is refused with python.org's field errors (`{"publisher": ["Select a valid choice..."]}`);
 * other parameters are ignored, as Django REST framework does.
 */
export function parseLogoPlacementParams(params: URLSearchParams): ParsedLogoPlacementParams {
  const errors: Record<string, string[]> = {}
  const publisher = choice(params, 'publisher', LOGO_PUBLISHERS, errors)
  const flight = choice(params, 'flight', LOGO_FLIGHTS, errors)
  let year: number | null = null
  const years = params.getAll('year')
  if (years.length > 1) errors.year = ['Give "year" once.']
  else if (years.length === 1 && years[0] !== '') {
    const text = years[0]
    if (!/^\d{4}$/.test(text) || Number(text) < MIN_YEAR || Number(text) > MAX_YEAR) errors.year = [`Enter a whole number between ${MIN_YEAR} and ${MAX_YEAR}.`]
    else year = Number(text)
  }
  return Object.keys(errors).length > 0 ? { ok: false, fieldErrors: errors } : { ok: true, query: { publisher, flight, year } }
}
