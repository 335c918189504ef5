import { mountPage } from '../../src/ui/mount';
import { App } from './App';
import { t } from '../../src/i18n/t';

mountPage(<App />, t('page_title_options'));
