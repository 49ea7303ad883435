"use client";

import { KeyRound, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import useSWR from "swr";
import { toast } from "@/lib/browser/toast";
import { dangerButton, secondaryButton } from "@/components/share/button-styles";
import { authClient, authClientError } from "@/lib/browser/auth-client";
import { Field, FormError } from "./field";
import { formatDate } from "./format-date";
import { Empty, Row, Rows, Section } from "./section";
import { throwIfAuthError, useAction } from "./use-action";

type Passkey = { id: string; name?: string | null; createdAt?: Date | string | null };

async function loadPasskeys(): Promise<Passkey[]> {
  const { data, error } = await authClient.passkey.listUserPasskeys();
  throwIfAuthError(authClientError(error));
  return data ?? [];
}

export function PasskeysSection() {
  const t = useTranslations("account");
  const locale = useLocale();
  const { data, mutate } = useSWR("passkeys", loadPasskeys);
  const { pending, error, run } = useAction();
  const [name, setName] = useState(t("passkeyDefaultName"));

  return (
    <Section id="passkeys" title={t("passkeys")} intro={t("passkeysIntro")}>
      <div className="flex flex-col gap-4">
        {data && data.length === 0 && <Empty text={t("noPasskeys")} />}
        {data && data.length > 0 && (
          <Rows label={t("passkeys")}>
            {data.map((passkey) => {
              const label = passkey.name || t("passkeyUnnamed");
              return (
                <Row key={passkey.id}>
                  <KeyRound className="size-4 text-neutral-500" aria-hidden />
                  <span className="text-neutral-200">{label}</span>
                  {passkey.createdAt && <span className="text-xs text-neutral-500">{t("addedOn", { date: formatDate(passkey.createdAt, locale) })}</span>}
                  <button
                    type="button"
                    className={`${dangerButton} ml-auto h-8`}
                    aria-label={t("removePasskey", { name: label })}
                    disabled={pending}
                    onClick={() => run(async () => throwIfAuthError(authClientError((await authClient.passkey.deletePasskey({ id: passkey.id })).error))).then(() => mutate())}
                  >
                    <Trash2 className="size-4" aria-hidden /> {t("remove")}
                  </button>
                </Row>
              );
            })}
          </Rows>
        )}
        <form
          className="flex items-end gap-2"
          onSubmit={async (event) => {
            event.preventDefault();
            const ok = await run(async () => throwIfAuthError(authClientError((await authClient.passkey.addPasskey({ name })).error)));
            if (ok) {
              toast.success(t("passkeyAdded"));
              await mutate();
            }
          }}
        >
          <div className="flex-1">
            <Field label={t("passkeyName")} name="passkey-name" maxLength={64} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <button type="submit" className={secondaryButton} disabled={pending}>
            <KeyRound className="size-4" aria-hidden /> {t("addPasskey")}
          </button>
        </form>
        <FormError text={error} />
      </div>
    </Section>
  );
}
