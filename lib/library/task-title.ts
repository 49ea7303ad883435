import * as z from "@/lib/validation/zod";

/**
 * A task's title: what the library, its search and its sort know a task by. Stored per task; a new
 * task's title comes from its prompt, and the creator may rename it. Pure, for server and browser.
 */

export const TITLE_MAX = 80;

/** The first words of the prompt, on one line, cut at a word boundary to fit TITLE_MAX. "" for no prompt. */
export function defaultTitle(prompt: string): string {
  const line = prompt.replace(/\s+/g, " ").trim();
  if (line.length <= TITLE_MAX) return line;
  const room = line.slice(0, TITLE_MAX - 1);
  const space = room.lastIndexOf(" ");
  // A long first word (or a language written without spaces) is cut mid-word rather than dropped.
  const cut = space >= TITLE_MAX / 2 ? room.slice(0, space) : room;
  return `${cut.trimEnd()}…`;
}

/** `PATCH /api/tasks/:id` body. An empty title means "back to the default from the prompt". */
export const titlePatchSchema = z.strictObject({
  title: z.pipe(
    z.pipe(
      z.string({ error: "must be a string" }),
      z.transform((value: string) => value.replace(/\s+/g, " ").trim()),
    ),
    z.string().check(z.maxLength(TITLE_MAX, { error: `must be at most ${TITLE_MAX} characters` })),
  ),
});
export type TitlePatch = z.infer<typeof titlePatchSchema>;

/** The title to store for a patch: the creator's words, or the prompt's when they cleared it. */
export function titleToStore(patch: TitlePatch, prompt: string): string {
  return patch.title || defaultTitle(prompt);
}

/** What to show: the stored title, or `untitled` (already in the UI's language) when there is none. */
export function displayTitle(task: { title: string }, untitled: string): string {
  return task.title.trim() || untitled;
}
