"use client";

import { Tooltip } from "radix-ui";
import type { TipProps } from "./tooltip";
import { Kbd } from "./kbd";

/**
 * The tooltip itself (Radix, with its positioning engine), loaded after the page by `Tip`. Each tip
 * has its own provider: no provider above has to load first.
 * z-30: above the editor's floating controls, below every dialog's overlay (z-40/50), so a tooltip
 * still open under the pointer never covers the shortcuts dialog a key opened.
 */
export default function RadixTip({ label, shortcut, side = "bottom", children }: TipProps) {
  return (
    <Tooltip.Provider delayDuration={500} skipDelayDuration={200}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>{children}</Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content
            side={side}
            sideOffset={6}
            className="z-30 flex items-center gap-2 rounded-md border border-neutral-700 bg-neutral-900 px-2 py-1 text-xs text-neutral-100 shadow-lg shadow-black/40"
          >
            {label}
            {shortcut && <Kbd>{shortcut}</Kbd>}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
