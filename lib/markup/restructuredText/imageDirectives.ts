/**
 * `.. image:: url` and `.. figure:: url` with `:alt:`, `:width:`, `:height:` and `:target:`.
 * Only http(s) and site-relative image URLs are shown; sizes must be plain numbers (pixels)
 * or percentages, since they become HTML attributes.
 */
import type { ImageSpec } from './blockNodes';
import type { DirectiveDefinition } from './directiveDefinition';
import type { DirectiveParts } from './directiveParts';
import { safeImageUrl } from './safeUrls';

const SIZE = /^(\d+(?:\.\d+)?)(px|%)?$/;

export function imageSpec(parts: DirectiveParts): ImageSpec | null {
  const uri = safeImageUrl(parts.argument.replace(/\s+/g, ''));
  if (uri === null) return null;
  return {
    uri,
    alt: parts.options.get('alt') ?? null,
    width: htmlSize(parts.options.get('width')),
    height: htmlSize(parts.options.get('height')),
    linkTarget: parts.options.get('target')?.replace(/\s+/g, '') || null,
  };
}

function htmlSize(value: string | undefined): string | null {
  const match = value === undefined ? null : SIZE.exec(value.trim());
  if (!match) return null;
  return match[2] === '%' ? `${match[1]}%` : match[1];
}

export const imageDirectives: Record<string, DirectiveDefinition> = {
  image: {
    takesArguments: true,
    takesOptions: true,
    build: (parts) => {
      const image = imageSpec(parts);
      return image ? [{ kind: 'image', image }] : [];
    },
  },
  figure: {
    takesArguments: true,
    takesOptions: true,
    build: (parts, context) => {
      const image = imageSpec(parts);
      if (!image) return [];
      const [first, ...rest] = context.parseNested(parts.content);
      if (first === undefined) return [{ kind: 'figure', image, caption: null, legend: [] }];
      if (first.kind !== 'paragraph') return [{ kind: 'figure', image, caption: null, legend: [first, ...rest] }];
      return [{ kind: 'figure', image, caption: first.content, legend: rest }];
    },
  },
};
