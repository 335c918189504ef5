import { t } from '../../../src/i18n/t';
import { StoragePersistence } from '../../../src/ui/StoragePersistence';
import { ExportPanel } from '../../../src/ui/ExportPanel';
import { DeleteAllData } from './DeleteAllData';
import { ImportPanel } from './ImportPanel';

/** Where the lessons live, and how they leave, come back and go: storage, export, import, delete. */
export function YourData() {
  return (
    <section aria-labelledby="data-title" style={{ display: 'grid', gap: '10px' }}>
      <h2 id="data-title">{t('data_title')}</h2>
      <StoragePersistence />
      <ExportPanel />
      <ImportPanel />
      <DeleteAllData />
    </section>
  );
}
