import { z } from 'zod';
import { DEFAULT_LOST_LABELS, DEFAULT_WON_LABELS } from './stage-labels';
import { TemplateSettingsSchema } from '../lessons/template';
import { LabelsSchema } from './detection';
import { defineSettingsItem } from './item';
import { SETTINGS_KEYS } from './keys';
import { AskSettingsSchema, ComeBackSettingsSchema, CustomRuleSchema } from './schema';

/**
 * The settings, one storage.local item per concern (content scripts read them too), each saved
 * only by the options section that shows it, and only with its own fields.
 */

/** Stage labels that mean lost, in any CRM. */
export const lostLabelsItem = defineSettingsItem(SETTINGS_KEYS.lostLabels, LabelsSchema, () => [
  ...DEFAULT_LOST_LABELS,
]);

/** Stage labels that mean won, for the opt-in capture of wins. */
export const wonLabelsItem = defineSettingsItem(SETTINGS_KEYS.wonLabels, LabelsSchema, () => [
  ...DEFAULT_WON_LABELS,
]);

/** When Rebound asks: minimum amount, daily cap, the kind line, and whether wins are asked about. */
export const askItem = defineSettingsItem(SETTINGS_KEYS.ask, AskSettingsSchema, () =>
  AskSettingsSchema.parse({}),
);

/** The user's questions and reasons; absent until they edit them (the built-in ones apply). */
export const templateItem = defineSettingsItem(
  SETTINGS_KEYS.template,
  TemplateSettingsSchema.optional(),
  () => undefined,
);

/** User rules for CRMs Rebound has no adapter for. */
export const customRulesItem = defineSettingsItem(
  SETTINGS_KEYS.customRules,
  z.array(CustomRuleSchema).max(50),
  () => [],
);

/** Lessons that come back: what of the review, the chip and the cue plans is on. */
export const comeBackItem = defineSettingsItem(SETTINGS_KEYS.comeBack, ComeBackSettingsSchema, () =>
  ComeBackSettingsSchema.parse({}),
);
