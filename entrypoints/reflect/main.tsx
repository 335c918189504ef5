import '../../src/reflection/reflection.css';
import { mountPage } from '../../src/ui/mount';
import { ManualReflection } from '../../src/reflection/ManualReflection';

mountPage(<ManualReflection />);
