/**
 * python.org's LogoPlacement benefit feature: who publishes the logo (`publisher`) and where
 * (`flight`, python.org's `logo_place`). The logo placement API filters on both; python.org itself
 * renders the psf publisher's `sponsors` (/psf/sponsors/) and `download` (/downloads/) flights,
 * and other PSF sites consume the rest.
 */
export const LOGO_PUBLISHERS = ['psf', 'pycon', 'pypi', 'core'] as const
export type LogoPublisher = (typeof LOGO_PUBLISHERS)[number]

export const LOGO_FLIGHTS = ['sidebar', 'sponsors', 'jobs', 'blogpost', 'footer', 'docs', 'download', 'devguide'] as const
export type LogoFlight = (typeof LOGO_FLIGHTS)[number]

/** python.org's labels for the admin. */
export const PUBLISHER_LABELS: Readonly<Record<LogoPublisher, string>> = {
  psf: 'Foundation',
  pycon: 'PyCon',
  pypi: 'Python Package Index',
  core: 'Core Dev',
}

export const FLIGHT_LABELS: Readonly<Record<LogoFlight, string>> = {
  sidebar: 'Sidebar',
  sponsors: 'Sponsors Page',
  jobs: 'Jobs',
  blogpost: 'Blog',
  footer: 'Footer',
  docs: 'Docs',
  download: 'Download Page',
  devguide: 'Developer Guide',
}

/** The kinds of asset a benefit may require of the sponsor (python.org's RequiredImg/Text/ResponseAsset; a link is a text that must be a URL). */
export const REQUIRED_ASSET_KINDS = ['image', 'text', 'link'] as const
export type RequiredAssetKind = (typeof REQUIRED_ASSET_KINDS)[number]
