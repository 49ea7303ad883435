"use client";

import { useState } from "react";
import { ApiError } from "@/lib/browser/api";
import { apiErrorText, type ErrorLike } from "@/lib/text/server-text";
import { useTranslator } from "@/lib/browser/use-translator";

/** Runs one async action at a time and keeps its failure as a translated sentence. */
export function useAction() {
  const tr = useTranslator();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>): Promise<boolean> {
    setPending(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (caught) {
      const like: ErrorLike = caught instanceof ApiError ? caught : { code: "internal-error", message: caught instanceof Error ? caught.message : String(caught) };
      setError(apiErrorText(like, tr));
      return false;
    } finally {
      setPending(false);
    }
  }

  return { pending, error, run, setError };
}

/** Turns a Better Auth client `{error}` result into an ApiError, so useAction can show it. */
export function throwIfAuthError(error: { code: string; message: string } | null): void {
  if (error) throw new ApiError(error.code, error.message, 400);
}
