"use client";

import { useTranslations } from "next-intl";
import { AlertDialog } from "radix-ui";
import type { ReactNode } from "react";
import { dangerButton, secondaryButton } from "@/components/share/button-styles";

type Props = {
  /** The trigger's content (icon and words). */
  children: ReactNode;
  title: string;
  description: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  triggerClassName?: string;
};

/** A destructive action behind an explicit confirmation (focus starts on Cancel). */
export function ConfirmButton({ children, title, description, confirmLabel, onConfirm, disabled, triggerClassName = dangerButton }: Props) {
  const t = useTranslations("common");
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger className={triggerClassName} disabled={disabled}>
        {children}
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-[60] bg-black/60" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-[70] w-[min(420px,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl border border-neutral-800 bg-neutral-900 p-5 shadow-2xl shadow-black/60 outline-none">
          <AlertDialog.Title className="text-base font-semibold text-neutral-50">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-1.5 text-sm text-neutral-400">{description}</AlertDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel className={secondaryButton}>{t("cancel")}</AlertDialog.Cancel>
            <AlertDialog.Action className={dangerButton} onClick={onConfirm}>
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
