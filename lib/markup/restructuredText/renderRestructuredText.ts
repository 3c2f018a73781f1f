/**
 * reStructuredText to HTML, for python.org content stored as reST (pages, events, boxes), in
 * the shape docutils' HTML writer gives the constructs that content uses. There is no
 * maintained reST package for Node, so this is a focused reimplementation of docutils' rules:
 * block constructs in `parseBlocks`, inline markup in `parseInline`, directives in
 * `directives`. `raw` and `include` are disabled, as python.org configures docutils.
 *
 * Everything from the source is escaped; only markup written by the renderers is HTML, and
 * links and images only take the URLs `safeUrls` allows. Pages are not sanitised after this,
 * so that is what keeps them safe; the box sanitiser leaves the output unchanged.
 */
import { DocumentReferences } from './documentReferences';
import { parseDocumentBlocks } from './parseBlocks';
import { renderBlocks } from './renderBlocks';
import { toSourceLines } from './sourceLines';

export function renderRestructuredText(source: string): string {
  const document = parseDocumentBlocks(toSourceLines(source));
  return renderBlocks(document, new DocumentReferences(document));
}
