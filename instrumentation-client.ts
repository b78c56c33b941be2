// Before hydration and before any page code: zod's setting for the pages' CSP, then the locale data a browser
// without it needs for the page's language (intl-ready.tsx).
import { startLocaleData } from './app/_components/intl-locale-start';
import { configureZodJitless } from './app/_components/zod-jitless';

configureZodJitless();
startLocaleData(document.documentElement.lang);
