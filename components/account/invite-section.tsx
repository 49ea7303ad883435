"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import useSWR from "swr";
import { primaryButton, quietButton } from "@/components/share/button-styles";
import { createInvite, listInvites, withdrawInvite } from "@/lib/browser/account-api";
import { CopyField } from "./copy-field";
import { Field, FormError } from "./field";
import { formatDate } from "./format-date";
import { Empty, Row, Rows, Section } from "./section";
import { useAction } from "./use-action";

/** "" = no limit; anything else must be a number of units ≥ 0. */
export function parseUnits(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function InviteSection() {
  const t = useTranslations("account");
  const locale = useLocale();
  const { data, mutate } = useSWR("invites", listInvites);
  const { pending, error, run } = useAction();
  const [units, setUnits] = useState("");
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const budgetText = (monthlyUnits: number | null) => (monthlyUnits === null ? t("budgetUnlimited") : t("unitsPerMonth", { units: monthlyUnits }));

  return (
    <Section id="invite" title={t("invite")}>
      <div className="flex flex-col gap-4">
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={async (event) => {
            event.preventDefault();
            const monthlyUnits = parseUnits(units);
            if (monthlyUnits === undefined) return;
            await run(async () => {
              const invite = await createInvite(monthlyUnits);
              setLink({ url: new URL(invite.url, window.location.origin).toString(), expiresAt: invite.expiresAt });
              await mutate();
            });
          }}
        >
          <label className="flex flex-col gap-1 text-sm text-neutral-300">
            <span>{t("inviteRole")}</span>
            <select name="role" className="h-9 rounded-md border border-neutral-700 bg-neutral-950 px-2 text-sm text-neutral-100" defaultValue="member">
              <option value="member">{t("roles.member")}</option>
            </select>
          </label>
          <div className="w-40">
            <Field label={t("inviteBudget")} name="monthly-units" inputMode="decimal" placeholder="∞" value={units} onChange={(e) => setUnits(e.target.value)} aria-invalid={parseUnits(units) === undefined} />
          </div>
          <button type="submit" className={primaryButton} disabled={pending || parseUnits(units) === undefined}>
            {t("createInvite")}
          </button>
          <p className="basis-full text-xs text-neutral-500">{t("inviteBudgetHint")}</p>
        </form>
        {link && (
          <div className="flex flex-col gap-2 rounded-md border border-sky-400/30 bg-sky-400/5 p-3">
            <p className="text-sm text-sky-200">{t("inviteCreated", { date: formatDate(link.expiresAt, locale) })}</p>
            <CopyField label={t("invite")} value={link.url} />
          </div>
        )}
        <FormError text={error} />
        <h3 className="text-xs font-medium uppercase tracking-wide text-neutral-500">{t("pendingInvites")}</h3>
        {data && data.length === 0 && <Empty text={t("noPendingInvites")} />}
        {data && data.length > 0 && (
          <Rows label={t("pendingInvites")}>
            {data.map((invite) => (
              <Row key={invite.id}>
                <span className="text-neutral-200">{t("inviteSummary", { role: t(`roles.${invite.role}`), budget: budgetText(invite.monthlyUnits) })}</span>
                <span className="text-xs text-neutral-500">{t("expires", { date: formatDate(invite.expiresAt, locale) })}</span>
                <button type="button" className={`${quietButton} ml-auto`} disabled={pending} onClick={() => run(async () => void (await withdrawInvite(invite.id))).then(() => mutate())}>
                  {t("withdraw")}
                </button>
              </Row>
            ))}
          </Rows>
        )}
      </div>
    </Section>
  );
}
