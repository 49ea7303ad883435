"use client";

import { Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import useSWR from "swr";
import { dangerButton, secondaryButton } from "@/components/share/button-styles";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/browser/account-api";
import { CopyField } from "./copy-field";
import { Field, FormError } from "./field";
import { formatDate } from "./format-date";
import { Empty, Row, Rows, Section } from "./section";
import { useAction } from "./use-action";

export function ApiKeysSection() {
  const t = useTranslations("account");
  const locale = useLocale();
  const { data, mutate } = useSWR("api-keys", listApiKeys);
  const { pending, error, run } = useAction();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<string | null>(null);

  return (
    <Section id="api-keys" title={t("apiKeys")} intro={t("apiKeysIntro")}>
      <div className="flex flex-col gap-4">
        <form
          className="flex items-end gap-2"
          onSubmit={async (event) => {
            event.preventDefault();
            await run(async () => {
              setCreated((await createApiKey(name)).token);
              setName("");
              await mutate();
            });
          }}
        >
          <div className="flex-1">
            <Field label={t("keyName")} name="key-name" required maxLength={64} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <button type="submit" className={secondaryButton} disabled={pending || !name.trim()}>
            {t("createKey")}
          </button>
        </form>
        {created && (
          <div className="flex flex-col gap-2 rounded-md border border-sky-400/30 bg-sky-400/5 p-3">
            <p className="text-sm text-sky-200">{t("keyCreated")}</p>
            <CopyField label={t("apiKeys")} value={created} />
          </div>
        )}
        <FormError text={error} />
        {data && data.length === 0 && <Empty text={t("noKeys")} />}
        {data && data.length > 0 && (
          <Rows label={t("apiKeys")}>
            {data.map((key) => (
              <Row key={key.id}>
                <span className="text-neutral-200">{key.name}</span>
                {key.start && <code className="text-xs text-neutral-500">{key.start}…</code>}
                <span className="text-xs text-neutral-500">{key.lastUsedAt ? t("keyLastUsed", { date: formatDate(key.lastUsedAt, locale) }) : t("keyNeverUsed")}</span>
                <button
                  type="button"
                  className={`${dangerButton} ml-auto h-8`}
                  aria-label={t("revokeKey", { name: key.name })}
                  disabled={pending}
                  onClick={() => run(async () => void (await revokeApiKey(key.id))).then(() => mutate())}
                >
                  <Trash2 className="size-4" aria-hidden /> {t("revoke")}
                </button>
              </Row>
            ))}
          </Rows>
        )}
      </div>
    </Section>
  );
}
