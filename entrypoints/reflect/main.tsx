import '../../src/prompt/reflection.css';
import { mountPage } from '../../src/ui/mount';
import { ManualReflection } from '../../src/ui/ManualReflection';
import { t } from '../../src/i18n/t';

mountPage(<ManualReflection />, t('page_title_reflect'));
