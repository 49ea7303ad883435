import type { InputHTMLAttributes } from "react";

export const inputClass =
  "h-9 rounded-md border border-neutral-700 bg-neutral-950 px-2.5 text-sm text-neutral-100 placeholder:text-neutral-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400";

/** A labelled text input with an optional hint below. */
export function Field({ label, hint, ...input }: { label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="flex flex-col gap-1 text-sm text-neutral-300">
      <span>{label}</span>
      <input className={`${inputClass} w-full`} {...input} />
      {hint && <span className="text-xs text-neutral-500">{hint}</span>}
    </label>
  );
}

/** The error line under a form, announced to screen readers. */
export function FormError({ text }: { text: string | null }) {
  return text ? (
    <p role="alert" className="rounded-md border border-red-500/30 bg-red-500/10 px-2.5 py-1.5 text-sm text-red-200">
      {text}
    </p>
  ) : null;
}
