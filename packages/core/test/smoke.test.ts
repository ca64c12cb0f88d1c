import { expect } from '@open-wc/testing';

describe('smoke', () => {
  it('runs in a real browser', () => {
    expect(typeof document.createElement).to.equal('function');
  });
});
