"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { primaryButton } from "@/components/share/button-styles";
import { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { signUpWithEmail } from "@/lib/browser/account-api";
import { Field, FormError } from "./field";
import { useAction } from "./use-action";

/** Name, email, password: the owner's set-up (no invite) or an invited member's sign-up. */
export function SignUpForm({ inviteToken, submitLabel }: { inviteToken?: string; submitLabel: string }) {
  const t = useTranslations("account");
  const router = useRouter();
  const { pending, error, run } = useAction();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await run(() => signUpWithEmail({ name, email, password, inviteToken }))) router.replace("/account");
      }}
    >
      <Field label={t("name")} name="name" autoComplete="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      <Field label={t("email")} name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        maxLength={MAX_PASSWORD_LENGTH}
        hint={t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <FormError text={error} />
      <button type="submit" className={primaryButton} disabled={pending}>
        {pending ? t("working") : submitLabel}
      </button>
    </form>
  );
}
