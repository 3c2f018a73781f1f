import { describe, expect, it } from 'vitest';
import { markupToHtml } from '../../../../lib/markup/markupToHtml';

describe('markupToHtml', () => {
  it('passes HTML through and renders Markdown', () => {
    expect(markupToHtml('<p>x</p>', 'html')).toBe('<p>x</p>');
    expect(markupToHtml('*x*', 'markdown')).toBe('<p><em>x</em></p>\n');
  });

  it('renders reStructuredText, starting with the seed events\' descriptions', () => {
    expect(markupToHtml('event', 'restructuredtext')).toBe('<p>event</p>');
    expect(markupToHtml('Example event', 'restructuredtext')).toBe('<p>Example event</p>');
    expect(markupToHtml('**PyCon** at https://us.pycon.org/', 'restructuredtext')).toBe(
      '<p><strong>PyCon</strong> at <a class="reference external" href="https://us.pycon.org/">https://us.pycon.org/</a></p>',
    );
  });

  it('levels reStructuredText sections from h2, below the page\'s own h1', () => {
    expect(markupToHtml('About\n=====\n\nHistory\n-------', 'restructuredtext')).toBe('<h2 id="about">About</h2>\n<h3 id="history">History</h3>');
  });
});
