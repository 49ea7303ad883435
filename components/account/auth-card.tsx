import type { ReactNode } from "react";

/** The narrow centred card of the set-up, sign-in and sign-up pages. */
export function AuthCard({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <main className="mx-auto flex max-w-sm flex-col px-4 py-12">
      <h1 className="text-lg font-semibold tracking-tight text-neutral-50">{title}</h1>
      <p className="mb-6 text-sm text-neutral-500">{intro}</p>
      <div className="rounded-lg border border-neutral-800 bg-neutral-900/60 p-5">{children}</div>
    </main>
  );
}
