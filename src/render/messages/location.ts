/**
 * Where the message templates are on disk: resources/messages in the repository, and next to
 * app.asar in the packaged app (electron-builder.yml: resources/messages → <resources>/messages),
 * exactly as the letters' templates (../letters/location.ts).
 */
import { join } from 'node:path';
import type { LettersLocation } from '../letters/location';

// __dirname, not import.meta: this module also runs compiled as CommonJS (see ../letters/location.ts).
/** resources/messages of the repository, from src/render/messages. */
export const defaultMessagesDirectory = join(__dirname, '..', '..', '..', 'resources', 'messages');

/** The message templates folder of the Electron app, packaged or in development. */
export function messagesDirectory(location: LettersLocation): string {
  return location.isPackaged ? join(location.resourcesPath, 'messages') : join(location.appPath, 'resources', 'messages');
}
