/* The admin's 404 screen. */
import config from '@payload-config'
import { generatePageMetadata, NotFoundPage } from '@payloadcms/next/views'
import type { Metadata } from 'next'

import { importMap } from '../importMap'

type NotFoundArgs = {
  params: Promise<{ segments: string[] }>
  searchParams: Promise<{ [key: string]: string | string[] }>
}

export const generateMetadata = ({ params, searchParams }: NotFoundArgs): Promise<Metadata> =>
  generatePageMetadata({ config, params, searchParams })

// Next.js requires a default export.
const NotFound = ({ params, searchParams }: NotFoundArgs) => NotFoundPage({ config, params, searchParams, importMap })

export default NotFound
