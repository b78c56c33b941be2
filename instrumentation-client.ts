// Before hydration: browsers without locale data for a UI language start loading it now (see intl-ready.tsx).
import { startLocaleData } from './app/_components/intl-locale-start';

startLocaleData();
