import type { MotionWarning } from "@/lib/motion/warnings";
import { fieldLabel } from "./issue-text";
import type { Translator } from "./translator";

/** A motion warning in words: what is wrong and what Kling will likely do (catalogue `motionWarnings.*`). */
export function motionWarningText(warning: MotionWarning, tr: Translator): string {
  const region = fieldLabel(`regions[${warning.region}]`, tr);
  const other = warning.kind === "regions-overlap" ? fieldLabel(`regions[${warning.other}]`, tr) : "";
  return tr.t(`motionWarnings.${warning.kind}`, { region, other });
}
