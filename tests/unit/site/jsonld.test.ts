import { describe, expect, it } from 'vitest';
import { jsonForScript, scholarlyArticle } from '../../../src/site/jsonld.ts';

describe('jsonForScript', () => {
  it('keeps a closing tag or comment opener inside the string, and stays the same JSON', () => {
    const value = { title: '</script><script>alert(1)</script> <!-- & \u2028' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('scholarlyArticle', () => {
  const base = { url: 'https://h.example/papers/a/', title: 'T', description: 'A.', authors: [], published: null, organization: null, keywords: [], sameAs: [], arxiv: null };

  it('leaves out what is unknown', () => {
    expect(Object.keys(scholarlyArticle(base)).sort()).toEqual(['@context', '@id', '@type', 'description', 'headline', 'name', 'url']);
  });

  it('describes authors, date, organization, keywords and the arXiv id', () => {
    const data = scholarlyArticle({ ...base, authors: ['Ada'], published: '2025-12-29', organization: 'Meta Research', keywords: ['moe', 'routing'], sameAs: ['https://arxiv.org/abs/2312.00752'], arxiv: '2312.00752' });
    expect(data).toMatchObject({
      '@type': 'ScholarlyArticle',
      author: [{ '@type': 'Person', name: 'Ada' }],
      datePublished: '2025-12-29',
      sourceOrganization: { '@type': 'Organization', name: 'Meta Research' },
      keywords: 'moe, routing',
      identifier: { '@type': 'PropertyValue', propertyID: 'arXiv', value: '2312.00752' },
      sameAs: ['https://arxiv.org/abs/2312.00752'],
    });
  });
});
