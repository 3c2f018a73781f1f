import type { Field } from 'payload'

/** A job's output in the admin: what an import created, updated and left unchanged. */
export const TALLY_OUTPUT_SCHEMA: Field[] = [
  { name: 'created', type: 'number', required: true },
  { name: 'updated', type: 'number', required: true },
  { name: 'unchanged', type: 'number', required: true },
]
