import { NextIntlClientProvider } from "next-intl";
import { Editor } from "@/components/editor/editor";

// Messages go to the browser only on pages with client components that need them (not share pages).
export default function Home() {
  return (
    <NextIntlClientProvider>
      <Editor />
    </NextIntlClientProvider>
  );
}
