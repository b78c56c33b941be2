'use client';

import { Fragment, type ReactNode, useEffect, useRef, useState } from 'react';
import { isLocaleDataInstalled, startLocaleData } from './intl-locale-start';

/**
 * Mounts the app with the locale data the browser lacks for the page's language (see intl-locale-start.ts).
 * Pages are rendered on the server with Node's full ICU data. next-intl takes Intl's constructors when its
 * provider mounts, so when the data arrives after that (on a page whose loading lost the race with hydration,
 * or after switching to such a language on the page) the tree below is mounted once more, with the polyfilled
 * constructors. Browsers with the data, and pages of languages they have, never load or remount anything.
 * `data-intl-ready` on <html> says when dates and numbers are final (the server's PDF printer waits for it).
 */
export function IntlReady({ locale, children }: { locale: string; children: ReactNode }) {
  const [generation, setGeneration] = useState(0);
  // Whether the mounted provider took the polyfilled constructors: they serve every language from then on.
  const hasPolyfilledProvider = useRef<boolean | null>(null);
  if (hasPolyfilledProvider.current === null) hasPolyfilledProvider.current = typeof window !== 'undefined' && isLocaleDataInstalled();

  useEffect(() => {
    const html = document.documentElement;
    const state = startLocaleData(locale);
    if (state === null || hasPolyfilledProvider.current) {
      html.dataset.intlReady = 'true';
      return;
    }
    html.dataset.intlReady = 'false';
    let isCurrent = true;
    void state.promise.then(() => {
      if (!isCurrent) return;
      hasPolyfilledProvider.current = true;
      setGeneration((n) => n + 1);
    });
    return () => {
      isCurrent = false;
    };
  }, [locale]);
  // After the tree mounted again has committed (its effects run before this one), not when the data arrived.
  useEffect(() => {
    if (generation > 0) document.documentElement.dataset.intlReady = 'true';
  }, [generation]);
  return <Fragment key={generation}>{children}</Fragment>;
}
