'use client';

import { useEffect, useState } from 'react';

/** A QR code of `value`, drawn in the browser as SVG; the library is loaded on demand (it is not on first load). */
export function QrCode({ value, label, className }: { value: string; label: string; className?: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void import('qrcode')
      .then((module) => {
        // A CommonJS package: depending on the bundler its API is the namespace or its default export.
        const QRCode = ('default' in module ? module.default : module) as typeof module;
        return QRCode.toString(value, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#1b2230', light: '#ffffff' } });
      })
      .then((markup) => {
        if (isCurrent) setSvg(markup);
      });
    return () => {
      isCurrent = false;
    };
  }, [value]);
  return svg ? (
    <div role="img" aria-label={label} className={className} dangerouslySetInnerHTML={{ __html: svg }} />
  ) : (
    <div className={className} aria-hidden="true" />
  );
}
