import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { AccountHeader } from "@/components/account/account-header";
import { InviteSection } from "@/components/account/invite-section";
import { MembersSection } from "@/components/account/members-section";
import { requirePageCaller } from "@/lib/server/auth/page-access";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("metaMembers"), robots: { index: false } };
}

/** The owner's page: invite people, budgets, disable, sign out. Members get a 404. */
export default async function MembersPage() {
  const caller = await requirePageCaller("/members", "owner");
  const t = await getTranslations("account");
  return (
    <NextIntlClientProvider>
      <div className="min-h-full">
        <AccountHeader title={t("members")} role={caller.user.role} />
        <main className="mx-auto flex max-w-4xl flex-col gap-5 px-4 py-6">
          <div>
            <h1 className="text-lg font-semibold tracking-tight text-neutral-50">{t("membersTitle")}</h1>
            <p className="text-sm text-neutral-500">{t("membersIntro")}</p>
          </div>
          <InviteSection />
          <MembersSection selfId={caller.user.id} />
        </main>
      </div>
    </NextIntlClientProvider>
  );
}
