import { describe, expect, it } from 'vitest'

import { loadCmsEnv } from '../../../../cms/config/cmsEnv'

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', PAYLOAD_SECRET: 'test-secret-0123456789abcdef0123456789' }

describe('the feed URLs the scheduled imports read', () => {
  it("default to python.org's own: the Python Insider RSS feed and peps.python.org's release cycles", () => {
    const env = loadCmsEnv(base, () => undefined)
    expect([env.blogFeedUrl, env.releaseCycleUrl]).toEqual(['https://blog.python.org/feeds/posts/default?alt=rss', 'https://peps.python.org/api/release-cycle.json'])
  })

  it('take BLOG_FEED_URL and RELEASE_CYCLE_URL as given, trailing slash included', () => {
    const env = loadCmsEnv({ ...base, BLOG_FEED_URL: 'https://feeds.example/python-insider/', RELEASE_CYCLE_URL: 'http://mirror.example/release-cycle.json?v=1' }, () => undefined)
    expect([env.blogFeedUrl, env.releaseCycleUrl]).toEqual(['https://feeds.example/python-insider/', 'http://mirror.example/release-cycle.json?v=1'])
  })

  it('refuses a value that is not an http(s) URL, naming the variable', () => {
    expect(() => loadCmsEnv({ ...base, BLOG_FEED_URL: 'blog.python.org/feed' }, () => undefined)).toThrow(new Error('BLOG_FEED_URL must be an http(s) URL, got "blog.python.org/feed".'))
    expect(() => loadCmsEnv({ ...base, RELEASE_CYCLE_URL: 'file:///etc/passwd' }, () => undefined)).toThrow(new Error('RELEASE_CYCLE_URL must be an http(s) URL, got "file:///etc/passwd".'))
  })
})
