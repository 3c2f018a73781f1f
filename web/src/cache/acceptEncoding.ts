/**
 * Which of our stored encodings a client accepts. Only "q=0" is honoured as a refusal;
 * finer preferences are ignored, since both encodings beat identity and we always pick
 * brotli over gzip when both are accepted (smaller for the same page).
 */
export interface AcceptedCodings {
  readonly br: boolean;
  readonly gzip: boolean;
}

const none: AcceptedCodings = { br: false, gzip: false };

// Clients send a handful of distinct values; parse each once.
const parsed = new Map<string, AcceptedCodings>();
const maximumRemembered = 64;

export function acceptedCodings(acceptEncoding: string | undefined): AcceptedCodings {
  if (acceptEncoding === undefined || acceptEncoding === '') return none;
  const known = parsed.get(acceptEncoding);
  if (known !== undefined) return known;
  const accepted = parseAcceptEncoding(acceptEncoding);
  if (parsed.size < maximumRemembered) parsed.set(acceptEncoding, accepted);
  return accepted;
}

function parseAcceptEncoding(acceptEncoding: string): AcceptedCodings {
  let br = false;
  let gzip = false;
  let wildcard = false;
  const refusedNames = new Set<string>();
  for (const part of acceptEncoding.split(',')) {
    const [rawName = '', ...parameters] = part.split(';');
    const name = rawName.trim().toLowerCase();
    if (parameters.some((parameter) => /^\s*q\s*=\s*0(\.0*)?\s*$/i.test(parameter))) {
      refusedNames.add(name);
      continue;
    }
    if (name === 'br') br = true;
    else if (name === 'gzip' || name === 'x-gzip') gzip = true;
    else if (name === '*') wildcard = true;
  }
  // "*" accepts any coding not refused by name.
  return {
    br: br || (wildcard && !refusedNames.has('br')),
    gzip: gzip || (wildcard && !refusedNames.has('gzip')),
  };
}
