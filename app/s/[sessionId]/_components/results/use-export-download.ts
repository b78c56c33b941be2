'use client';

import { useMutation } from '@tanstack/react-query';
import { useTRPCClient } from '~/app/_trpc/client';
import type { ExportFormat, ExportScope } from '~/core/contracts/exports';
import type { Locale } from '~/i18n/config';

/** Hands bytes to the browser as a file download, under the name the server chose (session title and date). */
export function saveFile(file: { fileName: string; mimeType: string; base64: string }) {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty for it to start.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Downloads one export file. It is a read, but one the reader starts by pressing a button and that must not be
 * cached (each file says when it was made), so it runs as a mutation of react-query around the tRPC query.
 */
export function useExportDownload(sessionId: string, scope: ExportScope) {
  const client = useTRPCClient();
  return useMutation({
    mutationFn: async (format: ExportFormat) => {
      const file = await client.export.file.query({ sessionId, format, scope: format === 'json' ? undefined : scope });
      saveFile(file);
      return { format, fileName: file.fileName };
    },
  });
}

/** The report printed to PDF by the server's Chromium, in the reader's UI language. */
export function useReportPdf(sessionId: string, scope: ExportScope, locale: Locale) {
  const client = useTRPCClient();
  return useMutation({
    mutationFn: async () => {
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const file = await client.export.reportPdf.query({ sessionId, scope, locale, timeZone });
      saveFile(file);
      return { fileName: file.fileName };
    },
  });
}
