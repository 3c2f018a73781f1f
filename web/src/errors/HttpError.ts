/**
 * An error the visitor caused (bad query, unknown slug). Throw it from a route to answer
 * with that 4xx status; its message is shown on the page, so write it for the visitor.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    if (!Number.isInteger(status) || status < 400 || status > 499) {
      throw new RangeError(`HttpError is for 4xx statuses, got ${status}`);
    }
  }
}
