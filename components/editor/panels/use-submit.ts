"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { toast } from "@/lib/browser/toast";
import { ApiError, createTask } from "@/lib/browser/api";
import { frameSizes, syncFrames } from "@/lib/editor/frames";
import { useConfig } from "@/lib/browser/use-api";
import { refreshAccount } from "@/lib/browser/use-account";
import type { Frames } from "@/lib/editor/document";
import { checkRecipe, type RuleIssue } from "@/lib/kling/rules";
import type { Recipe } from "@/lib/recipe/schema";

/**
 * Submitting is shared page state: the Generate button and the Ctrl/Cmd+Enter shortcut may each use
 * `useSubmit`, yet there is one "sending…" state, one server error shown, and one place told about a
 * new task (the mounted GenerateButton's `onSubmitted`). A tiny external store does that.
 * A paid run (provider "kling") first asks for confirmation: `submit` opens the question
 * (`confirming`), the GenerateButton's dialog answers with `confirm` or `cancel`.
 */

type SubmitState = { pending: boolean; confirming: boolean; error: ApiError | null };
let state: SubmitState = { pending: false, confirming: false, error: null };
const subscribers = new Set<() => void>();
const submittedListeners = new Set<(taskId: string) => void>();

function setState(next: Partial<SubmitState>) {
  state = { ...state, ...next };
  subscribers.forEach((notify) => notify());
}

function subscribe(notify: () => void) {
  subscribers.add(notify);
  return () => subscribers.delete(notify);
}

const getState = () => state;
const SERVER_STATE: SubmitState = { pending: false, confirming: false, error: null };

/** Registers who hears about new tasks (the GenerateButton does, with its `onSubmitted`). */
export function onTaskSubmitted(listener: (taskId: string) => void): () => void {
  submittedListeners.add(listener);
  return () => submittedListeners.delete(listener);
}

export function clearSubmitError() {
  setState({ error: null });
}

export type SubmitApi = {
  /**
   * Creates the task; resolves to its id, or null when blocked or refused (the error is in `error`).
   * A paid run resolves null at once and waits for `confirm` instead (`confirming` is true).
   */
  submit: () => Promise<string | null>;
  /** Sends the paid run the user has just confirmed. */
  confirm: () => Promise<string | null>;
  /** Drops the paid run the user declined. */
  cancel: () => void;
  pending: boolean;
  confirming: boolean;
  issues: RuleIssue[];
  error: ApiError | null;
  canSubmit: boolean;
};

export function useSubmit(recipe: Recipe, frames: Frames): SubmitApi {
  const t = useTranslations("generate");
  const { pending, confirming, error } = useSyncExternalStore(subscribe, getState, () => SERVER_STATE);
  const { data: config } = useConfig();
  // Unknown until the config has loaded: then a run is treated as paid, so it is never sent unasked.
  const paid = (recipe.provider ?? config?.defaultProvider ?? "kling") === "kling";
  const synced = useMemo(() => syncFrames(recipe, frames), [recipe, frames]);
  const issues = useMemo(() => checkRecipe(synced, frameSizes(frames)), [synced, frames]);
  const canSubmit = issues.length === 0 && !pending;

  const send = useCallback(async () => {
    // Read the shared state, not this render's copy: a second shortcut press must not send twice.
    if (getState().pending || issues.length > 0) return null;
    setState({ pending: true, confirming: false, error: null });
    try {
      const task = await createTask(synced);
      setState({ pending: false });
      submittedListeners.forEach((listener) => listener(task.id));
      toast.success(task.status === "queued" ? t("queued") : t("submitted"));
      return task.id;
    } catch (caught) {
      // The English text is the ApiError's own message; the UI words it by code (apiErrors.unknown).
      const apiError = caught instanceof ApiError ? caught : new ApiError("unknown", "The task could not be created.", 0);
      setState({ pending: false, error: apiError });
      return null;
    } finally {
      // A paid run reserves units (or is refused for lack of them): the remaining budget moved.
      if (paid) void refreshAccount();
    }
  }, [issues, synced, t, paid]);

  const submit = useCallback(async () => {
    if (getState().pending || issues.length > 0) return null;
    if (!paid) return send();
    setState({ confirming: true, error: null });
    return null;
  }, [issues, paid, send]);

  const cancel = useCallback(() => setState({ confirming: false }), []);

  return { submit, confirm: send, cancel, pending, confirming, issues, error, canSubmit };
}
