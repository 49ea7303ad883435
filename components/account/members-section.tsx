"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import useSWR from "swr";
import { toast } from "@/lib/browser/toast";
import { quietButton, secondaryButton } from "@/components/share/button-styles";
import { listMembers, signOutMember, updateMember, type Member } from "@/lib/browser/account-api";
import { FormError, inputClass } from "./field";
import { parseUnits } from "./invite-section";
import { Row, Rows, Section } from "./section";
import { useAction } from "./use-action";

function MemberRow({ member, isSelf, onChange }: { member: Member; isSelf: boolean; onChange: () => Promise<unknown> }) {
  const t = useTranslations("account");
  const { pending, error, run } = useAction();
  const [units, setUnits] = useState(member.budget.monthlyUnits === null ? "" : String(member.budget.monthlyUnits));
  const parsed = parseUnits(units);
  return (
    <Row>
      <div className="min-w-48 flex-1">
        <p className="text-neutral-100">
          {member.name} {isSelf && <span className="text-xs text-neutral-500">({t("you")})</span>}
        </p>
        <p className="text-xs text-neutral-500">
          {member.email} · {t(`roles.${member.role}`)} · {t("sessionsCount", { count: member.activeSessions })}
        </p>
      </div>
      <span className={`rounded px-1.5 py-0.5 text-xs ${member.disabled ? "bg-red-500/15 text-red-300" : "bg-emerald-500/15 text-emerald-300"}`}>
        {member.disabled ? t("disabled") : t("active")}
      </span>
      <form
        className="flex items-center gap-1.5"
        onSubmit={async (event) => {
          event.preventDefault();
          if (parsed === undefined) return;
          if (await run(async () => void (await updateMember(member.id, { monthlyUnits: parsed })))) {
            toast.success(t("memberSaved"));
            await onChange();
          }
        }}
      >
        <input
          aria-label={t("setBudget", { name: member.name })}
          className={`${inputClass} w-24`}
          inputMode="decimal"
          placeholder="∞"
          value={units}
          aria-invalid={parsed === undefined}
          onChange={(e) => setUnits(e.target.value)}
        />
        <button type="submit" className={`${secondaryButton} shrink-0 whitespace-nowrap`} disabled={pending || parsed === undefined}>
          {t("save")}
        </button>
      </form>
      <button
        type="button"
        className={`${quietButton} whitespace-nowrap`}
        aria-label={t("revokeSessionsLabel", { name: member.name })}
        disabled={pending}
        onClick={async () => {
          if (await run(async () => void (await signOutMember(member.id)))) {
            toast.success(t("memberSignedOut"));
            await onChange();
          }
        }}
      >
        {t("revokeSessions")}
      </button>
      {member.role !== "owner" && (
        <button type="button" className={`${quietButton} whitespace-nowrap`} disabled={pending} onClick={() => run(async () => void (await updateMember(member.id, { disabled: !member.disabled }))).then(onChange)}>
          {member.disabled ? t("enable") : t("disable")}
        </button>
      )}
      {error && (
        <div className="basis-full">
          <FormError text={error} />
        </div>
      )}
    </Row>
  );
}

export function MembersSection({ selfId }: { selfId: string }) {
  const t = useTranslations("account");
  const { data, mutate } = useSWR("members", listMembers);
  return (
    <Section id="members" title={t("memberList")}>
      {data && (
        <Rows label={t("memberList")}>
          {data.map((member) => (
            <MemberRow key={member.id} member={member} isSelf={member.id === selfId} onChange={() => mutate()} />
          ))}
        </Rows>
      )}
    </Section>
  );
}
