import { describe, expect, inject, it } from 'vitest'

const webUrl = inject('webUrl')

describe('the public site against the running CMS', () => {
  it('names the latest Python 3 release on the home page', async () => {
    const response = await fetch(`${webUrl}/`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('public, max-age=300')
    const html = await response.text()
    expect(html).toContain('Python 3.14.7')
    expect(html).toContain('/downloads/release/python-3147/')
  })

  it('reports the CMS as reachable in its deep health check', async () => {
    const response = await fetch(`${webUrl}/health?deep=1`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate')
  })
})
