import { adapterById } from '../crm/registry';
import { t } from '../i18n/t';

/** Label/text rows, as a definition list (lesson details, "what worked" notes). */
export function AnswerList({ rows }: { rows: [string, string][] }) {
  return (
    <dl class="answers">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "Open the deal in HubSpot": the CRM by its name; a hand-entered or user-rule deal's as "the CRM". */
export function DealLink({ url, crm }: { url: string | undefined; crm: string }) {
  if (!url) return null;
  return (
    <p style={{ margin: 0 }}>
      <a href={url} target="_blank" rel="noreferrer noopener">
        {t('lesson_open_deal', adapterById(crm)?.name ?? t('lesson_the_crm'))}
      </a>
    </p>
  );
}
