const escape = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string)

type Operation = { summary?: string; tags?: string[] }

const EXAMPLES = `# the latest Python 3 release
curl '/api/releases?where[isLatest][equals]=true&where[version][equals]=3&depth=0'
# the legacy API, as python.org's release tooling calls it
curl -H 'Authorization: ApiKey <username>:<key>' '/api/v1/downloads/release/?name=Python+3.14.7'
# GraphQL
curl /api/graphql -H 'content-type: application/json' -d '{"query":"{ Releases(limit: 3) { docs { name } } }"}'`

/**
 * The human page at /api/docs: every operation of the OpenAPI document grouped by tag, server
 * rendered (no scripts, nothing fetched from elsewhere), with a link to the JSON.
 */
export function renderApiDocsPage(document: Record<string, unknown>): string {
  const paths = document.paths as Record<string, Record<string, Operation>>
  const byTag = new Map<string, string[]>()
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const tag = operation.tags?.[0] ?? 'Other'
      const row = `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escape(path)}</code></td><td>${escape(operation.summary ?? '')}</td></tr>`
      byTag.set(tag, [...(byTag.get(tag) ?? []), row])
    }
  }
  const sections = [...byTag.entries()]
    .map(([tag, rows]) => `<section><h2 id="${escape(tag)}">${escape(tag)}</h2><table><thead><tr><th>method</th><th>path</th><th>what</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`)
    .join('\n')
  const info = document.info as { title: string; description: string }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(info.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}pre{background:#f4f4f4;padding:1rem;overflow:auto}</style>
</head><body>
<h1>${escape(info.title)}</h1>
<p>${escape(info.description)}</p>
<p>The machine-readable description: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
Authenticate with <code>Authorization: users API-Key &lt;key&gt;</code> on <code>/api</code>, and with
<code>Authorization: ApiKey &lt;username&gt;:&lt;key&gt;</code> on <code>/api/v1/</code> and <code>/api/v2/</code>.
Release managers enable their key on their profile in the admin. Credentials in a query string are refused.</p>
<pre>${escape(EXAMPLES)}</pre>
${sections}
</body></html>
`
}
