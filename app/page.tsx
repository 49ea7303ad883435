import { NextIntlClientProvider } from "next-intl";
import { Editor } from "@/components/editor/editor";
import { requirePageCaller } from "@/lib/server/auth/page-access";

// Messages go to the browser only on pages with client components that need them (not share pages).
export default async function Home() {
  await requirePageCaller("/");
  return (
    <NextIntlClientProvider>
      <Editor />
    </NextIntlClientProvider>
  );
}
