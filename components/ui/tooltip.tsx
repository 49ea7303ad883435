"use client";

import { Tooltip } from "radix-ui";
import type { ReactNode } from "react";
import { Kbd } from "./kbd";

/**
 * A small dark tooltip with an optional shortcut; needs one <Tooltip.Provider> above (the editor has it).
 * z-30: above the editor's floating controls, below every dialog's overlay (z-40/50), so a tooltip
 * still open under the pointer never covers the shortcuts dialog a key opened.
 */
export function Tip({ label, shortcut, side = "bottom", children }: { label: string; shortcut?: string; side?: "top" | "right" | "bottom" | "left"; children: ReactNode }) {
  return (
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
  );
}

export const TooltipProvider = Tooltip.Provider;
