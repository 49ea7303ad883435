import Image from "next/image";
import { useTranslations } from "next-intl";
import type { Overlay } from "@/lib/mask/overlay";

type Props = { src: string; overlay: Overlay | null; alt: string };

/**
 * The start frame with what was directed drawn over it: masks as tinted areas (an SVG luminance mask
 * per layer, so erase strokes cut holes exactly as on the canvas) and trajectories as arrows. Pure
 * markup: it renders on the server and needs no JavaScript.
 */
export function DirectedFrame({ src, overlay, alt }: Props) {
  const layers = overlay?.layers ?? [];
  const width = overlay?.width ?? 16;
  const height = overlay?.height ?? 9;
  const sw = overlay?.strokeWidth ?? 2;
  const t = useTranslations("share.overlay");
  const list = useTranslations("list");
  // The overlay's own labels are English (its tests rely on them); the page speaks the visitor's language.
  const labelOf = (key: string, fallback: string) => {
    if (key === "static") return t("staticArea");
    const index = /^region-(\d+)$/.exec(key)?.[1];
    return index === undefined ? fallback : t("region", { n: Number(index) + 1 });
  };
  return (
    <figure>
      <div className="relative overflow-hidden rounded-xl bg-black ring-1 ring-white/10">
        <Image src={src} alt={alt} width={width} height={height} unoptimized className="block h-auto w-full" />
        {overlay && layers.length > 0 && (
          <svg
            viewBox={`0 0 ${width} ${height}`}
            preserveAspectRatio="none"
            className="pointer-events-none absolute inset-0 size-full"
            role="img"
            aria-label={t("label", { layers: layers.map((layer) => labelOf(layer.key, layer.label)).join(list("separator")) })}
            data-testid="direction-overlay"
          >
            <defs>
              {layers.map((layer) =>
                layer.maskHref ? (
                  <mask key={layer.key} id={`mask-${layer.key}`} maskUnits="userSpaceOnUse" x={0} y={0} width={width} height={height}>
                    <image href={layer.maskHref} x={0} y={0} width={width} height={height} preserveAspectRatio="none" />
                  </mask>
                ) : null,
              )}
              {layers.map((layer) =>
                layer.path ? (
                  <marker key={layer.key} id={`arrow-${layer.key}`} viewBox="0 0 10 10" refX={5} refY={5} markerWidth={3.6} markerHeight={3.6} orient="auto">
                    <path d="M0,0 L10,5 L0,10 z" fill={layer.color} />
                  </marker>
                ) : null,
              )}
            </defs>
            {layers.map((layer) =>
              layer.maskHref ? (
                <rect key={layer.key} data-layer={layer.key} width={width} height={height} fill={layer.color} fillOpacity={0.42} mask={`url(#mask-${layer.key})`} />
              ) : null,
            )}
            {layers.map((layer) =>
              layer.path && layer.start ? (
                <g key={layer.key} data-trajectory={layer.key}>
                  {/* A dark halo keeps the path readable on bright and busy frames alike. */}
                  <polyline points={layer.path} fill="none" stroke="#000" strokeOpacity={0.55} strokeWidth={sw * 2.2} strokeLinecap="round" strokeLinejoin="round" />
                  <polyline points={layer.path} fill="none" stroke={layer.color} strokeWidth={sw} strokeLinecap="round" strokeLinejoin="round" markerEnd={`url(#arrow-${layer.key})`} />
                  <circle cx={layer.start.x} cy={layer.start.y} r={sw * 1.8} fill={layer.color} stroke="#000" strokeOpacity={0.55} strokeWidth={sw * 0.6} />
                </g>
              ) : null,
            )}
          </svg>
        )}
      </div>
      {layers.length > 0 && (
        <figcaption className="mt-2.5 flex flex-wrap gap-1.5">
          {layers.map((layer) => (
            <span key={layer.key} className="inline-flex items-center gap-1.5 rounded-full border border-neutral-800 bg-neutral-900 px-2 py-0.5 text-xs text-neutral-300">
              <span className="size-2 rounded-full" style={{ backgroundColor: layer.color }} aria-hidden />
              {labelOf(layer.key, layer.label)}
              {layer.path ? <span className="text-neutral-500">{t("path")}</span> : null}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
