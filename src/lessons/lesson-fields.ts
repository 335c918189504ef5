import type { Lesson } from './schema';

/**
 * A lesson's fields that hold one value (not its answers, tags or history), in the order an
 * export's columns list them; `true` where an edit may change it. What stays: the record's own
 * id, dates and making, and the deal's identity (its CRM and id). One list, so the export, the
 * edit and the edit form cannot disagree about a field.
 */
const VALUE_FIELD_EDITABLE = {
  id: false,
  createdAt: false,
  updatedAt: false,
  crm: false,
  dealId: false,
  dealName: true,
  dealUrl: true,
  amount: true,
  currency: true,
  company: true,
  stageBefore: true,
  outcome: true,
  reason: true,
  secondaryReason: true,
  confidence: true,
  feeling: true,
  crmLostReason: true,
  mode: false,
  templateVersion: false,
} as const satisfies Partial<Record<keyof Lesson, boolean>>;

export type ValueField = keyof typeof VALUE_FIELD_EDITABLE;
export const VALUE_FIELDS = Object.keys(VALUE_FIELD_EDITABLE) as ValueField[];

/** The lesson fields an edit may change. */
export type EditableField = {
  [K in ValueField]: (typeof VALUE_FIELD_EDITABLE)[K] extends true ? K : never;
}[ValueField];
export const EDITABLE_FIELDS: readonly EditableField[] = VALUE_FIELDS.filter(
  (field): field is EditableField => VALUE_FIELD_EDITABLE[field],
);
