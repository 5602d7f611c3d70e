// @vitest-environment happy-dom
import { act, fireEvent } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CAPABILITY_IDS, type CapabilityStates, type CapabilityStatus } from '../../shared/capability-states';
import { alex, conv, setup, usePanelTestClock } from './panel-test-setup';

usePanelTestClock();
beforeEach(() => {
  vi.stubGlobal('chrome', { runtime: { getURL: (p: string) => `chrome-extension://cuecard/${p}` } });
  return () => vi.unstubAllGlobals();
});

const capabilities = (team: CapabilityStatus) =>
  Object.fromEntries(
    CAPABILITY_IDS.map((id) => [id, { status: id === 'team' ? team : 'off' }]),
  ) as CapabilityStates;

function withTeam(team: CapabilityStatus) {
  const s = setup();
  const show = () =>
    act(() =>
      s.store.getState().apply({
        type: 'snapshot',
        state: {
          connection: { status: 'live' },
          agent: alex,
          conversations: [conv('c1')],
          capabilities: capabilities(team),
        },
      }),
    );
  return { ...s, show };
}

describe('the panel’s Team view', () => {
  it('is a second view beside the conversations: the team page framed, the conversations back on demand', async () => {
    const { q, show } = withTeam('on');
    await show();
    const team = q.getByRole('button', { name: 'Team' });
    expect(q.getByRole('group', { name: 'Views' })).toBeTruthy();
    expect(q.getByRole('button', { name: 'Conversations' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(team);
    expect(team.getAttribute('aria-pressed')).toBe('true');
    const frame = q.getByTitle('Team: my queues') as HTMLIFrameElement;
    expect(frame.getAttribute('src')).toBe('chrome-extension://cuecard/src/team/index.html?embed=panel');
    expect(q.queryAllByTestId('conversation')).toHaveLength(0);
    fireEvent.click(q.getByRole('button', { name: 'Conversations' }));
    expect(q.queryByTitle('Team: my queues')).toBeNull();
    expect(q.getAllByTestId('conversation')).toHaveLength(1);
  });

  it('is offered while its permissions are checked or missing (the page names them), not when turned off', async () => {
    for (const [status, offered] of [
      ['unavailable', true],
      ['checking', true],
      ['off', false],
    ] as const) {
      const { q, show, host } = withTeam(status);
      await show();
      expect(q.queryByTestId('views') !== null).toBe(offered);
      host.remove();
    }
  });
});
