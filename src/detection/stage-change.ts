type LabelTest = (label: string | undefined) => boolean;

/**
 * What a change of the stage shown means: `lost` when it turned lost from anything else, `won`
 * when it turned won from anything else, nothing otherwise (a move between open stages, or a
 * re-render of the same outcome). Lost wins a tie, so a label both lists match is never a win.
 */
export function stageChange(
  before: string,
  after: string,
  isLost: LabelTest,
  isWon: LabelTest,
): 'lost' | 'won' | undefined {
  if (isLost(after)) return isLost(before) ? undefined : 'lost';
  if (isWon(after)) return isWon(before) && !isLost(before) ? undefined : 'won';
  return undefined;
}
