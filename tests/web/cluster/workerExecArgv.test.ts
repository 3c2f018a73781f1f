import { describe, expect, it } from 'vitest';

import { workerExecArgv, workerSemiSpaceMb } from '../../../web/src/cluster/workerExecArgv';

describe('workerExecArgv', () => {
  it("keeps the primary's flags and adds the young generation's size", () => {
    expect(workerExecArgv(['--import', 'tsx'], undefined)).toEqual(['--import', 'tsx', `--max-semi-space-size=${workerSemiSpaceMb}`]);
  });

  it('leaves a size the operator chose, on the command line or in NODE_OPTIONS', () => {
    expect(workerExecArgv(['--max-semi-space-size=32'], undefined)).toEqual(['--max-semi-space-size=32']);
    expect(workerExecArgv([], '--enable-source-maps --max-semi-space-size=2')).toEqual([]);
  });
});
