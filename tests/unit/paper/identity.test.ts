import { describe, expect, it } from 'vitest';
import { arxivKey, identityKeys, titleKey } from '../../../src/paper/identity.ts';

describe('paper identity', () => {
  it('matches titles ignoring case, punctuation and spacing', () => {
    expect(titleKey('ReMix: Reinforcement routing for mixtures of LoRAs in LLM finetuning')).toBe(
      titleKey('REMIX — reinforcement routing for mixtures of LoRAs in LLM finetuning!'),
    );
    expect(titleKey('Dr.LLM: Dynamic Layer Routing')).toBe(titleKey('Dr LLM  Dynamic-Layer Routing'));
    expect(titleKey('Café')).toBe(titleKey('cafe\u0301'));
  });

  it('tells different words and numbers apart', () => {
    expect(titleKey('GPT-4 Technical Report')).not.toBe(titleKey('GPT-3 Technical Report'));
    expect(titleKey('Attention Is All You Need')).not.toBe(titleKey('Attention Is Not All You Need'));
  });

  it('keys a paper by its arXiv id when it has one, and always by its title', () => {
    expect(identityKeys({ title: 'A Title', arxiv: null })).toEqual([titleKey('A Title')]);
    expect(identityKeys({ title: 'A Title', arxiv: '2405.15738' })).toEqual([arxivKey('2405.15738'), titleKey('A Title')]);
    expect(arxivKey('hep-th/9901001')).toBe(arxivKey('HEP-TH/9901001'));
  });
});
