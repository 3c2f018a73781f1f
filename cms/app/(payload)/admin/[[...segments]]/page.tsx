/* Every admin screen: Payload's RootPage resolves the segments. */
import config from '@payload-config'
import { generatePageMetadata, RootPage } from '@payloadcms/next/views'
import type { Metadata } from 'next'

import { importMap } from '../importMap'

type PageArgs = {
  params: Promise<{ segments: string[] }>
  searchParams: Promise<{ [key: string]: string | string[] }>
}

export const generateMetadata = ({ params, searchParams }: PageArgs): Promise<Metadata> =>
  generatePageMetadata({ config, params, searchParams })

// Next.js requires a default export for pages.
const Page = ({ params, searchParams }: PageArgs) => RootPage({ config, params, searchParams, importMap })

export default Page
