"use client";

import { Monitor } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import useSWR from "swr";
import { dangerButton } from "@/components/share/button-styles";
import { signInPath } from "@/lib/auth/next-path";
import { authClient, authClientError } from "@/lib/browser/auth-client";
import { FormError } from "./field";
import { formatDate } from "./format-date";
import { Row, Rows, Section } from "./section";
import { throwIfAuthError, useAction } from "./use-action";

type SessionItem = { id: string; userAgent?: string | null; createdAt: Date | string };

async function loadSessions(): Promise<{ sessions: SessionItem[]; currentId: string | null }> {
  const [list, current] = await Promise.all([authClient.listSessions(), authClient.getSession()]);
  throwIfAuthError(authClientError(list.error));
  return { sessions: list.data ?? [], currentId: current.data?.session.id ?? null };
}

/** A readable browser name from a user agent, good enough to tell one's devices apart. */
function browserName(userAgent: string | null | undefined, fallback: string): string {
  if (!userAgent) return fallback;
  const browser = /(Edg|Firefox|Chrome|Safari)\/[\d.]+/.exec(userAgent)?.[1]?.replace("Edg", "Edge") ?? fallback;
  const os = /(Windows|Mac OS X|Android|iPhone|iPad|Linux)/.exec(userAgent)?.[1]?.replace("Mac OS X", "macOS");
  return os ? `${browser} · ${os}` : browser;
}

export function SessionsSection() {
  const t = useTranslations("account");
  const locale = useLocale();
  const router = useRouter();
  const { data } = useSWR("sessions", loadSessions);
  const { pending, error, run } = useAction();

  return (
    <Section id="sessions" title={t("sessions")} intro={t("sessionsIntro")}>
      <div className="flex flex-col gap-4">
        {data && (
          <Rows label={t("sessions")}>
            {data.sessions.map((session) => (
              <Row key={session.id}>
                <Monitor className="size-4 text-neutral-500" aria-hidden />
                <span className="text-neutral-200">{browserName(session.userAgent, t("unknownDevice"))}</span>
                {session.id === data.currentId && <span className="rounded bg-sky-400/15 px-1.5 py-0.5 text-xs text-sky-300">{t("thisDevice")}</span>}
                <span className="ml-auto text-xs text-neutral-500">{t("lastActive", { date: formatDate(session.createdAt, locale) })}</span>
              </Row>
            ))}
          </Rows>
        )}
        <div>
          <button
            type="button"
            className={dangerButton}
            disabled={pending}
            onClick={async () => {
              if (await run(async () => throwIfAuthError(authClientError((await authClient.revokeSessions()).error)))) router.replace(signInPath("/account"));
            }}
          >
            {t("signOutEverywhere")}
          </button>
        </div>
        <FormError text={error} />
      </div>
    </Section>
  );
}
