import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render, screen } from '@testing-library/react';
import { createElement, Suspense, Component, type ReactNode } from 'react';
import { area } from './area';

class Boundary extends Component<{ children: ReactNode }, { error: string | null }> {
  state = { error: null as string | null };
  static getDerivedStateFromError(e: Error) {
    return { error: e.message };
  }
  render() {
    return this.state.error ? createElement('p', null, `failed: ${this.state.error}`) : this.props.children;
  }
}

function show(node: ReactNode) {
  return render(createElement(Boundary, null, createElement(Suspense, { fallback: createElement('p', null, 'Loading…') }, node)));
}

describe('area', () => {
  beforeEach(() => sessionStorage.clear());

  it('loads the area once for all its pages, when a page is first rendered', async () => {
    const load = vi.fn(async () => ({ AView: () => createElement('h1', null, 'A page'), BView: () => createElement('h1', null, 'B page') }));
    const pages = area(load);
    const A = pages('AView');
    const B = pages('BView');
    expect(load).not.toHaveBeenCalled();
    show(createElement('div', null, createElement(A), createElement(B)));
    expect(await screen.findByRole('heading', { name: 'A page' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'B page' })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("reloads the page once when the area's files are gone after a deploy, and shows a second failure", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the error it shows
    const reload = vi.fn();
    const gone = () => Promise.reject(new Error('Failed to fetch dynamically imported module'));
    show(createElement(area(gone, reload)('AView')));
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(screen.getByText('Loading…')).toBeTruthy();

    // the reloaded page fails again at once: no loop of reloads, the error is shown
    const again = vi.fn();
    show(createElement(area(gone, again)('AView')));
    expect(await screen.findByText(/failed: Failed to fetch/)).toBeTruthy();
    expect(again).not.toHaveBeenCalled();
    vi.mocked(console.error).mockRestore();
  });
});
