"use client";

import type { ButtonHTMLAttributes, ReactNode } from "react";
import { Tip } from "./tooltip";

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "aria-label"> & {
  /** Accessible name and tooltip text. */
  label: string;
  shortcut?: string;
  /** For toggles (tools): rendered as aria-pressed. */
  pressed?: boolean;
  tooltipSide?: "top" | "right" | "bottom" | "left";
  size?: "sm" | "md";
  children: ReactNode;
};

/** Square icon button with a tooltip; the label is its accessible name. */
export function IconButton({ label, shortcut, pressed, tooltipSide, size = "md", className = "", children, ...rest }: Props) {
  const box = size === "sm" ? "size-7" : "size-9";
  const button = (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      className={`inline-flex ${box} shrink-0 items-center justify-center rounded-md text-neutral-300 outline-none transition-colors hover:bg-neutral-800 hover:text-neutral-50 focus-visible:ring-2 focus-visible:ring-sky-400 disabled:pointer-events-none disabled:opacity-35 aria-pressed:bg-sky-500/20 aria-pressed:text-sky-300 aria-pressed:ring-1 aria-pressed:ring-sky-400/50 ${className}`}
      {...rest}
    >
      {children}
    </button>
  );
  return (
    <Tip label={label} shortcut={shortcut} side={tooltipSide}>
      {button}
    </Tip>
  );
}
