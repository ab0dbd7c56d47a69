import { useCallback, useEffect, useRef, useState } from 'react';
import type { FetchFailure, FetchResult } from '../api/client';

/** A card's data is exactly one of these; views switch on `status`. */
export type CardState<T> =
  /** `previous`: the last data shown (another page or sort), so a view can keep it on screen while loading. */
  | { readonly status: 'loading'; readonly previous?: T }
  | { readonly status: 'error'; readonly failure: FetchFailure; readonly retry: () => void }
  | { readonly status: 'ready'; readonly data: T };

/**
 * Loads once per `key` (e.g. company + page + sort) and again on retry. An answer that arrives after the key
 * changed is dropped, so a slow page 1 never overwrites page 2.
 */
export function useCardData<T>(key: string, load: () => Promise<FetchResult<T>>): CardState<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ key: string; result?: FetchResult<T> }>({ key });
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // `load` is a fresh closure every render; `key` names everything it depends on, so keep the latest in a ref.
  const loadRef = useRef(load);
  loadRef.current = load;
  const lastData = useRef<T | undefined>(undefined);

  useEffect(() => {
    let current = true;
    setState({ key });
    loadRef.current().then(
      (result) => { if (current) setState({ key, result }); },
      () => { if (current) setState({ key, result: { ok: false, failure: { kind: 'network' } } }); },
    );
    return () => { current = false; };
  }, [key, attempt]);

  if (state.key !== key || !state.result) return lastData.current === undefined ? { status: 'loading' } : { status: 'loading', previous: lastData.current };
  if (!state.result.ok) return { status: 'error', failure: state.result.failure, retry };
  lastData.current = state.result.data;
  return { status: 'ready', data: state.result.data };
}
