import { useCallback, useEffect, useState } from 'react';
import { api } from './client';
import type { ProcessDefinition, Unit } from './types';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** GET a path; reload() fetches again. A null path waits. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [tick, setTick] = useState(0);
  // Which request (path and reload count) the state answers; loading while that is not the
  // current one. The last answer stays shown meanwhile.
  const request = path === null ? null : `${String(tick)} ${path}`;
  const [state, setState] = useState<{ request: string | null; data?: T; error?: unknown }>({
    request: null,
  });
  useEffect(() => {
    if (path === null || request === null) return;
    let live = true;
    api<T>(path).then(
      (data) => {
        if (live) setState({ request, data });
      },
      (error: unknown) => {
        if (live) setState({ request, error });
      },
    );
    return () => {
      live = false;
    };
  }, [path, request]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const loading = request !== null && state.request !== request;
  return { data: state.data, error: state.error, loading, reload };
}

const definitions = new Map<number, Promise<ProcessDefinition>>();
let currentVersion: Promise<number> | undefined;
/**
 * A process definition, fetched once per version: the given one (a stay's own version, which
 * decides its events and activities), or the current one.
 */
export function useDefinition(version?: number): ProcessDefinition | undefined {
  const [value, setValue] = useState<ProcessDefinition>();
  useEffect(() => {
    let live = true;
    currentVersion ??= api<{ currentVersion: number }>('/api/v1/process-definitions').then(
      (list) => list.currentVersion,
    );
    void (version !== undefined ? Promise.resolve(version) : currentVersion).then((v) => {
      let loaded = definitions.get(v);
      if (!loaded) {
        loaded = api<ProcessDefinition>(`/api/v1/process-definitions/${v}`);
        definitions.set(v, loaded);
      }
      return loaded.then((d) => live && setValue(d));
    });
    return () => {
      live = false;
    };
  }, [version]);
  return value;
}

let units: Promise<Unit[]> | undefined;
export function useUnits(): Unit[] {
  const [value, setValue] = useState<Unit[]>([]);
  useEffect(() => {
    units ??= api<{ items: Unit[] }>('/api/v1/units').then((r) => r.items);
    void units.then(setValue);
  }, []);
  return value;
}

export interface PagedList<T> extends Loaded<{ items: T[] }> {
  /** Whether the API has more beyond what is shown. */
  more: boolean;
  loadMore: () => void;
  loadingMore: boolean;
}

/**
 * A cursor-paged list (GET path → { items, nextCursor }): the first page, then each "Visa fler"
 * adds the next. A new path starts over; reload() fetches the first page again.
 */
export function usePagedApi<T>(path: string): PagedList<T> {
  const first = useApi<{ items: T[]; nextCursor: string | null }>(path);
  const [extra, setExtra] = useState<{ path: string; items: T[]; cursor: string | null }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>();
  const mine = extra?.path === path && first.data ? extra : undefined;
  const cursor = mine ? mine.cursor : (first.data?.nextCursor ?? null);
  const { reload } = first;
  const loadMore = useCallback(() => {
    if (!cursor) return;
    setLoadingMore(true);
    const separator = path.includes('?') ? '&' : '?';
    api<{ items: T[]; nextCursor: string | null }>(
      `${path}${separator}cursor=${encodeURIComponent(cursor)}`,
    ).then(
      (page) => {
        setExtra((e) => ({
          path,
          items: [...(e?.path === path ? e.items : []), ...page.items],
          cursor: page.nextCursor,
        }));
        setLoadingMore(false);
      },
      (error: unknown) => {
        setMoreError(error);
        setLoadingMore(false);
      },
    );
  }, [cursor, path]);
  const reloadAll = useCallback(() => {
    setExtra(undefined);
    reload();
  }, [reload]);
  return {
    data: first.data ? { items: [...first.data.items, ...(mine?.items ?? [])] } : undefined,
    error: first.error ?? moreError,
    loading: first.loading,
    reload: reloadAll,
    more: cursor !== null,
    loadMore,
    loadingMore,
  };
}
