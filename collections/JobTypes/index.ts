import { jobTaxonomy } from '../Jobs/jobTaxonomy'

/** Full time, contract, remote...: a job may have several. */
export const JobTypes = jobTaxonomy('job-types', { singular: 'Job type', plural: 'Job types' })
