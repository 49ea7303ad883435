/**
 * Konva's core with only the shapes the canvas draws. "react-konva" pulls in the whole of Konva
 * (filters, Transformer, TextPath, Sprite…); the core build registers a shape when its module is imported.
 */
import "konva/lib/shapes/Arrow";
import "konva/lib/shapes/Circle";
import "konva/lib/shapes/Image";
import "konva/lib/shapes/Label";
import "konva/lib/shapes/Line";
import "konva/lib/shapes/Rect";
import "konva/lib/shapes/Text";

export { Arrow, Circle, Group, Image, Label, Layer, Line, Rect, Stage, Tag, Text, type KonvaNodeComponent } from "react-konva/lib/ReactKonvaCore";
