"use client";

import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { quietButton } from "@/components/share/button-styles";
import { authClient } from "@/lib/browser/auth-client";

export function SignOutButton() {
  const t = useTranslations("account");
  const router = useRouter();
  return (
    <button
      type="button"
      className={quietButton}
      onClick={async () => {
        await authClient.signOut();
        router.replace("/sign-in");
      }}
    >
      <LogOut className="size-4" aria-hidden /> {t("signOut")}
    </button>
  );
}
