import type { CameraChoice } from "@/lib/text/camera";

type View = { x: number; y: number; w: number; h: number };

/**
 * Where the camera's view starts (solid) and ends (dashed) for each choice, in a 56×36 box.
 * Pulling back = a bigger end view, pushing in = a smaller one, turning = a shifted, narrower one.
 */
const END_VIEW: Record<Exclude<CameraChoice, "none" | "simple">, View> = {
  down_back: { x: 8, y: 8, w: 40, h: 26 },
  forward_up: { x: 20, y: 6, w: 16, h: 10 },
  right_turn_forward: { x: 32, y: 12, w: 16, h: 12 },
  left_turn_forward: { x: 8, y: 12, w: 16, h: 12 },
};
const START: View = { x: 16, y: 10, w: 24, h: 16 };

const centre = (v: View) => ({ x: v.x + v.w / 2, y: v.y + v.h / 2 });

export function CameraDiagram({ choice }: { choice: CameraChoice }) {
  return (
    <svg viewBox="0 0 56 36" className="h-9 w-14" aria-hidden focusable="false">
      <rect x={0.5} y={0.5} width={55} height={35} rx={3} className="fill-neutral-950 stroke-neutral-800" />
      {choice === "none" && (
        <>
          <rect {...toRect(START)} rx={1.5} className="fill-none stroke-neutral-400" strokeWidth={1.2} />
          <line x1={12} y1={30} x2={44} y2={6} className="stroke-neutral-600" strokeWidth={1.2} />
        </>
      )}
      {choice === "simple" &&
        [10, 18, 26].map((y, i) => (
          <g key={y}>
            <line x1={10} y1={y} x2={46} y2={y} className="stroke-neutral-600" strokeWidth={1.2} strokeLinecap="round" />
            <circle cx={[36, 20, 28][i]} cy={y} r={2.6} className="fill-sky-400" />
          </g>
        ))}
      {choice !== "none" && choice !== "simple" && <Move end={END_VIEW[choice]} />}
    </svg>
  );
}

function toRect(v: View) {
  return { x: v.x, y: v.y, width: v.w, height: v.h };
}

function Move({ end }: { end: View }) {
  const from = centre(START);
  const to = centre(end);
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const head = (da: number) => `${to.x - 4 * Math.cos(angle + da)},${to.y - 4 * Math.sin(angle + da)}`;
  return (
    <>
      <rect {...toRect(START)} rx={1.5} className="fill-none stroke-neutral-400" strokeWidth={1.2} />
      <rect {...toRect(end)} rx={1.5} className="fill-sky-400/10 stroke-sky-400" strokeWidth={1.2} strokeDasharray="2.5 2" />
      <line x1={from.x} y1={from.y} x2={to.x} y2={to.y} className="stroke-sky-300" strokeWidth={1.4} strokeLinecap="round" />
      <polygon points={`${to.x},${to.y} ${head(0.5)} ${head(-0.5)}`} className="fill-sky-300" />
    </>
  );
}
