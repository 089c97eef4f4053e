import { describe, expect, it } from 'vitest';
import { stem } from '../../src/related/stem.ts';

describe('Porter stemmer', () => {
  // Examples from Porter's 1980 paper, step by step.
  it.each([
    ['caresses', 'caress'], ['ponies', 'poni'], ['ties', 'ti'], ['caress', 'caress'], ['cats', 'cat'],
    ['feed', 'feed'], ['agreed', 'agre'], ['plastered', 'plaster'], ['bled', 'bled'], ['motoring', 'motor'], ['sing', 'sing'],
    ['conflated', 'conflat'], ['troubled', 'troubl'], ['sized', 'size'], ['hopping', 'hop'], ['tanned', 'tan'],
    ['falling', 'fall'], ['hissing', 'hiss'], ['fizzed', 'fizz'], ['failing', 'fail'], ['filing', 'file'],
    ['happy', 'happi'], ['sky', 'sky'], ['relational', 'relat'], ['conditional', 'condit'], ['rational', 'ration'],
    ['digitizer', 'digit'], ['operator', 'oper'], ['feudalism', 'feudal'], ['decisiveness', 'decis'], ['hopefulness', 'hope'],
    ['formality', 'formal'], ['sensitivity', 'sensit'], ['triplicate', 'triplic'], ['formative', 'form'], ['electrical', 'electr'],
    ['goodness', 'good'], ['revival', 'reviv'], ['allowance', 'allow'], ['inference', 'infer'], ['airliner', 'airlin'],
    ['adjustable', 'adjust'], ['replacement', 'replac'], ['adoption', 'adopt'], ['communism', 'commun'], ['effective', 'effect'],
    ['probate', 'probat'], ['rate', 'rate'], ['cease', 'ceas'], ['controlling', 'control'], ['roll', 'roll'], ['generalizations', 'gener'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('gives the vocabulary of this list one stem per family', () => {
    expect(stem('experts')).toBe(stem('expert'));
    expect(stem('routing')).toBe(stem('routed'));
    expect(stem('quantization')).toBe(stem('quantized'));
  });

  it('leaves short words, non-ASCII words and numbers alone', () => {
    expect(stem('is')).toBe('is');
    expect(stem('größe')).toBe('größe');
    expect(stem('4d')).toBe('4d');
  });
});
