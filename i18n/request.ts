import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { isLocale, LOCALE_COOKIE, negotiateLocale } from './config';
import { loadMessages } from './messages';

/**
 * The language comes from the cookie the language switcher sets, else from the browser's Accept-Language; no
 * locale in the URL, so links shared between stakeholders open in each reader's own language.
 */
export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : negotiateLocale((await headers()).get('accept-language'));
  return { locale, messages: await loadMessages(locale) };
});
