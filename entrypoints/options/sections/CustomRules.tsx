import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { testRuleOnOpenTabs, type TabProbe } from '../../../src/crm/custom/test-on-tabs';
import { describeIssue } from '../../../src/lessons/schema';
import { CustomRuleSchema, type CustomRule } from '../../../src/settings/schema';
import { saveSettings } from '../../../src/settings/store';
import { useSettings } from '../../../src/ui/use-settings';

type Draft = Omit<CustomRule, 'id'> & { id?: string };

const EMPTY: Draft = {
  name: '',
  urlPattern: '',
  stageSelector: '',
  lostButtonSelector: '',
  lostText: 'Lost',
  dealNameSelector: '',
  amountSelector: '',
};

const FIELDS: { key: keyof Omit<Draft, 'id'>; label: string; hint: string }[] = [
  { key: 'name', label: 'CRM name', hint: 'Shown on the prompt and the lessons, e.g. "Acme CRM"' },
  {
    key: 'urlPattern',
    label: 'Deal page URL pattern',
    hint: 'e.g. https://crm.example.com/deals/*',
  },
  {
    key: 'stageSelector',
    label: 'Stage element (CSS selector)',
    hint: 'The element whose text is the stage, e.g. .deal-stage',
  },
  {
    key: 'lostButtonSelector',
    label: 'Or: "mark lost" button (CSS selector)',
    hint: 'Optional, e.g. button.mark-lost',
  },
  { key: 'lostText', label: 'Text that means lost', hint: 'Plain text, or /regex/i' },
  {
    key: 'dealNameSelector',
    label: 'Deal name (CSS selector, optional)',
    hint: 'Defaults to the page title',
  },
  { key: 'amountSelector', label: 'Amount (CSS selector, optional)', hint: 'e.g. .deal-amount' },
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
      return `${FIELDS.find((f) => f.key === key)?.label}: "${css}" is not a valid CSS selector.`;
    }
  }
  if (!draft.stageSelector.trim() && !draft.lostButtonSelector.trim()) {
    return 'Give a stage element or a "mark lost" button, so Rebound knows what to watch.';
  }
  return undefined;
}

/** User rules for CRMs Rebound has no adapter for. */
export function CustomRules() {
  const loaded = useSettings();
  const [draft, setDraft] = useState<Draft>();
  const [status, setStatus] = useState<{ error: boolean; text: string }>();
  const [probes, setProbes] = useState<Record<string, TabProbe[]>>({});
  if (!loaded) return null;
  const rules = loaded.settings.customRules;

  const save = (current: Draft) => {
    const parsed = CustomRuleSchema.safeParse({
      ...current,
      id: current.id ?? crypto.randomUUID(),
    });
    const problem = parsed.success ? invalidSelector(current) : describeIssue(parsed.error);
    if (!parsed.success || problem) return setStatus({ error: true, text: problem ?? '' });
    const rule = parsed.data;
    // Asked inside the click: browsers grant optional permissions only in response to a gesture.
    void browser.permissions.request({ origins: [rule.urlPattern] }).then(async (granted) => {
      const others = rules.filter((r) => r.id !== rule.id);
      await saveSettings({ ...loaded.settings, customRules: [...others, rule] });
      setDraft(undefined);
      setStatus(
        granted
          ? {
              error: false,
              text: `Saved "${rule.name}". Reload its open tabs, or test the rule now.`,
            }
          : {
              error: true,
              text: `Saved "${rule.name}", but without access to ${rule.urlPattern} it cannot run. Save again to grant it.`,
            },
      );
    });
  };

  const remove = async (rule: CustomRule) => {
    await saveSettings({ ...loaded.settings, customRules: rules.filter((r) => r.id !== rule.id) });
    setStatus({ error: false, text: `Removed "${rule.name}".` });
  };

  const test = async (rule: CustomRule) => {
    setProbes((all) => ({ ...all, [rule.id]: [] }));
    const found = await testRuleOnOpenTabs(rule).catch((error: unknown) => [
      { tabId: -1, title: '', error: String(error) },
    ]);
    setProbes((all) => ({ ...all, [rule.id]: found }));
    if (found.length === 0)
      setStatus({
        error: true,
        text: `No open tab matches ${rule.urlPattern}. Open a deal there, then test again.`,
      });
  };

  return (
    <section aria-labelledby="rules-title" style={{ display: 'grid', gap: '10px' }}>
      <h2 id="rules-title">Other CRMs</h2>
      <p class="muted">
        Rebound knows HubSpot. For any other web CRM, tell it where the deal's stage shows and what
        text means lost. Rebound asks for access to that site only, when you save.
      </p>
      <ul class="lesson-list">
        {rules.map((rule) => (
          <li class="card" key={rule.id} data-testid="rule">
            <div class="row">
              <strong>{rule.name}</strong>
              <span class="muted">{rule.urlPattern}</span>
              <span class="spacer" />
              <button type="button" onClick={() => void test(rule)}>
                Test on open tabs
              </button>
              <button type="button" onClick={() => setDraft(rule)}>
                Edit
              </button>
              <button type="button" class="danger" onClick={() => void remove(rule)}>
                Remove
              </button>
            </div>
            {probes[rule.id]?.map((tab) => (
              <p key={tab.tabId} data-testid="rule-probe">
                {tab.error ? (
                  <span class="status error">
                    {tab.title || 'Tab'}: {tab.error}
                  </span>
                ) : (
                  tab.probe && (
                    <>
                      <strong>{tab.probe.dealName}</strong> · stage:{' '}
                      {tab.probe.stage ?? 'not found'} ·{' '}
                      {tab.probe.stageIsLost ? 'counts as lost' : 'not lost'}
                      {rule.lostButtonSelector &&
                        ` · lost button ${tab.probe.lostButtonFound ? 'found' : 'not found'}`}
                      {tab.probe.missing.length > 0 && (
                        <span class="status error"> · missing: {tab.probe.missing.join(', ')}</span>
                      )}
                    </>
                  )
                )}
              </p>
            ))}
          </li>
        ))}
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
          <div class="row">
            <button type="submit" class="primary">
              Save rule
            </button>
            <button type="button" onClick={() => setDraft(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div>
          <button type="button" onClick={() => setDraft(EMPTY)}>
            Add a CRM rule
          </button>
        </div>
      )}
      {status && (
        <p class={`status ${status.error ? 'error' : ''}`} role="status">
          {status.text}
        </p>
      )}
    </section>
  );
}
