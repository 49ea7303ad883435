"use client";

import { Slider } from "radix-ui";
import { useId } from "react";

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

/** A labelled Radix slider; the thumb carries the accessible name and value text. */
export function RangeField({ label, value, min, max, step = 1, display, onChange, onCommit, className = "" }: Props) {
  const id = useId();
  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <span id={id} className="shrink-0 text-xs text-neutral-400">
        {label}
      </span>
      <Slider.Root
        value={[value]}
        min={min}
        max={max}
        step={step}
        onValueChange={([v]) => v !== undefined && onChange(v)}
        onValueCommit={() => onCommit?.()}
        className="relative flex h-5 w-28 touch-none select-none items-center"
      >
        <Slider.Track className="relative h-1 grow rounded-full bg-neutral-700">
          <Slider.Range className="absolute h-full rounded-full bg-sky-400" />
        </Slider.Track>
        <Slider.Thumb
          aria-label={label}
          aria-valuetext={display}
          className="block size-3.5 rounded-full border border-sky-300 bg-neutral-100 shadow outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
        />
      </Slider.Root>
      {display && <span className="w-12 shrink-0 text-right font-mono text-[11px] tabular-nums text-neutral-300">{display}</span>}
    </div>
  );
}
