"use client";

import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { primaryButton, secondaryButton } from "@/components/share/button-styles";
import { signInWithEmail } from "@/lib/browser/account-api";
import { authClient, authClientError } from "@/lib/browser/auth-client";
import { Field, FormError } from "./field";
import { throwIfAuthError, useAction } from "./use-action";

/** Email + password, or a passkey; then back to `next` (already checked to be a local path). */
export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("account");
  const { pending, error, run } = useAction();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const router = useRouter();
  const done = () => router.replace(next);

  return (
    <div className="flex flex-col gap-4">
      <form
        className="flex flex-col gap-4"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await run(() => signInWithEmail({ email, password }))) done();
        }}
      >
        <Field label={t("email")} name="email" type="email" autoComplete="username webauthn" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field label={t("password")} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <FormError text={error} />
        <button type="submit" className={primaryButton} disabled={pending}>
          {pending ? t("working") : t("signInSubmit")}
        </button>
      </form>
      <div className="flex items-center gap-3 text-xs text-neutral-500" aria-hidden>
        <span className="h-px flex-1 bg-neutral-800" />
        {t("or")}
        <span className="h-px flex-1 bg-neutral-800" />
      </div>
      <button
        type="button"
        className={secondaryButton}
        disabled={pending}
        onClick={async () => {
          const ok = await run(async () => throwIfAuthError(authClientError((await authClient.signIn.passkey()).error)));
          if (ok) done();
        }}
      >
        <KeyRound className="size-4" aria-hidden /> {t("signInPasskey")}
      </button>
      <p className="text-xs text-neutral-500">{t("noAccount")}</p>
    </div>
  );
}
