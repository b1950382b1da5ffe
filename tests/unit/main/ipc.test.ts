import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent, MessagePortMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  connectChannel,
  createConnectHandler,
  isTrustedFrame,
  originOf,
  portChannel,
  portTargetFor,
  registerIpc,
  type PortTarget,
} from '../../../src/main/ipc';

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  postMessage: ReturnType<typeof vi.fn>;
}

const frame = (url: string, parent: FakeFrame | null = null): FakeFrame => ({ url, parent, postMessage: vi.fn() });

class FakeContents extends EventEmitter {
  destroyed = false;
  constructor(readonly id: number, public mainFrame: FakeFrame) {
    super();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

function invokeEvent(senderFrame: FakeFrame | null, contents = new FakeContents(7, senderFrame ?? frame('app://werkbank/index.html'))): IpcMainInvokeEvent {
  return { senderFrame, sender: contents } as unknown as IpcMainInvokeEvent;
}

function handlerWithSpies() {
  const connectWindow = vi.fn<(windowId: number, target: PortTarget) => void>();
  const disconnectWindow = vi.fn<(windowId: number) => void>();
  const handler = createConnectHandler({ trustedOrigins: ['app://werkbank'], connectWindow, disconnectWindow });
  return { handler, connectWindow, disconnectWindow };
}

describe('IPC sender checks', () => {
  it('connects the main frame of app://werkbank', () => {
    const { handler, connectWindow } = handlerWithSpies();
    handler(invokeEvent(frame('app://werkbank/index.html')));
    expect(connectWindow).toHaveBeenCalledOnce();
    expect(connectWindow.mock.calls[0]?.[0]).toBe(7);
  });

  it('refuses other origins, subframes, file:// and a missing frame', () => {
    const top = frame('app://werkbank/index.html');
    const refused: (FakeFrame | null)[] = [
      frame('https://evil.example/'),
      frame('http://localhost:5173/'),
      frame('file:///app/out/renderer/index.html'),
      frame('app://evil/index.html'),
      frame('app://werkbank.evil/index.html'),
      frame('about:blank'),
      frame('data:text/html,x'),
      frame('app://werkbank/pdf.html', top),
      null,
    ];
    for (const sender of refused) {
      const { handler, connectWindow } = handlerWithSpies();
      expect(() => handler(invokeEvent(sender)), sender?.url ?? 'null').toThrow(/IPC refused \(untrusted sender\)/);
      expect(connectWindow).not.toHaveBeenCalled();
    }
  });

  it('refuses unexpected arguments', () => {
    const { handler, connectWindow } = handlerWithSpies();
    expect(() => handler(invokeEvent(frame('app://werkbank/index.html')), { windowId: 1 })).toThrow(/invalid arguments/);
    expect(connectWindow).not.toHaveBeenCalled();
  });

  it('keeps the sender URL out of the error message', () => {
    const { handler } = handlerWithSpies();
    expect(() => handler(invokeEvent(frame('https://evil.example/secret-path')))).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-path') }),
    );
  });

  it('trusts the dev server only when it is in the trusted list', () => {
    expect(isTrustedFrame(frame('http://localhost:5173/') as never, ['app://werkbank'])).toBe(false);
    expect(isTrustedFrame(frame('http://localhost:5173/') as never, ['app://werkbank', 'http://localhost:5173'])).toBe(true);
    expect(originOf('app://werkbank/index.html')).toBe('app://werkbank');
    expect(originOf('not a url')).toBeUndefined();
  });

  it('forgets the window when its webContents is destroyed, and watches it only once', () => {
    const { handler, connectWindow, disconnectWindow } = handlerWithSpies();
    const contents = new FakeContents(9, frame('app://werkbank/index.html'));
    handler(invokeEvent(contents.mainFrame, contents));
    handler(invokeEvent(contents.mainFrame, contents));
    expect(connectWindow).toHaveBeenCalledTimes(2);
    expect(contents.listenerCount('destroyed')).toBe(1);
    contents.emit('destroyed');
    expect(disconnectWindow).toHaveBeenCalledWith(9);
  });

  it('registers with ipcMain.handle only, on the connect channel', () => {
    const ipcMain = { handle: vi.fn(), removeHandler: vi.fn(), on: vi.fn() };
    const remove = registerIpc(ipcMain, { trustedOrigins: ['app://werkbank'], connectWindow: vi.fn(), disconnectWindow: vi.fn() });
    expect(ipcMain.handle).toHaveBeenCalledWith(connectChannel, expect.any(Function));
    expect(ipcMain.on).not.toHaveBeenCalled();
    remove();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(connectChannel);
  });
});

describe('port delivery', () => {
  const port = {} as MessagePortMain;

  it('posts the port to the main frame on the port channel', () => {
    const contents = new FakeContents(1, frame('app://werkbank/index.html'));
    expect(portTargetFor(contents as never, ['app://werkbank']).deliver(port)).toBe(true);
    expect(contents.mainFrame.postMessage).toHaveBeenCalledWith(portChannel, null, [port]);
  });

  it('re-checks at delivery: no port for a destroyed window or one showing another origin', () => {
    const destroyed = new FakeContents(1, frame('app://werkbank/index.html'));
    destroyed.destroyed = true;
    expect(portTargetFor(destroyed as never, ['app://werkbank']).deliver(port)).toBe(false);
    const elsewhere = new FakeContents(2, frame('https://evil.example/'));
    expect(portTargetFor(elsewhere as never, ['app://werkbank']).deliver(port)).toBe(false);
    expect(elsewhere.mainFrame.postMessage).not.toHaveBeenCalled();
  });
});
