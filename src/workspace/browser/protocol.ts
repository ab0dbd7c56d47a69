/** What the host page and an extension worker say to each other over @remote-ui/rpc. */
import type { RemoteChannel } from '@remote-ui/core';

export type AlertType = 'info' | 'warning' | 'success' | 'danger' | 'tip';

/** The host's side of the card's actions; every call crosses to the page. */
export interface HostApi {
  addAlert(a: { type?: AlertType; title?: string; message: string }): void;
  reloadPage(): void;
  refreshObjectProperties(): void;
  openIframeModal(a: { uri: string; title?: string; width: number; height: number }): void;
  copyTextToClipboard(text: string): Promise<void>;
  closeOverlay(id: string): void;
  navigateToPage(to: { to: string; params?: Record<string, string> }): void;
  /** The card threw while rendering or loading: the frame shows it and the page's console reports it. */
  reportError(message: string): void;
  log(level: 'debug' | 'info' | 'warn' | 'error', message: string): void;
}

/** The extension context HubSpot passes a card (`useExtensionContext`), already for this location. */
export type ExtensionContext = Record<string, unknown> & {
  location: string;
  crm?: { objectId: number; objectTypeId: string };
  portal: { id: number; timezone: string };
};

export interface StartOptions {
  readonly bundleUrl: string;
  /** Where the worker reaches the workspace's server: /workspace. */
  readonly base: string;
  readonly context: ExtensionContext;
  readonly channel: RemoteChannel;
  readonly host: HostApi;
}

export interface WorkerApi {
  start(o: StartOptions): Promise<void>;
}
