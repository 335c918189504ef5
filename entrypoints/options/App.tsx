import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { AskSettings } from './sections/AskSettings';
import { ComeBackSettings } from './sections/ComeBackSettings';
import { CustomRules } from './sections/CustomRules';
import { DetectionLog } from './sections/DetectionLog';
import { YourData } from './sections/YourData';
import { LessonViews } from './sections/LessonViews';
import { StageLabels } from './sections/StageLabels';
import { TemplateQuestions } from './sections/TemplateQuestions';
import { TemplateReasons } from './sections/TemplateReasons';
import { WinLibrary } from './sections/WinLibrary';
import { t } from '../../src/i18n/t';
import { UndoProvider } from '../../src/ui/UndoToast';
import { useHashRoute, type HashRoute } from '../../src/ui/use-hash-route';

type Route = {
  id: string;
  label: () => string;
  render: (route: HashRoute, go: ReturnType<typeof useHashRoute>[1]) => ComponentChildren;
  /** Library and Insights share the filter in the URL: moving between them keeps it. */
  keepsFilter?: boolean;
};

const ROUTES: Route[] = [
  {
    id: 'library',
    label: () => t('nav_library'),
    keepsFilter: true,
    render: (route, go) => (
      <>
        <LessonViews
          view="library"
          query={route.query}
          onQuery={(query, replace) => go({ route: 'library', query }, { replace })}
        />
        <WinLibrary />
      </>
    ),
  },
  {
    id: 'insights',
    label: () => t('nav_insights'),
    keepsFilter: true,
    render: (route, go) => (
      <>
        <LessonViews
          view="insights"
          query={route.query}
          onQuery={(query, replace) => go({ route: 'insights', query }, { replace })}
        />
      </>
    ),
  },
  {
    id: 'questions',
    label: () => t('nav_questions'),
    render: () => (
      <>
        <TemplateQuestions />
        <TemplateReasons />
      </>
    ),
  },
  {
    id: 'ask',
    label: () => t('nav_ask'),
    render: () => (
      <>
        <AskSettings />
        <StageLabels kind="lost" />
        <StageLabels kind="won" />
      </>
    ),
  },
  { id: 'comeback', label: () => t('nav_comeback'), render: () => <ComeBackSettings /> },
  { id: 'rules', label: () => t('nav_rules'), render: () => <CustomRules /> },
  { id: 'detection', label: () => t('nav_detection'), render: () => <DetectionLog /> },
  { id: 'data', label: () => t('nav_data'), render: () => <YourData /> },
];

/**
 * The options page: one section at a time, chosen in the navigation and kept in the URL hash,
 * so each can be linked to (`options.html#detection`) and Back goes to the previous one.
 */
export function App() {
  const [route, go] = useHashRoute();
  const current = ROUTES.find((r) => r.id === route.route) ?? ROUTES[0]!;
  const content = useRef<HTMLDivElement>(null);
  const first = useRef(true);

  // Moving to another section announces it: its first heading takes the focus (a screen
  // reader reads it out), and the tab's title names it. Not on load: the page opens as usual.
  useEffect(() => {
    document.title = `${current.label()} · ${t('page_title_options')}`;
    if (first.current) return void (first.current = false);
    const heading = content.current?.querySelector('h2');
    if (heading instanceof HTMLElement) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [current.id]);

  const hrefOf = (target: Route) =>
    `#${target.id}${target.keepsFilter && current.keepsFilter && route.query ? `?${route.query}` : ''}`;

  return (
    <UndoProvider>
      <div class="options-layout">
        <header class="options-header">
          <h1>{t('options_title')}</h1>
          <p class="muted">{t('options_privacy')}</p>
        </header>
        <nav class="options-nav" aria-label={t('nav_label')}>
          <ul>
            {ROUTES.map((target) => (
              <li key={target.id}>
                <a
                  href={hrefOf(target)}
                  aria-current={target.id === current.id ? 'page' : undefined}
                >
                  {target.label()}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main ref={content} class="options-main">
          {current.render(route, go)}
        </main>
      </div>
    </UndoProvider>
  );
}
