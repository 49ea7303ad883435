import { getLocale, getTranslations } from "next-intl/server";
import type { Budget } from "@/lib/browser/account-api";
import { Section } from "./section";

/** This month's units: used, reserved by running tasks, and the limit (if any). */
export async function BudgetSection({ budget }: { budget: Budget }) {
  const [t, locale] = await Promise.all([getTranslations("account"), getLocale()]);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const used = number.format(budget.usedUnits);
  const share = budget.monthlyUnits ? Math.min(1, (budget.usedUnits + budget.reservedUnits) / budget.monthlyUnits) : 0;
  return (
    <Section id="budget" title={t("budget")} intro={t("budgetSince", { date: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(budget.periodStart)) })}>
      <p className="text-sm text-neutral-200">
        {budget.monthlyUnits === null ? `${t("budgetUsedOnly", { used })} · ${t("budgetUnlimited")}` : t("budgetOf", { used, limit: number.format(budget.monthlyUnits) })}
      </p>
      {budget.monthlyUnits !== null && (
        <div className="mt-2 h-1.5 overflow-hidden rounded-full bg-neutral-800" role="presentation">
          <div className="h-full rounded-full bg-sky-400" style={{ width: `${share * 100}%` }} />
        </div>
      )}
      {budget.reservedUnits > 0 && <p className="mt-2 text-xs text-neutral-500">{t("budgetReserved", { reserved: number.format(budget.reservedUnits) })}</p>}
    </Section>
  );
}
