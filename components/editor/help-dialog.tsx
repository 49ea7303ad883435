"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Dialog } from "radix-ui";
import { ACTION_GROUPS, ACTIONS, formatShortcut, GESTURE_HINTS, groupKey } from "@/lib/editor/actions";
import { Kbd } from "@/components/ui/kbd";
import { useIsApple } from "./use-platform";

/** Every shortcut, straight from the action registry, so the list can never drift from the keys. */
export function HelpDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const apple = useIsApple();
  const t = useTranslations();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/60 backdrop-blur-[2px]" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[85vh] w-[min(720px,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl border border-neutral-800 bg-neutral-900 p-5 shadow-2xl shadow-black/60 outline-none">
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <Dialog.Title className="text-base font-semibold text-neutral-50">{t("help.title")}</Dialog.Title>
              <Dialog.Description className="mt-0.5 text-xs text-neutral-400">
                {t("help.description", { mod: apple ? "⌘" : "Ctrl" })}
              </Dialog.Description>
            </div>
            <Dialog.Close aria-label={t("common.close")} className="rounded-md p-1 text-neutral-400 outline-none hover:bg-neutral-800 hover:text-neutral-100 focus-visible:ring-2 focus-visible:ring-sky-400">
              <X className="size-4" aria-hidden />
            </Dialog.Close>
          </div>
          <div className="grid gap-x-8 gap-y-4 sm:grid-cols-2">
            {ACTION_GROUPS.map((group) => (
              <section key={group} aria-label={t(groupKey(group))}>
                <h3 className="mb-1.5 text-[11px] font-semibold uppercase tracking-wider text-neutral-500">{t(groupKey(group))}</h3>
                <dl className="space-y-1">
                  {ACTIONS.filter((a) => a.group === group).map((action) => (
                    <div key={action.id} className="flex items-center justify-between gap-3 text-sm">
                      <dt className="text-neutral-300">{t(action.labelKey)}</dt>
                      <dd className="flex shrink-0 gap-1">
                        {action.shortcuts.map((s) => (
                          <Kbd key={`${s.key}-${String(s.mod)}-${String(s.shift)}`}>{formatShortcut(s, apple)}</Kbd>
                        ))}
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
            <section aria-label={t(groupKey("pointer"))}>
              <h3 className="mb-1.5 text-[11px] font-semibold uppercase tracking-wider text-neutral-500">{t(groupKey("pointer"))}</h3>
              <dl className="space-y-1">
                {GESTURE_HINTS.map((hint) => (
                  <div key={hint.id} className="flex items-center justify-between gap-3 text-sm">
                    <dt className="text-neutral-300">{t(hint.labelKey)}</dt>
                    <dd>
                      <Kbd>{t(hint.keysKey)}</Kbd>
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
