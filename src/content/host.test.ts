// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createHost } from './host';

describe('panel host element', () => {
  it('takes no space and keeps keys typed in the panel away from the page’s hotkeys', () => {
    const host = createHost('cuecard-root');
    document.documentElement.append(host);
    expect(host.getAttribute('style')).toContain('width: 0 !important');
    const input = document.createElement('input');
    host.attachShadow({ mode: 'open' }).append(input);
    const pageHotkeys = vi.fn();
    document.addEventListener('keydown', pageHotkeys);
    window.addEventListener('keyup', pageHotkeys);

    for (const type of ['keydown', 'keyup'])
      input.dispatchEvent(new KeyboardEvent(type, { key: 'a', bubbles: true, composed: true }));
    expect(pageHotkeys).not.toHaveBeenCalled();

    // The page's own keys are untouched.
    const pageInput = document.createElement('input');
    document.body.append(pageInput);
    pageInput.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));
    expect(pageHotkeys).toHaveBeenCalledTimes(1);
  });
});
