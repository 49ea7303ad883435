import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { AccountHeader } from "@/components/account/account-header";
import { ApiKeysSection } from "@/components/account/api-keys-section";
import { BudgetSection } from "@/components/account/budget-section";
import { PasskeysSection } from "@/components/account/passkeys-section";
import { ProfileSection } from "@/components/account/profile-section";
import { SessionsSection } from "@/components/account/sessions-section";
import { getApp } from "@/lib/server/app-context";
import { createBudgetStore } from "@/lib/server/auth/budget-store";
import { requirePageCaller } from "@/lib/server/auth/page-access";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("metaAccount"), robots: { index: false } };
}

export default async function AccountPage() {
  const caller = await requirePageCaller("/account");
  const { db } = await getApp();
  const [budget, t] = await Promise.all([createBudgetStore(db).get(caller.user.id), getTranslations("account")]);
  return (
    <NextIntlClientProvider>
      <div className="min-h-full">
        <AccountHeader title={t("account")} role={caller.user.role} />
        <main className="mx-auto flex max-w-3xl flex-col gap-5 px-4 py-6">
          <div>
            <h1 className="text-lg font-semibold tracking-tight text-neutral-50">{t("accountTitle")}</h1>
            <p className="text-sm text-neutral-500">{t("accountIntro")}</p>
          </div>
          <ProfileSection user={caller.user} />
          <BudgetSection budget={budget} />
          <PasskeysSection />
          <SessionsSection />
          <ApiKeysSection />
        </main>
      </div>
    </NextIntlClientProvider>
  );
}
