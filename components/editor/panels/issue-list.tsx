"use client";

import { CircleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTranslator } from "@/lib/browser/use-translator";
import { fixAnchor } from "@/lib/editor/fix-anchor";
import type { RuleIssue } from "@/lib/kling/rules";
import { issueText } from "@/lib/text/issue-text";
import { focusFix } from "../focus-fix";

export type IssueListProps = { id: string; issues: RuleIssue[] };

/** What the recipe still lacks before Generate is enabled; an issue the sidebar can fix links to its control. */
export function IssueList({ id, issues }: IssueListProps) {
  const t = useTranslations("generate");
  const tr = useTranslator();
  return (
    <div id={id} className="rounded-md border border-neutral-800 bg-neutral-900/60 p-2 text-xs">
      <p className="mb-1 font-medium text-neutral-300">{t("before")}</p>
      <ul className="space-y-0.5 text-neutral-400">
        {issues.map((issue) => {
          const anchor = fixAnchor(issue);
          const text = issueText(issue, tr);
          return (
            <li key={`${issue.field}-${issue.rule}-${issue.message}`}>
              {/* A button when something in the sidebar fixes it: the click goes there and focuses it. */}
              {anchor ? (
                <button
                  type="button"
                  onClick={() => focusFix(anchor)}
                  title={t("goFix")}
                  className="flex w-full items-start gap-1.5 rounded px-0.5 text-left outline-none hover:bg-neutral-800/70 hover:text-neutral-100 focus-visible:ring-2 focus-visible:ring-sky-400"
                >
                  <CircleAlert className="mt-0.5 size-3 shrink-0 text-amber-400" aria-hidden />
                  <span className="underline decoration-neutral-600 underline-offset-2">{text}</span>
                </button>
              ) : (
                <span className="flex items-start gap-1.5 px-0.5">
                  <CircleAlert className="mt-0.5 size-3 shrink-0 text-amber-400" aria-hidden />
                  <span>{text}</span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
