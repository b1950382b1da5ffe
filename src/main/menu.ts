/**
 * The application menu: none on Windows and Linux (the UI has its own navigation); on macOS the
 * standard roles only, so copy, paste and quit shortcuts work. Role labels are translated by the
 * operating system, which keeps the menu free of Dutch or English text of our own.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** The menu template for a platform, or null for no menu. */
export function menuTemplate(platform: string): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
}
