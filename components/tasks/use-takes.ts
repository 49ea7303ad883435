"use client";

import useSWR from "swr";
import * as z from "@/lib/validation/zod";
import { requestJson } from "@/lib/browser/api";
import { publicTaskSchema, type Task } from "@/lib/tasks/public-task";
import { otherTakes } from "@/lib/player/takes";

const listSchema = z.object({ tasks: z.array(publicTaskSchema) });
/** Enough takes of one shot for anyone; the picker lists them newest first. */
const TAKE_LIMIT = 50;

const fetchTakes = ([, startFrame]: [string, string]) =>
  requestJson(`/api/tasks?limit=${TAKE_LIMIT}&startFrame=${encodeURIComponent(startFrame)}`, listSchema).then((body) => body.tasks);

/**
 * The other finished takes of this task's shot (lib/player/takes.ts): the server narrows by start
 * frame, the shot rule does the rest. One request per start frame, shared by every card showing it.
 */
export function useTakes(task: Task): Task[] {
  const startFrame = task.recipe.startFrame;
  const { data } = useSWR(startFrame ? ["takes", startFrame] : null, fetchTakes, { revalidateOnFocus: false });
  return data ? otherTakes(task, data) : [];
}
