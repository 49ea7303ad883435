"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};

/** True on Apple platforms (⌘ instead of Ctrl); false during server rendering. */
export function useIsApple(): boolean {
  return useSyncExternalStore(
    noop,
    () => /Mac|iPhone|iPad/.test(navigator.platform),
    () => false,
  );
}
