import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: "Motion Studio",
  description: "Turn a still image into a directed video with motion brushes, trajectories and camera moves.",
};

export const viewport: Viewport = {
  themeColor: "#0a0a0a",
  width: "device-width",
  initialScale: 1,
};

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  const locale = await getLocale();
  return (
    <html lang={locale} className="dark" style={{ colorScheme: "dark" }}>
      <body className="bg-neutral-950 text-neutral-100 antialiased">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
        <Toaster theme="dark" position="bottom-center" richColors closeButton />
      </body>
    </html>
  );
}
