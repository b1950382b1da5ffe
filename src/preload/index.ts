/**
 * The sandboxed preload: asks main for a MessagePort to the data host and exposes window.werkbank,
 * one named function per contract call plus `on` for host events, and window.werkbankShell, the
 * shell's start-up and update state with the one restart request (src/shared/shell.ts), and nothing
 * else. ipcRenderer itself never reaches the page, and listeners get payloads, never IPC events.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName, calls, events } from '../shared/contract';
import { createBridge } from '../shared/rpc';
import { shellGlobalName } from '../shared/shell';
import { createHostConnection, withBridgeErrors, type PortLike } from './connection';
import { createShellApi } from './shell';
import { followOpenRoutes } from './navigation';

/** Channels shared with src/main/ipc.ts (not imported: the preload bundles only shared code). */
const connectChannel = 'werkbank:connect';
const portChannel = 'werkbank:port';

const connection = createHostConnection({ calls, events });

// Main posts a first port when the host is ready and a new one after every host restart.
ipcRenderer.on(portChannel, (event) => {
  const port = event.ports[0] as PortLike | undefined;
  if (port) connection.attachPort(port);
});

ipcRenderer.invoke(connectChannel).catch(() => {
  console.error('werkbank: the shell refused to connect this window to the data host');
});

// A clicked message notification opens its thread (nothing is exposed for it).
followOpenRoutes(ipcRenderer, (route) => {
  window.location.hash = route;
});

contextBridge.exposeInMainWorld(bridgeGlobalName, createBridge(calls, withBridgeErrors(connection.client)));
contextBridge.exposeInMainWorld(shellGlobalName, createShellApi(ipcRenderer));
