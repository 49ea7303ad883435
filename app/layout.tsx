import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Motion Studio",
  description: "Turn a still image into a directed video with motion brushes, trajectories and camera moves.",
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="bg-neutral-950 text-neutral-100 antialiased">{children}</body>
    </html>
  );
}
