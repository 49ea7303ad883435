import Link from "next/link";
import { Clapperboard } from "lucide-react";
import type { ReactNode } from "react";

/** The thin top bar of the pages outside the editor, in the editor header's look. */
export function SiteHeader({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <header className="sticky top-0 z-20 border-b border-neutral-800 bg-neutral-925/90 backdrop-blur">
      <div className="mx-auto flex h-12 max-w-6xl items-center gap-3 px-4">
        <Link href="/" className="flex items-center gap-2 rounded-md outline-none focus-visible:ring-2 focus-visible:ring-sky-400">
          <span className="flex size-6 items-center justify-center rounded-md bg-gradient-to-br from-sky-400 to-violet-500 text-neutral-950" aria-hidden>
            <Clapperboard className="size-3.5" />
          </span>
          <span className="text-sm font-semibold tracking-tight text-neutral-100">Motion Studio</span>
        </Link>
        {title && (
          <>
            <span className="text-neutral-700" aria-hidden>
              /
            </span>
            <span className="text-sm text-neutral-400">{title}</span>
          </>
        )}
        <div className="ml-auto flex items-center gap-2">{children}</div>
      </div>
    </header>
  );
}
