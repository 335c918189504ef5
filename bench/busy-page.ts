/**
 * Run in the sandbox HubSpot deal page before it loads (page.addInitScript) by `npm run bench`:
 * makes it a busy page, as a live CRM page is, with a large DOM (an activity timeline of a few
 * thousand elements) and `__benchBursts` to mutate it in bursts. With `stage: 'none'` the
 * stage element is taken away before the content script runs, as on a layout none of the
 * stage selectors match. Serialised into the page: it may use nothing from outside.
 */
export function installBusyPage(stage: string): void {
  addEventListener('DOMContentLoaded', () => {
    const timeline = document.createElement('section');
    for (let i = 0; i < 600; i++) {
      const item = timeline.appendChild(document.createElement('article'));
      const header = item.appendChild(document.createElement('header'));
      header.append(
        Object.assign(document.createElement('b'), { textContent: 'Email' }),
        Object.assign(document.createElement('time'), { textContent: `${i} min ago` }),
      );
      const text = item.appendChild(document.createElement('p'));
      text.append(
        'Follow-up ',
        Object.assign(document.createElement('a'), { href: '#', textContent: `thread ${i}` }),
        ' with ',
        Object.assign(document.createElement('span'), { textContent: 'someone' }),
      );
      const footer = item.appendChild(document.createElement('footer'));
      for (const label of ['Reply', 'More'])
        footer.append(Object.assign(document.createElement('button'), { textContent: label }));
    }
    document.body.append(timeline);
    if (stage === 'none')
      document.querySelector('[data-test-id="record-highlight-stage"]')?.remove();
    const live = document.body.appendChild(document.createElement('div'));
    /** `bursts` bursts of `size` mutations (rows added, each row's text set), one per task. */
    (window as unknown as { __benchBursts: unknown }).__benchBursts = (
      bursts: number,
      size: number,
      gapMs: number,
    ) =>
      new Promise<void>((resolve) => {
        let done = 0;
        const burst = () => {
          live.replaceChildren();
          for (let i = 0; i < size / 2; i++) {
            live.appendChild(document.createElement('span')).textContent = `update ${done}.${i}`;
          }
          if (++done < bursts) setTimeout(burst, gapMs);
          else setTimeout(resolve, 100);
        };
        burst();
      });
  });
}
