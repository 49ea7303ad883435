"use client";

import type { CSSProperties } from "react";

type SliderProps = {
  /** The accessible name. */
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  /** What a screen reader says instead of the bare number, e.g. "40 px". */
  valueText?: string;
  describedBy?: string;
  /** Where the blue fill starts: the minimum (default), or e.g. 0 on a −10…10 axis. */
  origin?: number;
  onChange: (value: number) => void;
  /** Called when a drag or a key press ends, to close an undo merge run or similar. */
  onCommit?: () => void;
  className?: string;
};

/**
 * The browser's own range input, styled (globals.css `.slider`): keyboard, touch and screen readers
 * behave as everywhere, with no slider code in the first load.
 */
export function Slider({ label, value, min, max, step = 1, valueText, describedBy, origin = min, onChange, onCommit, className = "" }: SliderProps) {
  const percent = (v: number) => ((Math.min(max, Math.max(min, v)) - min) / (max - min || 1)) * 100;
  const [from, to] = [percent(origin), percent(value)].sort((a, b) => a - b);
  const fill = { "--fill-from": `${from}%`, "--fill-to": `${to}%` } as CSSProperties;
  return (
    <input
      type="range"
      aria-label={label}
      aria-valuetext={valueText}
      aria-describedby={describedBy}
      min={min}
      max={max}
      step={step}
      value={value}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
      onPointerUp={onCommit}
      onKeyUp={onCommit}
      style={fill}
      className={`slider ${className}`}
    />
  );
}
