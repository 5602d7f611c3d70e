/**
 * The options page's link to the worker for requests (test lookup, check setup): opened on mount,
 * again after the worker restarted, closed on unmount. State messages are of no use here.
 */
import { useEffect, useRef } from 'preact/hooks';
import { connectForRequests, type RequestLink } from '../shared/request-link';

export function useRequestLink(): () => RequestLink {
  const link = useRef<RequestLink | undefined>(undefined);
  const linked = (): RequestLink => {
    link.current ??= connectForRequests('options', {
      onMessage: () => undefined,
      onClose: () => {
        link.current = undefined;
      },
    });
    return link.current;
  };
  useEffect(() => {
    linked();
    return () => link.current?.close();
  }, []);
  return linked;
}
