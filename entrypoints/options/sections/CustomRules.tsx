import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { testRuleOnOpenTabs, type TabProbe } from '../../../src/crm/custom/test-on-tabs';
import { describeIssue } from '../../../src/lessons/schema';
import { ruleHostProblem } from '../../../src/settings/rule-host';
import { SavableCustomRuleSchema, type CustomRule } from '../../../src/settings/schema';
import { customRulesItem } from '../../../src/settings/store';
import { saveFailure } from '../../../src/ui/save-failure';
import { useSettingsItem } from '../../../src/ui/use-settings';
import { t } from '../../../src/i18n/t';
import { SettingsProblem } from '../../../src/ui/SettingsProblem';
import { StatusLine, type Status } from '../../../src/ui/StatusLine';

type Draft = Omit<CustomRule, 'id'> & { id?: string };

const EMPTY: Draft = {
  name: '',
  urlPattern: '',
  stageSelector: '',
  lostButtonSelector: '',
  lostText: 'Lost',
  dealNameSelector: '',
  amountSelector: '',
  dealIdFrom: 'path',
  dealIdKey: '',
};

type DealIdFrom = CustomRule['dealIdFrom'];

/** The deal-id sources, and the label and hint of the key each needs (none for path, hash). */
const DEAL_ID_SOURCES: { from: DealIdFrom; label: () => string; key?: () => [string, string] }[] = [
  { from: 'path', label: () => t('rule_deal_id_from_path') },
  {
    from: 'segment',
    label: () => t('rule_deal_id_from_segment'),
    key: () => [t('rule_field_deal_id_segment'), t('rule_field_deal_id_segment_hint')],
  },
  {
    from: 'query',
    label: () => t('rule_deal_id_from_query'),
    key: () => [t('rule_field_deal_id_query'), t('rule_field_deal_id_query_hint')],
  },
  { from: 'hash', label: () => t('rule_deal_id_from_hash') },
  {
    from: 'element',
    label: () => t('rule_deal_id_from_element'),
    key: () => [t('rule_field_deal_id_element'), t('rule_field_deal_id_element_hint')],
  },
];

/** Where the rule reads which deal a page shows: a source, and its key when it needs one. */
function DealIdField({ draft, onChange }: { draft: Draft; onChange: (draft: Draft) => void }) {
  const key = DEAL_ID_SOURCES.find((s) => s.from === draft.dealIdFrom)?.key?.();
  return (
    <>
      <div style={{ display: 'grid', gap: '2px' }}>
        <label for="rule-dealIdFrom">{t('rule_field_deal_id_from')}</label>
        <select
          id="rule-dealIdFrom"
          value={draft.dealIdFrom}
          onChange={(e) =>
            onChange({ ...draft, dealIdFrom: e.currentTarget.value as DealIdFrom, dealIdKey: '' })
          }
        >
          {DEAL_ID_SOURCES.map((source) => (
            <option key={source.from} value={source.from}>
              {source.label()}
            </option>
          ))}
        </select>
      </div>
      {key && (
        <div style={{ display: 'grid', gap: '2px' }}>
          <label for="rule-dealIdKey">{key[0]}</label>
          <input
            id="rule-dealIdKey"
            value={draft.dealIdKey}
            placeholder={key[1]}
            onInput={(e) => onChange({ ...draft, dealIdKey: e.currentTarget.value })}
          />
        </div>
      )}
    </>
  );
}

const FIELDS: { key: keyof Omit<Draft, 'id'>; label: string; hint: string }[] = [
  {
    key: 'name',
    get label() {
      return t('rule_field_name');
    },
    get hint() {
      return t('rule_field_name_hint');
    },
  },
  {
    key: 'urlPattern',
    get label() {
      return t('rule_field_url_pattern');
    },
    get hint() {
      return t('rule_field_url_pattern_hint');
    },
  },
  {
    key: 'stageSelector',
    get label() {
      return t('rule_field_stage_selector');
    },
    get hint() {
      return t('rule_field_stage_selector_hint');
    },
  },
  {
    key: 'lostButtonSelector',
    get label() {
      return t('rule_field_lost_button_selector');
    },
    get hint() {
      return t('rule_field_lost_button_selector_hint');
    },
  },
  {
    key: 'lostText',
    get label() {
      return t('rule_field_lost_text');
    },
    get hint() {
      return t('rule_field_lost_text_hint');
    },
  },
  {
    key: 'dealNameSelector',
    get label() {
      return t('rule_field_deal_name_selector');
    },
    get hint() {
      return t('rule_field_deal_name_selector_hint');
    },
  },
  {
    key: 'amountSelector',
    get label() {
      return t('rule_field_amount_selector');
    },
    get hint() {
      return t('rule_field_amount_selector_hint');
    },
  },
];

/** Says which selector is not valid CSS, before it is saved and used on a page. */
function invalidSelector(draft: Draft): string | undefined {
  for (const key of [
    'stageSelector',
    'lostButtonSelector',
    'dealNameSelector',
    'amountSelector',
  ] as const) {
    const css = draft[key].trim();
    if (!css) continue;
    try {
      document.createDocumentFragment().querySelector(css);
    } catch {
      return t('rule_invalid_selector', [FIELDS.find((f) => f.key === key)?.label ?? key, css]);
    }
  }
  if (draft.dealIdFrom === 'element' && draft.dealIdKey.trim()) {
    try {
      document.createDocumentFragment().querySelector(draft.dealIdKey.trim());
    } catch {
      return t('rule_invalid_selector', [t('rule_field_deal_id_element'), draft.dealIdKey.trim()]);
    }
  }
  if (!draft.stageSelector.trim() && !draft.lostButtonSelector.trim()) {
    return t('rule_nothing_to_watch');
  }
  return undefined;
}

/** User rules for CRMs Rebound has no adapter for. */
export function CustomRules() {
  const loaded = useSettingsItem(customRulesItem);
  const [draft, setDraft] = useState<Draft>();
  const [status, setStatus] = useState<Status>();
  const [probes, setProbes] = useState<Record<string, TabProbe[]>>({});
  if (!loaded) return null;
  const rules = loaded.value;
  /**
   * Saves the stored rules as `change` makes them (a rule saved meanwhile in another page stays)
   * and says so; false when the write failed, and the status says why.
   */
  const saveRules = (change: (stored: CustomRule[]) => CustomRule[], done: Status) =>
    customRulesItem.update(change).then(
      () => (setStatus(done), true),
      (error: unknown) => (setStatus({ error: true, text: saveFailure(error) }), false),
    );

  const save = (current: Draft) => {
    const parsed = SavableCustomRuleSchema.safeParse({
      ...current,
      id: current.id ?? crypto.randomUUID(),
    });
    const problem = parsed.success ? invalidSelector(current) : describeIssue(parsed.error);
    if (!parsed.success || problem) return setStatus({ error: true, text: problem ?? '' });
    const rule = parsed.data;
    // Asked inside the click: browsers grant optional permissions only in response to a gesture.
    void browser.permissions.request({ origins: [rule.urlPattern] }).then(async (granted) => {
      const saved = await saveRules(
        (stored) => [...stored.filter((r) => r.id !== rule.id), rule],
        granted
          ? { error: false, text: t('rule_saved', rule.name) }
          : { error: true, text: t('rule_saved_without_access', [rule.name, rule.urlPattern]) },
      );
      if (saved) setDraft(undefined);
    });
  };

  const remove = (rule: CustomRule) =>
    saveRules((stored) => stored.filter((r) => r.id !== rule.id), {
      error: false,
      text: t('rule_removed', rule.name),
    });

  const test = async (rule: CustomRule) => {
    setProbes((all) => ({ ...all, [rule.id]: [] }));
    const found = await testRuleOnOpenTabs(rule).catch((error: unknown) => [
      { tabId: -1, title: '', error: String(error) },
    ]);
    setProbes((all) => ({ ...all, [rule.id]: found }));
    if (found.length === 0)
      setStatus({
        error: true,
        text: t('rule_no_open_tab', rule.urlPattern),
      });
  };

  return (
    <section aria-labelledby="rules-title" style={{ display: 'grid', gap: '10px' }}>
      <h2 id="rules-title">{t('rules_title')}</h2>
      <p class="muted">{t('rules_intro')}</p>
      <SettingsProblem problem={loaded.problem} item={customRulesItem} />
      <ul class="lesson-list">
        {rules.map((rule) => {
          // Stored before saving refused it: kept (the list stays readable), never run.
          const broad = ruleHostProblem(rule.urlPattern);
          return (
            <li class="card" key={rule.id} data-testid="rule">
              <div class="row">
                <strong>{rule.name}</strong>
                <span class="muted">{rule.urlPattern}</span>
                <span class="spacer" />
                {/* Not tried on every open tab: it runs nowhere until it names a host. */}
                {!broad && (
                  <button type="button" onClick={() => void test(rule)}>
                    {t('rule_test')}
                  </button>
                )}
                <button type="button" onClick={() => setDraft(rule)}>
                  {t('rule_edit')}
                </button>
                <button type="button" class="danger" onClick={() => void remove(rule)}>
                  {t('rule_remove')}
                </button>
              </div>
              {broad && (
                <p class="status error" data-testid="rule-needs-host">
                  {t('rule_needs_host', broad)}
                </p>
              )}
              {probes[rule.id]?.map((tab) => (
                <p key={tab.tabId} data-testid="rule-probe">
                  {tab.error ? (
                    <span class="status error">
                      {t('rule_probe_error', [tab.title || t('rule_probe_tab'), tab.error])}
                    </span>
                  ) : (
                    tab.probe && (
                      <>
                        <strong>{tab.probe.dealName}</strong>
                        {t('rule_probe_deal_id', tab.probe.dealId ?? t('rule_probe_not_found'))}
                        {t('rule_probe_stage', tab.probe.stage ?? t('rule_probe_not_found'))}
                        {tab.probe.stageIsLost ? t('rule_probe_lost') : t('rule_probe_not_lost')}
                        {rule.lostButtonSelector &&
                          (tab.probe.lostButtonFound
                            ? t('rule_probe_button_found')
                            : t('rule_probe_button_not_found'))}
                        {tab.probe.missing.length > 0 && (
                          <span class="status error">
                            {t('rule_probe_missing', tab.probe.missing.join(', '))}
                          </span>
                        )}
                      </>
                    )
                  )}
                </p>
              ))}
            </li>
          );
        })}
      </ul>
      {draft ? (
        <form
          class="card"
          style={{ display: 'grid', gap: '8px' }}
          onSubmit={(e) => {
            e.preventDefault();
            save(draft);
          }}
        >
          {FIELDS.map((field) => (
            <div key={field.key} style={{ display: 'grid', gap: '2px' }}>
              <label for={`rule-${field.key}`}>{field.label}</label>
              <input
                id={`rule-${field.key}`}
                value={draft[field.key]}
                placeholder={field.hint}
                onInput={(e) => setDraft({ ...draft, [field.key]: e.currentTarget.value })}
              />
            </div>
          ))}
          <DealIdField draft={draft} onChange={setDraft} />
          <div class="row">
            <button type="submit" class="primary">
              {t('rule_save')}
            </button>
            <button type="button" onClick={() => setDraft(undefined)}>
              {t('rule_cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div>
          <button type="button" onClick={() => setDraft(EMPTY)}>
            {t('rule_add')}
          </button>
        </div>
      )}
      <StatusLine status={status} block />
    </section>
  );
}
