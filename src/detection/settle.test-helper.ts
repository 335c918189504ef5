/**
 * Waits until DOM changes made before it have been checked: the MutationObserver's callback (a
 * microtask), then observeDeep's per-frame check (happy-dom runs animation frames as
 * setImmediate, queued before the one here).
 */
export const settle = () => new Promise((resolve) => setTimeout(() => setImmediate(resolve), 0));

/**
 * Renders a stage in `.holder > .stage` the way single-page CRMs do: a fresh element each time
 * (`undefined`: the holder emptied, as during a re-render).
 */
export function showStage(text: string | undefined): void {
  const holder =
    document.querySelector('.holder') ?? document.body.appendChild(document.createElement('div'));
  holder.className = 'holder';
  if (text === undefined) return void holder.replaceChildren();
  const span = document.createElement('span');
  span.className = 'stage';
  span.textContent = text;
  holder.replaceChildren(span);
}
