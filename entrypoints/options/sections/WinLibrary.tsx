import { database } from '../../../src/db/database';
import { deleteWin, recentWins } from '../../../src/db/wins';
import { t } from '../../../src/i18n/t';
import { AnswerList, DealLink } from '../../../src/ui/DealText';
import { formatAmount, formatDate } from '../../../src/ui/format';
import { useConfirmDelete } from '../../../src/ui/use-confirm-delete';
import { useLiveQuery } from '../../../src/ui/use-live-query';
import { winAnswers } from '../../../src/lessons/win-questions';
import type { Win } from '../../../src/lessons/win-schema';

/** "What worked": the notes on won deals, kept beside the lessons; delete with a confirmation. */
export function WinLibrary() {
  const wins = useLiveQuery(() => recentWins(database()), []);
  return (
    <section aria-labelledby="wins-title" style={{ display: 'grid', gap: '10px' }}>
      <h2 id="wins-title">{t('wins_title')}</h2>
      {wins.state === 'error' && <p class="status error">{t('wins_read_error', wins.error)}</p>}
      {wins.state === 'ready' && wins.value.length === 0 && <p class="muted">{t('wins_empty')}</p>}
      {wins.state === 'ready' && wins.value.length > 0 && (
        <ul class="lesson-list">
          {wins.value.map((win) => (
            <WinItem key={win.id} win={win} />
          ))}
        </ul>
      )}
    </section>
  );
}

function WinItem({ win }: { win: Win }) {
  const remove = useConfirmDelete(t('wins_delete_question'), () => deleteWin(database(), win.id));
  const facts = [
    t('wins_won_on', formatDate(win.createdAt)),
    win.company,
    formatAmount(win.amount, win.currency),
  ].filter(Boolean);
  return (
    <li class="card" data-testid="win">
      <div class="row" style={{ alignItems: 'flex-start' }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <div class="lesson-name">{win.dealName}</div>
          <div class="muted">{facts.join(' · ')}</div>
        </div>
        {remove.button}
      </div>
      {remove.confirm}
      <AnswerList rows={winAnswers(win.answers)} />
      <DealLink url={win.dealUrl} crm={win.crm} />
    </li>
  );
}
