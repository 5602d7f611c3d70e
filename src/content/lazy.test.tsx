// @vitest-environment happy-dom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyComponent } from './lazy';

const Greeting = ({ name }: { name: string }) => <p>Hello {name}</p>;

afterEach(cleanup);

describe('lazyComponent', () => {
  it('renders nothing until its code is there, then the component; loads it once; later instances render at once', async () => {
    let resolve: (c: typeof Greeting) => void = () => undefined;
    const load = vi.fn(() => new Promise<typeof Greeting>((r) => (resolve = r)));
    const Lazy = lazyComponent(load);

    const first = render(<Lazy name="Ava" />);
    const second = render(<Lazy name="Ben" />);
    expect(first.container.innerHTML).toBe('');
    resolve(Greeting);
    await waitFor(() => expect(first.container.textContent).toBe('Hello Ava'));
    await waitFor(() => expect(second.container.textContent).toBe('Hello Ben'));

    const third = render(<Lazy name="Cy" />);
    expect(third.container.textContent).toBe('Hello Cy');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('leaves the slot empty when the code cannot load (the extension went away)', async () => {
    const load = vi.fn((): Promise<typeof Greeting> => Promise.reject(new Error('gone')));
    const Lazy = lazyComponent(load);
    const { container } = render(<Lazy name="Ava" />);
    await waitFor(() => expect(load).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 10));
    expect(container.innerHTML).toBe('');
  });
});
