import { keepCustomRulesRegistered } from '../src/background/custom-rules';
import { startLossDetection } from '../src/background/loss-flow';
import { routeMessages } from '../src/background/router';
import { database } from '../src/db/database';

export default defineBackground(() => {
  const db = database();
  routeMessages(db, startLossDetection(db));
  keepCustomRulesRegistered();
});
