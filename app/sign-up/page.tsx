import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AccountHeader } from "@/components/account/account-header";
import { AuthCard } from "@/components/account/auth-card";
import { SignUpForm } from "@/components/account/sign-up-form";
import { secondaryButton } from "@/components/share/button-styles";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("metaSignUp"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where invite links land. The invite itself is checked when the account is created. */
export default async function SignUpPage({ searchParams }: Props) {
  const raw = (await searchParams).invite;
  const invite = typeof raw === "string" && raw.length <= 100 ? raw : undefined;
  const t = await getTranslations("account");
  return (
    <NextIntlClientProvider>
      <AccountHeader title={t("signUpTitle")} />
      <AuthCard title={t("signUpTitle")} intro={t("signUpIntro")}>
        {invite ? (
          <SignUpForm inviteToken={invite} submitLabel={t("signUpSubmit")} />
        ) : (
          <div className="flex flex-col gap-4 text-sm text-neutral-300">
            <p>{t("inviteMissing")}</p>
            <Link href="/sign-in" className={secondaryButton}>
              {t("toSignIn")}
            </Link>
          </div>
        )}
      </AuthCard>
    </NextIntlClientProvider>
  );
}
