import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, slugify, uniqueSlug } from '../../../src/paper/slug.ts';

describe('slugs', () => {
  it.each([
    ['Dr.LLM: Dynamic Layer Routing in LLMs', 'dr-llm-dynamic-layer-routing-in-llms'],
    ['ReMix: Reinforcement routing for mixtures of LoRAs', 'remix-reinforcement-routing-for-mixtures-of-loras'],
    ['Über-Naïve Café Models', 'uber-naive-cafe-models'],
    ['<script>alert("x")</script>', 'script-alert-x-script'],
    ['--- : # \' "', 'paper'],
    ['漢字のタイトル', 'paper'],
    ['$\\mathcal{O}(n)$ Attention', 'mathcal-o-n-attention'],
  ])('%j becomes %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('stops at a word boundary within 80 characters, and cuts a single huge word', () => {
    const long = 'Scaling Laws for Neural Language Models Revisited Once Again With Far More Compute and Far More Data';
    const slug = slugify(long);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(long.toLowerCase().replaceAll(' ', '-').startsWith(slug)).toBe(true);
    expect(slug.endsWith('-')).toBe(false);
    expect(slugify('x'.repeat(1 << 20))).toBe('x'.repeat(MAX_SLUG_LENGTH));
  });

  it('resolves collisions with -2, -3, … and stays within 80 characters', () => {
    expect(uniqueSlug('Same Title', new Set())).toBe('same-title');
    expect(uniqueSlug('Same Title', new Set(['same-title']))).toBe('same-title-2');
    expect(uniqueSlug('Same: title!', new Set(['same-title', 'same-title-2']))).toBe('same-title-3');
    const base = slugify('y'.repeat(200));
    const second = uniqueSlug('y'.repeat(200), new Set([base]));
    expect(second).toBe(`${'y'.repeat(MAX_SLUG_LENGTH - 2)}-2`);
  });
});
