"use client";

import { lazy, Suspense, type ReactNode } from "react";

export type TipProps = { label: string; shortcut?: string; side?: "top" | "right" | "bottom" | "left"; children: ReactNode };

/** Radix's tooltip and its positioning engine (~10 kB gzipped) are not part of the first load. */
const RadixTip = lazy(() => import("./radix-tip"));

/**
 * A small dark tooltip with an optional shortcut. The server renders it whole; in the browser the
 * control hydrates once the tooltip code has loaded (a click before that is replayed by React).
 */
export function Tip(props: TipProps) {
  return (
    <Suspense fallback={props.children}>
      <RadixTip {...props} />
    </Suspense>
  );
}
