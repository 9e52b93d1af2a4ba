import { ApiError } from './ApiError';
import { errorFrom } from './http';

/**
 * Fetches a file from the API with the session cookie and has the browser save it, so a
 * refusal (DISCLOSURE_REQUIRED, FORBIDDEN) comes back as an ApiError to show in words
 * instead of being saved as a file. The name is the one the server gave.
 */
export async function downloadFile(path: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError('NETWORK', 0, 'the server could not be reached');
  }
  if (!res.ok) throw errorFrom(res.status, await res.json().catch(() => undefined));
  const filename = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export.csv';
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the next turn may let it go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return filename;
}
