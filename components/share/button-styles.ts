/** Class names shared by the share page and the library, so both read as one product with the editor. */
const base =
  "inline-flex items-center justify-center gap-1.5 rounded-md text-sm font-medium outline-none transition-colors focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2 focus-visible:ring-offset-neutral-950 disabled:pointer-events-none disabled:opacity-40";

export const primaryButton = `${base} h-9 px-3.5 bg-sky-400 text-neutral-950 hover:bg-sky-300`;
export const secondaryButton = `${base} h-9 px-3 border border-neutral-700 bg-neutral-900 text-neutral-200 hover:border-neutral-500 hover:bg-neutral-800`;
export const dangerButton = `${base} h-9 px-3 border border-red-500/40 bg-red-500/10 text-red-200 hover:bg-red-500/20`;
export const quietButton = `${base} h-8 px-2 text-neutral-300 hover:bg-neutral-800 hover:text-neutral-50`;
