// Before hydration: a browser without locale data for the page's language starts loading it now (intl-ready.tsx).
import { startLocaleData } from './app/_components/intl-locale-start';

startLocaleData(document.documentElement.lang);
