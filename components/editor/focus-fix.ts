"use client";

const FOCUSABLE = 'button:not([disabled]):not([tabindex="-1"]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]';

/**
 * Scrolls the control behind a `data-fix` anchor into view and focuses it (a "Before generating"
 * item was clicked). Inside the anchor, a `[data-fix-first]` part (a conflict's choice) wins over the
 * rest; otherwise the first focusable control. Returns whether there was anything to go to.
 */
export function focusFix(anchor: string): boolean {
  const el = document.querySelector<HTMLElement>(`[data-fix="${CSS.escape(anchor)}"]`);
  if (!el) return false;
  const target =
    el.querySelector<HTMLElement>(`[data-fix-first] :is(${FOCUSABLE})`) ?? (el.matches(FOCUSABLE) ? el : el.querySelector<HTMLElement>(FOCUSABLE)) ?? el;
  target.scrollIntoView({ block: "center", behavior: "smooth" });
  target.focus({ preventScroll: true });
  return true;
}
