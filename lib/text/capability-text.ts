import { supports, type Feature } from "@/lib/kling/capabilities";
import { DURATIONS, MODEL_NAMES, MODES, type Duration, type Mode, type ModelName } from "@/lib/recipe/schema";
import { joinList, type Translator } from "./translator";

/**
 * `unsupportedReason` of lib/kling/capabilities in the UI's language: the same sentence ("Motion brush
 * needs kling-v1 (std or pro) or kling-v1-5 pro, at 5 s."), built from the same table through
 * `supports`, with the words from the catalogue (`capability.*`). In English it equals the original
 * word for word (tested), so the form and the server's 422 say the same thing.
 */

type Offer = { model: ModelName; modes: Mode[]; durations: Duration[] };

function offers(feature: Feature): Offer[] {
  return MODEL_NAMES.flatMap((model) => {
    const combos = MODES.flatMap((mode) => DURATIONS.filter((d) => supports(feature, model, mode, d)).map((duration) => ({ mode, duration })));
    if (combos.length === 0) return [];
    return [{
      model,
      modes: MODES.filter((mode) => combos.some((c) => c.mode === mode)),
      durations: DURATIONS.filter((duration) => combos.some((c) => c.duration === duration)),
    }];
  });
}

/** "5 s", "5 or 10 s"; null when every duration works (nothing worth saying). */
function durationText(durations: readonly Duration[], tr: Translator): string | null {
  if (durations.length === DURATIONS.length) return null;
  return tr.t("capability.seconds", { list: joinList(durations, "or", tr) });
}

function modeText(modes: readonly Mode[], tr: Translator): string {
  return joinList(modes.map((mode) => tr.t(`modes.${mode}`)), "or", tr);
}

/** "kling-v1 (std or pro)", "kling-v1-5 pro", "kling-v1 (std or pro, 5 s)". */
function describeOffer(offer: Offer, withDuration: boolean, tr: Translator): string {
  const modes = modeText(offer.modes, tr);
  const seconds = withDuration ? durationText(offer.durations, tr) : null;
  if (offer.modes.length < MODES.length && !seconds) return tr.t("capability.modelMode", { model: offer.model, mode: modes });
  const details = seconds ? tr.t("capability.modesAndDuration", { modes, duration: seconds }) : modes;
  return tr.t("capability.modelDetails", { model: offer.model, details });
}

/** "kling-v1 (std or pro) or kling-v1-5 pro, at 5 s": every model, mode and duration offering it. */
export function offerText(feature: Feature, tr: Translator): string {
  const offered = offers(feature);
  const durationSets = new Set(offered.map((offer) => offer.durations.join("+")));
  const shared = durationSets.size === 1 ? durationText(offered[0]?.durations ?? [], tr) : null;
  const models = joinList(offered.map((offer) => describeOffer(offer, durationSets.size > 1, tr)), "or", tr);
  return shared ? tr.t("capability.atDuration", { models, duration: shared }) : models;
}

/** The whole sentence: "Motion brush needs …, at 5 s." */
export function requirementText(feature: Feature, tr: Translator): string {
  return tr.t(`capability.needs.${feature}`, { requirement: offerText(feature, tr) });
}

/** Why the feature cannot be used with these settings, or null when it can. */
export function unsupportedText(feature: Feature, settings: { model: ModelName; mode: Mode; duration: Duration }, tr: Translator): string | null {
  return supports(feature, settings.model, settings.mode, settings.duration) ? null : requirementText(feature, tr);
}
