"use client";

import { useId } from "react";
import { Slider } from "./slider";

type Props = {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  /** Shown next to the label, e.g. "40 px". */
  display?: string;
  onChange: (value: number) => void;
  /** Called when a drag ends, to close an undo merge run or similar. */
  onCommit?: () => void;
  className?: string;
};

/** A labelled slider with its value beside it; the input carries the accessible name and value text. */
export function RangeField({ label, value, min, max, step = 1, display, onChange, onCommit, className = "" }: Props) {
  const id = useId();
  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <span id={id} className="shrink-0 text-xs text-neutral-400">
        {label}
      </span>
      <Slider label={label} value={value} min={min} max={max} step={step} valueText={display} onChange={onChange} onCommit={onCommit} className="w-28" />
      {display && <span className="w-12 shrink-0 text-right font-mono text-[11px] tabular-nums text-neutral-300">{display}</span>}
    </div>
  );
}
