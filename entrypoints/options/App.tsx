import { AskSettings } from './sections/AskSettings';
import { CustomRules } from './sections/CustomRules';
import { DetectionLog } from './sections/DetectionLog';
import { ExportImport } from './sections/ExportImport';
import { LessonLibrary } from './sections/LessonLibrary';
import { StageLabels } from './sections/StageLabels';
import { TemplateQuestions } from './sections/TemplateQuestions';
import { TemplateReasons } from './sections/TemplateReasons';
import { WinLibrary } from './sections/WinLibrary';
import { t } from '../../src/i18n/t';

export function App() {
  return (
    <main
      style={{
        maxWidth: '820px',
        margin: '24px auto',
        padding: '0 16px',
        display: 'grid',
        gap: '20px',
      }}
    >
      <header>
        <h1>{t('options_title')}</h1>
        <p class="muted">{t('options_privacy')}</p>
      </header>
      <LessonLibrary />
      <WinLibrary />
      <ExportImport />
      <AskSettings />
      <TemplateQuestions />
      <TemplateReasons />
      <StageLabels kind="lost" />
      <StageLabels kind="won" />
      <CustomRules />
      <DetectionLog />
    </main>
  );
}
