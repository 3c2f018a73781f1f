import type { BenchSite } from './benchSite'

type Release = { id: number; name: string }

/**
 * Saves a change in the CMS over REST as the admin (which release is the latest Python 3) and
 * polls the home page until it shows it; returns each round's milliseconds from the save
 * request to the first answer showing the change, and to the save's own answer (the CMS
 * delivers the purge before it answers: what the page takes beyond that is the purge's trip
 * and the render). Alternates between two releases, ending where it started.
 */
export async function editToVisible(site: BenchSite, rounds: number): Promise<number[]> {
  return (await editToVisibleWithSaves(site, rounds)).visibleMs
}

export async function editToVisibleWithSaves(site: BenchSite, rounds: number): Promise<{ visibleMs: number[]; saveMs: number[] }> {
  const login = await fetch(`${site.cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: site.adminEmail, password: site.adminPassword }),
  })
  if (!login.ok) throw new Error(`admin login failed: ${login.status}`)
  const { token } = (await login.json()) as { token: string }
  const auth = { authorization: `JWT ${token}` }
  const find = async (query: string): Promise<Release> => {
    const response = await fetch(`${site.cmsUrl}/api/releases?${query}&depth=0&limit=1`, { headers: auth })
    const [release] = ((await response.json()) as { docs: Release[] }).docs
    if (release === undefined) throw new Error(`no release for ${query}`)
    return release
  }
  const latest = await find('where[isLatest][equals]=true&where[version][equals]=3&where[isPublished][equals]=true')
  const other = await find(
    `where[version][equals]=3&where[isPublished][equals]=true&where[preRelease][equals]=false&where[id][not_equals]=${latest.id}&sort=-releaseDate`,
  )
  const timings: number[] = []
  const saves: number[] = []
  for (let round = 0; round < rounds * 2; round += 1) {
    const target = round % 2 === 0 ? other : latest
    // Make sure the page is cached first, so the round measures purge + re-render.
    await (await fetch(`${site.webUrl}/`)).text()
    const started = performance.now()
    const saved = await fetch(`${site.cmsUrl}/api/releases/${target.id}`, {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ isLatest: true }),
    })
    if (!saved.ok) throw new Error(`saving ${target.name} failed: ${saved.status} ${await saved.text()}`)
    await saved.arrayBuffer()
    saves.push(performance.now() - started)
    for (;;) {
      const body = await (await fetch(`${site.webUrl}/`)).text()
      if (body.includes(`Download ${target.name}`)) break
      if (performance.now() - started > 15_000) throw new Error(`${target.name} did not appear on / within 15 s`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    timings.push(performance.now() - started)
  }
  return { visibleMs: timings, saveMs: saves }
}
