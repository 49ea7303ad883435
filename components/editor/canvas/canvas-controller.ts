/** What the rest of the editor may ask of the canvas (zoom buttons, shortcuts, Escape). */
export type CanvasController = {
  fit(): void;
  actualSize(): void;
  zoomIn(): void;
  zoomOut(): void;
  cancelGesture(): void;
};
