import { jobTaxonomy } from '../Jobs/jobTaxonomy'

/** Software engineering, data science...: a job has exactly one. */
export const JobCategories = jobTaxonomy('job-categories', { singular: 'Job category', plural: 'Job categories' })
