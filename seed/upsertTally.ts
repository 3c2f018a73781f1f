/** What an importer did: running it twice in a row must report only `unchanged` the second time. */
export type UpsertTally = { created: number; updated: number; unchanged: number }

export function emptyTally(): UpsertTally {
  return { created: 0, updated: 0, unchanged: 0 }
}

export function describeTally(tally: UpsertTally): string {
  return `${tally.created} created, ${tally.updated} updated, ${tally.unchanged} unchanged`
}
