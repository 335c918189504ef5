import { mountPage } from '../../src/ui/mount';
import { App } from './App';

mountPage(<App />);
