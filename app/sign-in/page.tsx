import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AccountHeader } from "@/components/account/account-header";
import { AuthCard } from "@/components/account/auth-card";
import { SignInForm } from "@/components/account/sign-in-form";
import { safeNextPath } from "@/lib/auth/next-path";
import { installHasUsers, pageCaller } from "@/lib/server/auth/page-access";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("metaSignIn"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  if (!(await installHasUsers())) redirect("/setup");
  if (await pageCaller()) redirect(next);
  const t = await getTranslations("account");
  return (
    <NextIntlClientProvider>
      <AccountHeader title={t("signInTitle")} />
      <AuthCard title={t("signInTitle")} intro={t("signInIntro")}>
        <SignInForm next={next} />
      </AuthCard>
    </NextIntlClientProvider>
  );
}
