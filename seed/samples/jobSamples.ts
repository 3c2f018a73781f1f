/**
 * SAMPLE CONTENT, written for this site (python.org's job postings are not in its fixtures):
 * python.org's job types and a few categories, and three approved postings marked "(sample)"
 * so the job board's pages have something to list. Their listing is renewed each time the seed
 * runs; real postings arrive through the site's form and the moderators.
 */
export const JOB_TYPE_SAMPLES = ['Full Time', 'Part Time', 'Contract', 'Freelance', 'Internship'] as const

export const JOB_CATEGORY_SAMPLES = ['Software Engineering', 'Web Development', 'Data Science', 'Systems Administration', 'Education'] as const

export type JobSample = {
  title: string
  companyName: string
  category: (typeof JOB_CATEGORY_SAMPLES)[number]
  types: (typeof JOB_TYPE_SAMPLES)[number][]
  city: string
  region?: string
  country: string
  remote: boolean
  description: string
  requirements: string
  companyDescription: string
  email: string
  url: string
}

export const JOB_SAMPLES: JobSample[] = [
  {
    title: 'Senior Python Developer',
    companyName: 'Example Analytics (sample)',
    category: 'Software Engineering',
    types: ['Full Time'],
    city: 'Amsterdam',
    country: 'Netherlands',
    remote: true,
    description: 'SAMPLE LISTING. Build and run the **data pipelines** behind our reporting product, in Python 3.14 with asyncio.',
    requirements: '- Five years of Python\n- Experience with PostgreSQL\n- Good written English',
    companyDescription: 'A made-up company that exists to show how the job board looks.',
    email: 'jobs@example.com',
    url: 'https://example.com/careers/senior-python-developer',
  },
  {
    title: 'Django Web Developer',
    companyName: 'Example Publishing (sample)',
    category: 'Web Development',
    types: ['Contract'],
    city: 'Portland',
    region: 'Oregon',
    country: 'USA',
    remote: false,
    description: 'SAMPLE LISTING. Maintain the Django sites of a small publisher and help move them to the current release.',
    requirements: 'Django, HTML and CSS; some JavaScript.',
    companyDescription: 'A made-up publisher.',
    email: 'work@example.org',
    url: 'https://example.org/jobs/django',
  },
  {
    title: 'Python Instructor',
    companyName: 'Example School (sample)',
    category: 'Education',
    types: ['Part Time', 'Freelance'],
    city: 'Nairobi',
    country: 'Kenya',
    remote: true,
    description: 'SAMPLE LISTING. Teach evening courses in Python for beginners.',
    requirements: 'Teaching experience and a love of Python.',
    companyDescription: 'A made-up school.',
    email: 'teach@example.net',
    url: 'https://example.net/teach',
  },
]
