/**
 * SAMPLE CONTENT, written for this site (python.org's sponsors are not in its fixtures): two
 * programmes, the year's packages with python.org's level names, a few benefits with logo
 * placements and required assets, and two finalized sponsorships of made-up sponsors marked
 * "(sample)", so /psf/sponsors/, the home and downloads pages and the logo placement API have
 * something to show. Real sponsorships come through the application and the sponsorship staff.
 */
export const SPONSOR_PROGRAM_SAMPLES = [
  { slug: 'foundation', name: 'Foundation', description: 'Sponsorship of the Python Software Foundation and python.org.', order: 0 },
  { slug: 'pypi', name: 'PyPI', description: 'Sponsorship of the Python Package Index.', order: 1 },
] as const

export type PackageSample = { slug: string; name: string; sponsorshipAmount: number; order: number; logoDimension: number }

export const SPONSOR_PACKAGE_SAMPLES: PackageSample[] = [
  { slug: 'visionary', name: 'Visionary', sponsorshipAmount: 160_000, order: 0, logoDimension: 300 },
  { slug: 'sustainability', name: 'Sustainability', sponsorshipAmount: 90_000, order: 1, logoDimension: 250 },
  { slug: 'maintaining', name: 'Maintaining', sponsorshipAmount: 60_000, order: 2, logoDimension: 225 },
  { slug: 'contributing', name: 'Contributing', sponsorshipAmount: 30_000, order: 3, logoDimension: 200 },
  { slug: 'supporting', name: 'Supporting', sponsorshipAmount: 15_000, order: 4, logoDimension: 175 },
]

export type BenefitSample = {
  name: string
  program: (typeof SPONSOR_PROGRAM_SAMPLES)[number]['slug']
  packages: string[]
  internalValue: number
  logoPlacements: { publisher: string; flight: string; linkToSponsorsPage?: boolean; describeAsSponsor?: boolean }[]
  requiredAssets: { kind: 'image' | 'text' | 'link'; internalName: string; label: string; dueInDays: number }[]
}

export const SPONSOR_BENEFIT_SAMPLES: BenefitSample[] = [
  {
    name: 'Logo on the python.org sponsors page',
    program: 'foundation',
    packages: ['visionary', 'sustainability', 'maintaining', 'contributing', 'supporting'],
    internalValue: 1000,
    logoPlacements: [{ publisher: 'psf', flight: 'sponsors' }],
    requiredAssets: [{ kind: 'image', internalName: 'web_logo', label: 'Your logo for python.org', dueInDays: 30 }],
  },
  {
    name: 'Logo on the python.org downloads page',
    program: 'foundation',
    packages: ['visionary', 'sustainability', 'maintaining'],
    internalValue: 5000,
    logoPlacements: [{ publisher: 'psf', flight: 'download' }],
    requiredAssets: [],
  },
  {
    name: 'Logo on the home page of python.org',
    program: 'foundation',
    packages: ['visionary'],
    internalValue: 10_000,
    logoPlacements: [{ publisher: 'psf', flight: 'sidebar' }],
    requiredAssets: [{ kind: 'link', internalName: 'landing_page_link', label: 'The page the logo links to', dueInDays: 30 }],
  },
  {
    name: 'Logo in the PyPI sidebar',
    program: 'pypi',
    packages: ['visionary', 'sustainability'],
    internalValue: 8000,
    logoPlacements: [{ publisher: 'pypi', flight: 'sidebar', linkToSponsorsPage: true, describeAsSponsor: true }],
    requiredAssets: [{ kind: 'text', internalName: 'pypi_blurb', label: 'One sentence about your company for PyPI', dueInDays: 45 }],
  },
]

export type SponsorSample = { slug: string; name: string; description: string; landingPageUrl: string; colour: string; packageSlug: string; benefits: string[] }

export const SPONSOR_SAMPLES: SponsorSample[] = [
  {
    slug: 'example-cloud-sample',
    name: 'Example Cloud (sample)',
    description: 'SAMPLE SPONSOR. A made-up cloud company that exists to show how sponsor logos look.',
    landingPageUrl: 'https://example.com/cloud',
    colour: '#3776ab',
    packageSlug: 'visionary',
    benefits: ['Logo on the python.org sponsors page', 'Logo on the python.org downloads page', 'Logo on the home page of python.org', 'Logo in the PyPI sidebar'],
  },
  {
    slug: 'sample-data-co-sample',
    name: 'Sample Data Co (sample)',
    description: 'SAMPLE SPONSOR. A made-up data company that exists to show how sponsor logos look.',
    landingPageUrl: 'https://example.org/data',
    colour: '#ffd43b',
    packageSlug: 'maintaining',
    benefits: ['Logo on the python.org sponsors page', 'Logo on the python.org downloads page'],
  },
]
