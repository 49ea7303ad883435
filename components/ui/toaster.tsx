"use client";

import dynamic from "next/dynamic";
import { loadSonner } from "@/lib/browser/toast";

/** sonner's Toaster, loaded after the page (see lib/browser/toast.ts). */
const SonnerToaster = dynamic(() => loadSonner().then((module) => module.Toaster), { ssr: false });

export function Toaster() {
  return <SonnerToaster theme="dark" position="bottom-center" richColors closeButton />;
}
