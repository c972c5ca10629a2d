import { describe, expect, it } from 'vitest';
import { checkModelShape } from '../../src/model/check-model-shape.js';
import { fixture, modelFromTexts, readTextDocs } from '../generate/model-from-texts.js';

describe('checkModelShape', () => {
  it('should pass a model the builder made and name the first damaged part of one that is not', () => {
    const model = modelFromTexts(readTextDocs(fixture('corpus.json')));
    expect(checkModelShape(model)).toBeUndefined();
    model.lm.docSource[0] = model.lm.sources.length;
    expect(checkModelShape(model)).toBe(`model.lm.docSource[0] is not an id in 0..${model.lm.sources.length - 1}`);
    expect(checkModelShape(null)).toBe('model is missing or not an object');
  });
});
