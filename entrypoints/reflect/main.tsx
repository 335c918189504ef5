import '../../src/reflection/reflection.css';
import { mountPage } from '../../src/ui/mount';
import { ManualReflection } from '../../src/reflection/ManualReflection';
import { t } from '../../src/i18n/t';

mountPage(<ManualReflection />, t('page_title_reflect'));
