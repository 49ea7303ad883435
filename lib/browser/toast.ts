import type { ExternalToast, toast as sonnerToast } from "sonner";

/**
 * Toasts, with sonner loaded after the page rather than with it (~10 kB gzipped off the editor's first
 * load): nothing toasts before the first action, and sonner's Toaster replays a toast raised before it
 * subscribed. Same calls as sonner's `toast.success(message, options)`.
 */
type Message = Parameters<typeof sonnerToast.success>[0];
type Kind = "success" | "error" | "info" | "warning";

let sonner: Promise<typeof import("sonner")> | undefined;

export function loadSonner(): Promise<typeof import("sonner")> {
  sonner ??= import("sonner");
  return sonner;
}

function show(kind: Kind) {
  return (message: Message, options?: ExternalToast): void => {
    void loadSonner().then(({ toast }) => toast[kind](message, options));
  };
}

export const toast = { success: show("success"), error: show("error"), info: show("info"), warning: show("warning") };
