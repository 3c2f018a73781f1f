/**
 * SAMPLE CONTENT, written for this site (python.org's stories are not in its fixtures): six
 * success stories across the categories, one featured, so the story pages have something real
 * to show. Replace them with the production stories when they are imported.
 */
export const STORY_CATEGORY_SAMPLES = [
  { name: 'Arts', slug: 'arts' },
  { name: 'Business', slug: 'business' },
  { name: 'Education', slug: 'education' },
  { name: 'Engineering', slug: 'engineering' },
  { name: 'Government', slug: 'government' },
  { name: 'Scientific', slug: 'scientific' },
  { name: 'Software Development', slug: 'software-development' },
] as const

export type StorySample = {
  name: string
  slug: string
  companyName: string
  companyUrl: string
  author: string
  pullQuote: string
  categorySlug: (typeof STORY_CATEGORY_SAMPLES)[number]['slug']
  featured: boolean
  paragraphs: string[]
}

export const STORY_SAMPLES: StorySample[] = [
  {
    name: 'Scaling a research pipeline with Python',
    slug: 'scaling-a-research-pipeline-with-python',
    companyName: 'Example Research Institute',
    companyUrl: 'https://example.org/research',
    author: 'Ada Example',
    pullQuote: 'Python let our scientists own the whole pipeline, from the instrument to the paper.',
    categorySlug: 'scientific',
    featured: true,
    paragraphs: [
      'Our lab collects terabytes of measurements a week. Moving the pipeline to Python meant one language from acquisition scripts to the statistics in the final figures.',
      'NumPy and pandas replaced a patchwork of tools, and the test suite that came with the rewrite caught regressions that used to reach publications.',
    ],
  },
  {
    name: 'Teaching a first programming course in Python',
    slug: 'teaching-a-first-programming-course-in-python',
    companyName: 'Example University',
    companyUrl: 'https://example.edu/',
    author: 'Grace Sample',
    pullQuote: 'Students write useful programs in their first week instead of fighting the syntax.',
    categorySlug: 'education',
    featured: false,
    paragraphs: [
      'We moved our introductory course to Python five years ago. Pass rates went up and students carried the language into their other courses.',
    ],
  },
  {
    name: 'Automating a city permit office',
    slug: 'automating-a-city-permit-office',
    companyName: 'Example City Council',
    companyUrl: 'https://example.gov/',
    author: 'Alan Placeholder',
    pullQuote: 'A small Python team cut permit processing from weeks to days.',
    categorySlug: 'government',
    featured: false,
    paragraphs: ['Django gave us a secure admin for clerks and a public status page for applicants, built and maintained by three people.'],
  },
  {
    name: 'Generative art installations driven by Python',
    slug: 'generative-art-installations-driven-by-python',
    companyName: 'Example Studio',
    companyUrl: 'https://example.com/studio',
    author: 'Maria Example',
    pullQuote: 'Python is the glue between our sensors, our visuals and our sound.',
    categorySlug: 'arts',
    featured: false,
    paragraphs: ['Each installation reads its sensors, renders its visuals and drives its speakers from one Python process.'],
  },
  {
    name: 'Running a logistics business on Python',
    slug: 'running-a-logistics-business-on-python',
    companyName: 'Example Freight',
    companyUrl: 'https://example.com/freight',
    author: 'Linus Sample',
    pullQuote: 'Route planning that took a night now runs in minutes.',
    categorySlug: 'business',
    featured: false,
    paragraphs: ['Our planners describe constraints in plain Python, and the optimiser turns them into routes for four hundred trucks.'],
  },
  {
    name: 'Testing embedded firmware with Python',
    slug: 'testing-embedded-firmware-with-python',
    companyName: 'Example Devices',
    companyUrl: 'https://example.com/devices',
    author: 'Barbara Placeholder',
    pullQuote: 'Our hardware-in-the-loop tests are all pytest now.',
    categorySlug: 'engineering',
    featured: false,
    paragraphs: ['Every firmware build runs against real boards on a rack, driven by pytest fixtures that flash, power-cycle and probe them.'],
  },
]
