import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { IntlReady } from './_components/intl-ready';
import { LanguageSwitcher } from './_components/language-switcher';
import { TRPCReactProvider } from './_trpc/client';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common.app');
  return { title: { default: t('name'), template: `%s · ${t('name')}` }, description: t('tagline') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('common');
  return (
    <html lang={locale}>
      <body>
        <IntlReady locale={locale}>
          <NextIntlClientProvider>
            <a className="skip-link" href="#content">
              {t('app.skipToContent')}
            </a>
            <header className="site-header">
              <Link href="/" className="brand">
                <span aria-hidden="true" className="brand-mark" />
                {t('app.name')}
              </Link>
              <LanguageSwitcher />
            </header>
            <TRPCReactProvider>
              <div id="content">{children}</div>
            </TRPCReactProvider>
          </NextIntlClientProvider>
        </IntlReady>
      </body>
    </html>
  );
}
