import type { ReactNode } from "react";

/** One titled panel of the account and members pages. */
export function Section({ title, intro, children, id }: { title: string; intro?: string; children: ReactNode; id?: string }) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-neutral-800 bg-neutral-900/60 p-5">
      <h2 id={headingId} className="text-sm font-semibold text-neutral-100">
        {title}
      </h2>
      {intro && <p className="mt-0.5 text-xs text-neutral-500">{intro}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** Rows of a list inside a section. */
export function Rows({ children, label }: { children: ReactNode; label: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-neutral-800 rounded-md border border-neutral-800">
      {children}
    </ul>
  );
}

export function Row({ children }: { children: ReactNode }) {
  return <li className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm">{children}</li>;
}

export function Empty({ text }: { text: string }) {
  return <p className="text-sm text-neutral-500">{text}</p>;
}
