/**
 * react-konva on Konva's core and only the shapes the board draws, instead of the full build (which
 * adds every shape and all the image filters): the board page loads less. Import canvas components
 * from here, never from 'react-konva' itself, which would bring the full build back.
 */
import 'konva/lib/shapes/Arrow'
import 'konva/lib/shapes/Circle'
import 'konva/lib/shapes/Ellipse'
import 'konva/lib/shapes/Image'
import 'konva/lib/shapes/Label'
import 'konva/lib/shapes/Line'
import 'konva/lib/shapes/Path'
import 'konva/lib/shapes/Rect'
import 'konva/lib/shapes/Text'
import 'konva/lib/shapes/Transformer'

import type { ComponentType, ReactNode } from 'react'
import type { KonvaNodeEvents } from 'react-konva/lib/ReactKonvaCore'
import type { WindowLayerConfig } from './windowLayer'
import './windowLayer'

/** A layer whose canvases cover only `area` of the stage (see windowLayer.ts). */
export const WindowLayer = 'WindowLayer' as unknown as ComponentType<
  WindowLayerConfig & KonvaNodeEvents & { children?: ReactNode }
>

export {
  Arrow,
  Circle,
  Ellipse,
  Group,
  Image,
  Label,
  Layer,
  Line,
  Path,
  Rect,
  Shape,
  Stage,
  Tag,
  Text,
  Transformer,
} from 'react-konva/lib/ReactKonvaCore'
