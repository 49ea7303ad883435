import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { quietButton } from "@/components/share/button-styles";
import { SiteHeader } from "@/components/share/site-header";
import { LanguageSwitch } from "@/components/ui/language-switch";
import type { Role } from "@/lib/auth/roles";
import { SignOutButton } from "./sign-out-button";

/** The site header of the account pages: where to go next, the language, signing out. */
export async function AccountHeader({ title, role }: { title: string; role?: Role }) {
  const t = await getTranslations("account");
  return (
    <SiteHeader title={title}>
      {role && (
        <>
          <Link href="/" className={quietButton}>
            {t("editor")}
          </Link>
          <Link href="/library" className={quietButton}>
            {t("library")}
          </Link>
          <Link href="/account" className={quietButton}>
            {t("account")}
          </Link>
          {role === "owner" && (
            <Link href="/members" className={quietButton}>
              {t("members")}
            </Link>
          )}
        </>
      )}
      <LanguageSwitch />
      {role && <SignOutButton />}
    </SiteHeader>
  );
}
