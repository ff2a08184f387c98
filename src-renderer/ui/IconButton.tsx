import { Button, Tooltip, type ButtonProps, type TooltipProps } from 'antd';

export interface IconButtonProps extends Omit<ButtonProps, 'aria-label' | 'children' | 'title' | 'size'> {
  /** What the button does, in the UI language: its tooltip and its accessible name. */
  readonly label: string;
  readonly testId: string;
  /** Tooltip text when it says more than the label (a shortcut key). */
  readonly tooltip?: string;
  readonly placement?: TooltipProps['placement'];
}

/** A small icon-only button whose label is both its tooltip and its accessible name. */
export function IconButton({ label, testId, tooltip, placement, ...button }: IconButtonProps) {
  return (
    <Tooltip title={tooltip ?? label} {...(placement ? { placement } : {})}>
      <Button size="small" {...button} aria-label={label} data-testid={testId} />
    </Tooltip>
  );
}
