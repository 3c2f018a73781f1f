/** Polls `url` until it answers with `expectedStatus`, or fails after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, expectedStatus = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let lastProblem = 'no answer yet'
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: 'manual' })
      await response.arrayBuffer()
      if (response.status === expectedStatus) return
      lastProblem = `status ${response.status}`
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer ${expectedStatus} within ${timeoutMs} ms (${lastProblem}).`)
}
