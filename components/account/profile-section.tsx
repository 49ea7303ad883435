"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/lib/browser/toast";
import { secondaryButton } from "@/components/share/button-styles";
import { authClient, authClientError } from "@/lib/browser/auth-client";
import { Field, FormError } from "./field";
import { Section } from "./section";
import { throwIfAuthError, useAction } from "./use-action";

type User = { name: string; email: string; role: "owner" | "member" };

export function ProfileSection({ user }: { user: User }) {
  const t = useTranslations("account");
  const { pending, error, run } = useAction();
  const [name, setName] = useState(user.name);
  return (
    <Section id="profile" title={t("profile")}>
      <form
        className="flex flex-col gap-4"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await run(async () => throwIfAuthError(authClientError((await authClient.updateUser({ name })).error)))) toast.success(t("saved"));
        }}
      >
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-neutral-500">{t("email")}</dt>
          <dd className="text-neutral-200">{user.email}</dd>
          <dt className="text-neutral-500">{t("role")}</dt>
          <dd className="text-neutral-200">{t(`roles.${user.role}`)}</dd>
        </dl>
        <div className="flex items-end gap-2">
          <div className="flex-1">
            <Field label={t("name")} name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <button type="submit" className={secondaryButton} disabled={pending || name.trim() === user.name}>
            {t("save")}
          </button>
        </div>
        <FormError text={error} />
      </form>
    </Section>
  );
}
