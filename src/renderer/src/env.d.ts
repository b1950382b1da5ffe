/// <reference types="vite/client" />
import type { WerkbankApi } from '../../shared/contract';

declare global {
  interface Window {
    /**
     * The only way to the data host: provided by the preload in the app, and by bridge.ts in the
     * browser preview. Absent when the page was opened without either.
     */
    readonly werkbank?: WerkbankApi;
  }
}

export {};
