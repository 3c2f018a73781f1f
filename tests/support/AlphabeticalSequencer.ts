import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * Runs test files in path order. The system tests share one running CMS and site, so their
 * order must be the same on every run: vitest's default order (by earlier failures and
 * durations) would make an interaction between two files show up only now and then.
 */
export class AlphabeticalSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId))
  }
}
