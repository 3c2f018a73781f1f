import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

import { freePort } from './freePort'

/** A real SMTP server (smtp-server) on a free port, keeping every message it accepts, parsed. */
export type TestSmtpServer = {
  url: string
  port: number
  messages: ParsedMail[]
  /** While true the server answers every message with a temporary failure (451). */
  refuse: boolean
  close: () => Promise<void>
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const port = await freePort()
  const state: TestSmtpServer = { url: `smtp://127.0.0.1:${port}`, port, messages: [], refuse: false, close: async () => undefined }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (state.refuse) return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }))
          state.messages.push(parsed)
          callback()
        })
        .catch((error: Error) => callback(error))
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  state.close = () => new Promise((resolve) => server.close(() => resolve()))
  return state
}
