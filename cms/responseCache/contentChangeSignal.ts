import { EventEmitter } from 'node:events'

/**
 * The in-process signal "content changed: drop cached answers". The Payload hooks that raise it
 * run inside Next.js's bundle, while the response cache lives in cms/server.ts, loaded outside
 * it: each side has its own copy of this module, so the emitter is kept on `globalThis` under a
 * registered symbol, shared by both copies.
 */
const SIGNAL = Symbol.for('pydotorg.cms.contentChanged')

type Holder = { [SIGNAL]?: EventEmitter }

function emitter(): EventEmitter {
  const holder = globalThis as Holder
  holder[SIGNAL] ??= new EventEmitter().setMaxListeners(50)
  return holder[SIGNAL]
}

/** Tells every listener in this process that committed (or about to commit) content changed. */
export function signalContentChange(reason: string): void {
  emitter().emit('changed', reason)
}

/** Calls `listener` on each change signalled in this process; returns the unsubscribe. */
export function onContentChange(listener: (reason: string) => void): () => void {
  const events = emitter()
  events.on('changed', listener)
  return () => events.off('changed', listener)
}
