import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { makeTranslator } from "./translator";

/** The real catalogues, for tests of the text helpers: English must read as before, Chinese as Chinese. */
export const EN = makeTranslator("en", en);
export const ZH = makeTranslator("zh-CN", zh);
