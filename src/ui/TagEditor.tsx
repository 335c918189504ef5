import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { TooManyTagsError } from '../db/lesson-edits';
import { describeWriteError } from '../db/write-error';
import { TAGS_MAX } from '../lessons/schema';
import { knownSpelling, splitTags, tagSuggestions } from '../lessons/tags';
import { t } from '../i18n/t';
import './edits.css';

/** A tag change that failed, in words. */
export function tagError(error: unknown): string {
  return error instanceof TooManyTagsError
    ? t('tags_too_many', TAGS_MAX)
    : describeWriteError(error).message;
}

type InputProps = {
  id: string;
  label: string;
  /** The tags known so far (tagsInUse), read when the field gets focus. */
  known: () => Promise<string[]>;
  /** Not offered: the tags the lesson already has. */
  exclude?: readonly string[];
  /** The tags typed or picked, in the spelling they already have elsewhere. */
  onAdd: (tags: string[]) => Promise<void>;
};

/**
 * A tag field with autocomplete, as an ARIA combobox with a listbox (WAI-ARIA APG, "list
 * autocomplete"): the arrows move through the suggestions, Enter takes the one marked or else
 * what is typed, a comma adds what is typed, Escape closes the list and then clears the field.
 */
export function TagInput({ id, label, known, exclude = [], onAdd }: InputProps) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [knownTags, setKnownTags] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const listId = `${id}-options`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const suggestions = open ? tagSuggestions(knownTags, text, exclude) : [];
  const expanded = suggestions.length > 0;

  const load = () =>
    known().then(setKnownTags, (e: unknown) => setError(describeWriteError(e).message));
  const commit = async (raw: string) => {
    const tags = splitTags(raw).map((tag) => knownSpelling(tag, knownTags));
    setOpen(false);
    setActive(-1);
    if (tags.length === 0) return;
    setError(undefined);
    try {
      await onAdd(tags);
      setText('');
      void load();
    } catch (e) {
      setError(tagError(e));
    }
  };
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLInputElement>) => {
    const count = suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else if (count > 0) setActive((active + 1) % count);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (count > 0) setActive(active <= 0 ? count - 1 : active - 1);
        return;
      case 'Enter':
        event.preventDefault();
        void commit(expanded && active >= 0 ? suggestions[active]! : text);
        return;
      case ',':
        event.preventDefault();
        void commit(text);
        return;
      case 'Escape':
        // Only what the field itself undoes: a surrounding form's Escape is not triggered.
        if (expanded) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          event.preventDefault();
          event.stopPropagation();
          setText('');
        }
    }
  };

  return (
    <div class="tag-combo">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={text}
        onFocus={() => void load()}
        onBlur={() => setOpen(false)}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('tags_suggestions')}
        hidden={!expanded}
        class="tag-options"
      >
        {suggestions.map((tag, i) => (
          <li
            key={tag}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // Keeps the focus in the field, so the pick is taken before it blurs.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void commit(tag)}
          >
            {tag}
          </li>
        ))}
      </ul>
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type Props = {
  id: string;
  tags: readonly string[];
  known: () => Promise<string[]>;
  onAdd: (tags: string[]) => Promise<void>;
  onRemove: (tag: string) => Promise<void>;
};

/** A lesson's tags as removable chips, and a field that adds more (TagInput). */
export function TagEditor({ id, tags, known, onAdd, onRemove }: Props) {
  const [error, setError] = useState<string>();
  const inputId = `${id}-input`;
  const remove = async (tag: string) => {
    setError(undefined);
    try {
      await onRemove(tag);
      // Its button is gone: the focus goes to the field, not to the page's top.
      document.getElementById(inputId)?.focus();
    } catch (e) {
      setError(tagError(e));
    }
  };
  return (
    <div class="tag-editor" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} class="status">
        {t('tags_label')}
      </span>
      {tags.length > 0 && (
        <ul class="tag-chips" aria-labelledby={`${id}-label`}>
          {tags.map((tag) => (
            <li key={tag} class="tag-chip">
              <span>{tag}</span>
              <button
                type="button"
                aria-label={t('tags_remove', tag)}
                onClick={() => void remove(tag)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <TagInput id={inputId} label={t('tags_input')} known={known} exclude={tags} onAdd={onAdd} />
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
