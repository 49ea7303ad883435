import type { ReactNode } from "react";

export type Fact = { label: string; value: ReactNode };

/** A compact definition list of the settings behind a video. */
export function ShareFacts({ facts }: { facts: Fact[] }) {
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
      {facts.map((fact) => (
        <div key={fact.label} className="contents">
          <dt className="text-neutral-500">{fact.label}</dt>
          <dd className="min-w-0 break-words text-neutral-200">{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
