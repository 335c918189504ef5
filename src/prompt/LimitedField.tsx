import type { JSX } from 'preact';
import { t } from '../i18n/t';

/** A counter shows from this share of a field's limit on. */
const NEAR_LIMIT = 0.9;

/**
 * The field's text, cut at its limit: `maxLength` stops typing and pasting there, this also
 * stops what a script sets, never splitting an emoji (a surrogate pair) in two.
 */
function clipped(field: HTMLInputElement | HTMLTextAreaElement, max: number): string {
  if (field.value.length > max) {
    const end = /[\uD800-\uDBFF]/.test(field.value[max - 1]!) ? max - 1 : max;
    field.value = field.value.slice(0, end);
  }
  return field.value;
}

/** How close a field is to its limit (from 90 % of it), and at the limit that it stops there. */
function LimitNote(props: { id: string; length: number; max: number }) {
  if (props.length < props.max * NEAR_LIMIT) return null;
  const max = props.max.toLocaleString();
  return (
    <p id={props.id} class="rb-limit" aria-live="polite">
      {props.length >= props.max
        ? t('form_limit_reached', max)
        : t('form_limit_near', [props.length.toLocaleString(), max])}
    </p>
  );
}

/** A text field that holds at most `max` characters and says when it comes near. */
export function LimitedField(props: {
  id: string;
  label: string;
  max: number;
  value: string;
  onInput: (text: string) => void;
  multiline?: { rows: number; placeholder?: string };
  required?: boolean;
}) {
  const noteId = `${props.id}-limit`;
  const near = props.value.length >= props.max * NEAR_LIMIT;
  const common = {
    id: props.id,
    value: props.value,
    maxLength: props.max,
    required: props.required,
    'aria-describedby': near ? noteId : undefined,
    onInput: (e: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      props.onInput(clipped(e.currentTarget, props.max)),
  };
  return (
    <div class="rb-field">
      <label for={props.id}>{props.label}</label>
      {props.multiline ? (
        <textarea
          {...common}
          rows={props.multiline.rows}
          placeholder={props.multiline.placeholder}
        />
      ) : (
        <input {...common} />
      )}
      <LimitNote id={noteId} length={props.value.length} max={props.max} />
    </div>
  );
}
