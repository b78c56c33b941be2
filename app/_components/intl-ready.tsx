'use client';

import { Fragment, type ReactNode, useEffect, useState } from 'react';
import { startLocaleData } from './intl-locale-start';

/**
 * Mounts the app with the locale data the browser lacks (see intl-locale-start.ts). Pages are rendered on the
 * server with Node's full ICU data. next-intl takes Intl's constructors when its provider mounts, so when the
 * data arrives after hydration the tree below is mounted once more, with the polyfilled ones; when it arrived
 * before (the usual case: it starts before hydration), nothing is mounted again. `data-intl-ready` on <html>
 * tells the server's PDF printer that dates and numbers are final.
 */
export function IntlReady({ children }: { children: ReactNode }) {
  const [mountedWithData] = useState(() => {
    const state = typeof window === 'undefined' ? null : startLocaleData();
    return state === null || state.isInstalled;
  });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const state = startLocaleData();
    const ready = () => {
      document.documentElement.dataset.intlReady = 'true';
    };
    if (state === null || mountedWithData) {
      ready();
      return;
    }
    let isCurrent = true;
    void state.promise.then(() => {
      if (!isCurrent) return;
      setGeneration((n) => n + 1);
      ready();
    });
    return () => {
      isCurrent = false;
    };
  }, [mountedWithData]);
  return <Fragment key={generation}>{children}</Fragment>;
}
