/**
 * The viewer frame's entry. It runs in a sandboxed iframe with an opaque origin: it has no
 * window.werkbank and cannot read the app's DOM. It talks only to its parent, and only in the
 * protocol of protocol.ts; everything else is ignored.
 */
import { z } from 'zod';
import './viewer.css';
import { extractText } from './extract';
import { setWorkerSource } from './pdf';
import { parseParentMessage, type FrameMessage, type ParentMessage } from './protocol';
import { Viewer } from './view';

// zod would probe `new Function`, which the CSP forbids (as in the app's zod-setup.ts).
z.config({ jitless: true });

// The frame's URL has the app's origin even though the frame's own origin is opaque, so this is the
// origin of the parent that embedded us; replies go to that origin only.
const parentOrigin = new URL(window.location.href).origin;

function send(message: FrameMessage): void {
  window.parent.postMessage(message, parentOrigin);
}

const viewer = new Viewer(send);
let initialised = false;

async function handle(message: ParentMessage): Promise<void> {
  switch (message.type) {
    case 'init':
      setWorkerSource(message.workerSource);
      viewer.setStrings(message.language, message.strings);
      initialised = true;
      return;
    case 'strings':
      viewer.setStrings(message.language, message.strings);
      return;
    case 'open':
      if (initialised) await viewer.open(message.documentId, message.data, message.page, message.key ?? null, message.inPlace ?? false);
      return;
    case 'close':
      viewer.close();
      return;
    case 'goToPage':
      await viewer.goToPage(message.page);
      return;
    case 'setZoom':
      viewer.setZoom(message.zoom);
      return;
    case 'fit':
      viewer.setFit(message.mode);
      return;
    case 'rotate':
      viewer.setRotation(message.rotation);
      return;
    case 'search':
      await viewer.find(message.query);
      return;
    case 'searchStep':
      await viewer.stepSearch(message.direction);
      return;
    case 'highlights':
      viewer.setHighlights(message.items);
      return;
    case 'prepare':
      if (initialised) viewer.prepare(message.key, message.data);
      return;
    case 'extractText': {
      if (!initialised) return;
      // Extraction hands the bytes to its worker: a copy stays for parsing the document for showing,
      // unless the viewer would not keep it anyway.
      const { key } = message;
      const forShowing = key && viewer.wouldPrepare(key, message.data.byteLength) ? message.data.slice(0) : null;
      const result = await extractText(message.data, () => viewer.busy);
      if (result.ok && key && forShowing) viewer.prepare(key, forShowing);
      send(result.ok ? { type: 'text', requestId: message.requestId, pages: result.pages }
        : { type: 'textFailed', requestId: message.requestId, kind: result.kind });
      return;
    }
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.source !== window.parent || event.origin !== parentOrigin) return;
  const message = parseParentMessage(event.data);
  if (message) void handle(message);
  else console.warn('viewer: ignored a message that does not match the protocol');
});

send({ type: 'ready' });
