import { Editor } from "@/components/editor/editor";

export default function Home() {
  return <Editor />;
}
