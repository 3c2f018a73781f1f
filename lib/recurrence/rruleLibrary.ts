/**
 * The rrule library's classes, however the module was loaded: Node's ESM loader sees rrule's
 * CommonJS build (UMD, so only a default export), while bundlers such as Next.js's pick its ES
 * module build (named exports only). Every module of lib/recurrence takes RRule from here.
 */
import * as rruleModule from 'rrule'

type RRuleModule = typeof import('rrule')

const library: RRuleModule = 'RRule' in rruleModule && rruleModule.RRule !== undefined ? rruleModule : (rruleModule as unknown as { default: RRuleModule }).default

export const RRule = library.RRule
