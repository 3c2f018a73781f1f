import { describe, expect, it } from 'vitest';
import { currentRequestId, isValidRequestId, requestIdFrom, requestIdHeaders, withRequestId } from '../../../../lib/log/requestId';

describe('request ids', () => {
  it('keeps a well-formed incoming id and replaces anything else with a UUID', () => {
    expect(requestIdFrom('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(requestIdFrom(['edge-1234:abcd', 'other-1234'])).toBe('edge-1234:abcd');
    for (const bad of [undefined, '', 'short', 'x'.repeat(129), 'abc def ghi', 'id\n{"level":60}', 'ünïcödé-1234']) {
      const id = requestIdFrom(bad);
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(isValidRequestId(42)).toBe(false);
  });

  it('is current inside withRequestId (across awaits) and absent outside', async () => {
    expect(currentRequestId()).toBeUndefined();
    expect(requestIdHeaders()).toEqual({});
    await withRequestId('req-00000001', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(requestIdHeaders()).toEqual({ 'x-request-id': 'req-00000001' });
    });
    expect(currentRequestId()).toBeUndefined();
  });
});
