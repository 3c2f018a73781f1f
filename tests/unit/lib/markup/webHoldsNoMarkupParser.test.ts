import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'

/**
 * The site is a thin presentation layer (issue 16): markup is rendered by the CMS when it is
 * saved (lib/markup) and the site only places the stored HTML. The lint rule in eslint.config.js
 * keeps a parser from coming back into web/; this checks that the rule refuses each way one could
 * come back, and that web/ passes it today.
 */
const eslint = new ESLint({ cwd: process.cwd() })

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message)
}

describe('web/ holds no markup parser', () => {
  it.each([
    ["import { marked } from 'marked'", 'markup parser'],
    ["import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'", 'converts no rich text'],
    ["import { markupToHtml } from '../../../lib/markup/markupToHtml'", 'markup parser'],
    ["import { renderRestructuredText } from '../rendering/restructuredText/renderRestructuredText'", 'markup parser'],
  ])('refuses %s in web/src', async (code, reason) => {
    const messages = await restrictedImports(`${code}\nexport const probe = [${code.split(' ')[2]}]\n`, 'web/src/services/probe.ts')
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain(reason)
  })

  it('lets the CMS side import the markup code', async () => {
    expect(await restrictedImports("import { markupToHtml } from '../../lib/markup/markupToHtml'\nexport const probe = markupToHtml\n", 'collections/Pages/probe.ts')).toEqual([])
  })

  it('finds no such import in web/ today', async () => {
    const results = await eslint.lintFiles(['web/src'])
    const offending = results.flatMap((result) => result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => `${result.filePath}:${message.line} ${message.message}`))
    expect(offending).toEqual([])
  }, 120_000)
})
