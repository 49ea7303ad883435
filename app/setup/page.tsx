import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AccountHeader } from "@/components/account/account-header";
import { AuthCard } from "@/components/account/auth-card";
import { SignUpForm } from "@/components/account/sign-up-form";
import { installHasUsers } from "@/lib/server/auth/page-access";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("metaSetup"), robots: { index: false } };
}

/** First run only: creates the owner. Once anyone has an account, this is the sign-in page. */
export default async function SetupPage() {
  if (await installHasUsers()) redirect("/sign-in");
  const t = await getTranslations("account");
  return (
    <NextIntlClientProvider>
      <AccountHeader title={t("setupTitle")} />
      <AuthCard title={t("setupTitle")} intro={t("setupIntro")}>
        <SignUpForm submitLabel={t("setupSubmit")} />
      </AuthCard>
    </NextIntlClientProvider>
  );
}
