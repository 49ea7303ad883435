import type { ReactNode } from "react";

export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="inline-flex min-w-5 items-center whitespace-nowrap justify-center rounded border border-neutral-700 bg-neutral-800 px-1 font-sans text-[10px] font-medium leading-4 text-neutral-300">
      {children}
    </kbd>
  );
}
