/**
 * The report logo, an app setting: chosen once in the export dialog and remembered on this machine
 * (localStorage) for every scenario's reports. Main checks the file (type from bytes, size, SVG
 * rebuilt without scripts) and what is kept and previewed is the image exactly as it will print.
 */
import { LOGO_MAX_BYTES } from '../../../../shared/api/reports.js';
import { call, errorText } from '../../lib/api.js';

const LOGO_KEY = 'frontier-report-logo';

function loadLogo(): string {
  try {
    const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(LOGO_KEY) : null;
    return saved?.startsWith('data:image/') ? saved : '';
  } catch {
    return '';
  }
}

export const reportLogo = $state({ dataUrl: loadLogo(), fileName: '', error: '', checking: false });

function remember(dataUrl: string): void {
  reportLogo.dataUrl = dataUrl;
  try {
    if (dataUrl) localStorage.setItem(LOGO_KEY, dataUrl);
    else localStorage.removeItem(LOGO_KEY);
  } catch {
    // Storage full or disabled: the logo still applies to this session's exports.
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Checks a chosen file in main and remembers the printable image; errors are shown next to the input. */
export async function chooseLogo(file: File): Promise<void> {
  reportLogo.error = '';
  if (file.size > LOGO_MAX_BYTES) {
    reportLogo.error = `${file.name} is ${Math.ceil(file.size / 1024)} KB; a logo may be at most ${LOGO_MAX_BYTES / 1024} KB.`;
    return;
  }
  reportLogo.checking = true;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The label is only a hint: main reads the type from the bytes.
    const checked = await call('report-logo-check', { logo: `data:${file.type || 'image/png'};base64,${toBase64(bytes)}` });
    remember(checked.logo);
    reportLogo.fileName = file.name;
  } catch (e) {
    reportLogo.error = `${file.name}: ${errorText(e).replace(/^logo: /, '')}`;
  } finally {
    reportLogo.checking = false;
  }
}

export function clearLogo(): void {
  remember('');
  reportLogo.fileName = '';
  reportLogo.error = '';
}
