import { AlertOctagon, CheckCircle2, Clock, Loader2 } from "lucide-react";
import type { TaskStatus } from "@/lib/tasks/public-task";
import { useTranslations } from "next-intl";

const TONE: Record<TaskStatus, { text: string; tint: string }> = {
  succeed: { text: "text-emerald-300 ring-emerald-400/40", tint: "bg-emerald-500/15" },
  failed: { text: "text-red-300 ring-red-400/40", tint: "bg-red-500/15" },
  queued: { text: "text-neutral-200 ring-neutral-400/40", tint: "bg-neutral-500/20" },
  submitted: { text: "text-sky-300 ring-sky-400/40", tint: "bg-sky-500/15" },
  processing: { text: "text-sky-300 ring-sky-400/40", tint: "bg-sky-500/15" },
};

/**
 * The task's status as a small pill; spins while the task runs. Over a picture it sits on a dark
 * backing, since a tint alone is unreadable on a bright frame.
 */
export function StatusBadge({ status, overImage = false, className = "" }: { status: TaskStatus; overImage?: boolean; className?: string }) {
  const Icon = status === "succeed" ? CheckCircle2 : status === "failed" ? AlertOctagon : status === "queued" ? Clock : Loader2;
  const spinning = status === "submitted" || status === "processing";
  const tone = TONE[status];
  const t = useTranslations("tasks.status");
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-[11px] font-medium ring-1 ${tone.text} ${overImage ? "bg-neutral-950/80 backdrop-blur" : tone.tint} ${className}`}>
      <Icon className={`size-3 ${spinning ? "animate-spin" : ""}`} aria-hidden />
      {t(status)}
    </span>
  );
}
