'use client';

import { useEffect, useState } from 'react';
import styles from './workshop.module.css';

/** A QR code of `value`, drawn in the browser as SVG; the library is loaded on demand. */
export function RoomQr({ value, label, className }: { value: string; label: string; className?: string }) {
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
    <div role="img" aria-label={label} className={`${styles.qr} ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: svg }} />
  ) : (
    <div className={`${styles.qr} ${className ?? ''}`} aria-hidden="true" />
  );
}

/** The address a phone opens to join: the room code in the path, nothing secret. */
export function joinUrl(origin: string, roomCode: string): string {
  return `${origin}/w/${roomCode}`;
}

/** "ABC 23K": the code in two halves of three, easier to read off a wall and to type. */
export function spacedCode(roomCode: string): string {
  return `${roomCode.slice(0, 3)} ${roomCode.slice(3)}`;
}
