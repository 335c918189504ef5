import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

type Options = Pick<
  VirtualizerOptions<HTMLDivElement, HTMLElement>,
  'count' | 'estimateSize' | 'getItemKey' | 'overscan'
> & { scroller: () => HTMLDivElement | null };

/**
 * TanStack's framework-free virtualizer driven from Preact (what its React adapter does): only
 * the rows in and near the view are rendered, so 50,000 lessons cost a screenful of DOM. Rows
 * are measured as they render, so an opened lesson's detail grows its row.
 */
export function useVirtualList({ scroller, ...options }: Options) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const settings: VirtualizerOptions<HTMLDivElement, HTMLElement> = {
    ...options,
    getScrollElement: scroller,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    onChange: () => rerender(undefined),
  };
  const [virtualizer] = useState(() => new Virtualizer(settings));
  virtualizer.setOptions(settings);
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => virtualizer._willUpdate());
  return virtualizer;
}
