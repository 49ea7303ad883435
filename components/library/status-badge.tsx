import { AlertOctagon, CheckCircle2, Clock, Loader2 } from "lucide-react";
import type { TaskStatus } from "@/lib/client/api";
import { STATUS_TEXT } from "@/lib/client/task-status";

const TONE: Record<TaskStatus, string> = {
  succeed: "bg-emerald-500/15 text-emerald-300 ring-emerald-400/30",
  failed: "bg-red-500/15 text-red-300 ring-red-400/30",
  queued: "bg-neutral-500/20 text-neutral-200 ring-neutral-400/30",
  submitted: "bg-sky-500/15 text-sky-300 ring-sky-400/30",
  processing: "bg-sky-500/15 text-sky-300 ring-sky-400/30",
};

/** The task's status as a small pill; spins while the task runs. */
export function StatusBadge({ status, className = "" }: { status: TaskStatus; className?: string }) {
  const Icon = status === "succeed" ? CheckCircle2 : status === "failed" ? AlertOctagon : status === "queued" ? Clock : Loader2;
  const spinning = status === "submitted" || status === "processing";
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-[11px] font-medium ring-1 backdrop-blur ${TONE[status]} ${className}`}>
      <Icon className={`size-3 ${spinning ? "animate-spin" : ""}`} aria-hidden />
      {STATUS_TEXT[status]}
    </span>
  );
}
