/**
 * The rule every fuzzed request is held to: a 2xx, a redirect with a Location, or a 4xx that
 * says what was wrong. A 5xx, a silent 4xx or no answer in time is a finding.
 */
export type Answer = { method: string; status: number; contentType: string; location: string | null; text: string }

function jsonMessage(text: string): boolean {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return false
  }
  if (typeof body !== 'object' || body === null) return false
  const record = body as Record<string, unknown>
  for (const key of ['message', 'error_message', 'error', 'detail']) {
    if (typeof record[key] === 'string' && (record[key] as string).trim() !== '') return true
  }
  const errors = record.errors
  if (Array.isArray(errors)) {
    return errors.length > 0 && errors.every((entry) => typeof entry === 'object' && entry !== null && typeof (entry as { message?: unknown }).message === 'string' && (entry as { message: string }).message.trim() !== '' && (entry as { message: string }).message !== 'An unknown error occurred.')
  }
  // The story submit endpoint and DRF-style answers: { errors: { field: message } }.
  if (typeof errors === 'object' && errors !== null) return Object.values(errors).some((value) => typeof value === 'string' && value.trim() !== '')
  return false
}

function htmlMessage(text: string): boolean {
  const visible = text.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, '').replace(/<[^>]*>/g, ' ')
  return /<h1[\s>]/i.test(text) && visible.trim().length > 0
}

/** Null when the answer is acceptable, else what is wrong with it. */
export function judgeAnswer(answer: Answer): string | null {
  const { status } = answer
  if (status >= 500) return `answered ${status}`
  if (status >= 200 && status < 300) return null
  if (status >= 300 && status < 400) return answer.location ? null : `redirect ${status} without a Location`
  if (status < 200) return `answered ${status}`
  // Node's HTTP parser answers an over-long request line or header block itself, before any
  // application code runs, with only its status line ("431 Request Header Fields Too Large").
  if (status === 431 && answer.text === '') return null
  // A HEAD answer has no body by definition; its GET twin carries the message.
  if (answer.method === 'HEAD') return null
  if (answer.contentType.includes('json') ? jsonMessage(answer.text) : answer.contentType.includes('html') ? htmlMessage(answer.text) : answer.text.trim() !== '') return null
  return `answered ${status} without a message (${answer.contentType || 'no content type'}: ${JSON.stringify(answer.text.slice(0, 120))})`
}
