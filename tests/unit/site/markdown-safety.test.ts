import { describe, expect, it } from 'vitest';
import { abstractToMarkdown } from '../../../src/paper/markdown.ts';
import { renderMarkdown as render } from '../../../src/site/markdown-processor.ts';

describe('the inert Markdown plugin', () => {
  it('shows raw HTML as text', async () => {
    const html = await render('Hi <b>bold</b> <img src=x onerror=alert(1)> <script>alert(1)</script>\n\n<iframe src="https://evil.example"></iframe>');
    expect(html).not.toMatch(/<(b|img|script|iframe)\b/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;iframe src="https://evil.example"&gt;&lt;/iframe&gt;');
  });

  it('keeps https links, upgrades http autolinks and marks them noopener', async () => {
    const html = await render('Code at https://github.com/a/b and www.example.org/x.');
    expect(html).toContain('<a href="https://github.com/a/b" rel="noopener noreferrer">https://github.com/a/b</a>');
    expect(html).toContain('<a href="https://www.example.org/x" rel="noopener noreferrer">www.example.org/x</a>');
  });

  it('unwraps links that are not https, keeping their text', async () => {
    const html = await render('[click](javascript:alert(1)) [data](data:text/html,x) [rel](/local) mail@example.org');
    expect(html).not.toContain('<a');
    expect(html).toContain('click data rel mail@example.org');
  });

  it('turns an image into its alt text, so nothing loads from elsewhere', async () => {
    const html = await render('See ![a chart](https://tracker.example/pixel.png).');
    expect(html).toContain('See a chart.');
    expect(html).not.toContain('<img');
  });

  it('changes nothing in an abstract written by ingest', async () => {
    const text = 'Uses <b> & &amp; *stars* [x](y) ~~strike~~ `code` \\backslash, 50% off. "Quotes" -- and ... stay.';
    const html = await render(abstractToMarkdown(text));
    expect(html).toBe(`<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>\n`);
  });
});

describe('the site Markdown processor', () => {
  it('shows a fenced code block as plain, unstyled code (no highlighter, no inline styles)', async () => {
    const html = await render('```js\nconst x = "<b>";\n```');
    expect(html).toContain('<pre><code class="language-js">const x = "&lt;b&gt;";');
    expect(html).not.toContain('style=');
  });
});
