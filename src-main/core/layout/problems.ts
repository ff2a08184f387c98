/** Why a layout cannot be used; each key has a message (zh-CN, en) in src-main/api/messages.ts. */
export const LAYOUT_PROBLEMS = [
  'problem.layout.shape',
  'problem.layout.kind',
  'problem.layout.props',
  'problem.layout.duplicateId',
  'problem.layout.outsidePage',
  'problem.layout.mapFrameRef',
  'problem.layout.crs',
  'problem.layout.secrecyMark',
  'problem.layout.markText',
  'problem.layout.kmGridGeographic',
  'problem.layout.tooSmall',
] as const;
export type LayoutProblemKey = (typeof LAYOUT_PROBLEMS)[number];

/** One problem of a layout: the item (null for the layout itself) and the property path. */
export interface LayoutProblem {
  readonly item: string | null;
  readonly path: string;
  readonly problem: LayoutProblemKey;
}
