import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { database } from '../../db/database';
import { lessonsByIds } from '../../db/lesson-query';
import { t } from '../../i18n/t';
import type { Lesson } from '../../lessons/schema';
import type { Template } from '../../lessons/template';
import { BulkActions } from '../BulkActions';
import { ExportPanel } from '../ExportPanel';
import { LessonDetail } from '../LessonDetail';
import { LessonRowSummary } from './LessonRow';
import { useVirtualList } from './use-virtual-list';

/** Rows read around the view beyond what is shown, so scrolling rarely waits. */
const READ_AHEAD = 40;
/** Rows kept read; scrolling far away reads them again. */
const KEEP = 1_500;
const ROW_HEIGHT = 92;

/**
 * The matching lessons, virtualised: only the rows in view are in the DOM and only those (and a
 * few around them) are read from the database. Opening a row shows the whole lesson in place.
 */
export function LibraryList({
  ids,
  terms,
  template,
  version,
  filtered,
}: {
  /** Whether a search or filter narrows the list: "export what you see" is offered then. */
  filtered: boolean;
  ids: string[];
  terms: string[];
  template: Template;
  /** Changes whenever a lesson does: rows on screen are read again. */
  version: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const list = useVirtualList({
    count: ids.length,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => ids[index]!,
    overscan: 6,
    scroller: () => scroller.current,
  });
  const items = list.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const rows = useRowsAround(ids, first, last, version);

  // A new result starts at its top, with nothing opened or selected that it no longer holds.
  useEffect(() => {
    list.scrollToOffset(0);
    const kept = new Set(ids);
    setSelected((before) =>
      [...before].every((id) => kept.has(id))
        ? before
        : new Set([...before].filter((id) => kept.has(id))),
    );
  }, [ids]);

  const flip = (set: ReadonlySet<string>, id: string) => {
    const next = new Set(set);
    if (!next.delete(id)) next.add(id);
    return next;
  };
  const allSelected = ids.length > 0 && selected.size === ids.length;
  // Exported and acted on in the order shown.
  const selectedInOrder = useMemo(() => ids.filter((id) => selected.has(id)), [ids, selected]);

  if (ids.length === 0) return null;
  return (
    <div class="library-list">
      <div class="row library-select">
        <label class="check">
          <input
            type="checkbox"
            checked={allSelected}
            onChange={() => setSelected(allSelected ? new Set() : new Set(ids))}
          />
          {t('library_select_all', ids.length.toLocaleString())}
        </label>
        {selected.size > 0 && (
          <span class="muted">{t('library_selected', selected.size.toLocaleString())}</span>
        )}
      </div>
      {selected.size > 0 && (
        <>
          <BulkActions
            ids={selectedInOrder}
            onDone={() => {
              setSelected(new Set());
              scroller.current?.focus();
            }}
          />
          <details class="library-export">
            <summary>{t('library_export_selected', selected.size.toLocaleString())}</summary>
            <ExportPanel ids={selectedInOrder} label={t('library_export_selected_label')} />
          </details>
        </>
      )}
      {selected.size === 0 && filtered && (
        <details class="library-export">
          <summary>{t('library_export_shown', ids.length.toLocaleString())}</summary>
          <ExportPanel ids={ids} label={t('library_export_shown_label')} />
        </details>
      )}
      <div
        ref={scroller}
        class="library-scroller"
        tabIndex={0}
        aria-label={t('library_list_label')}
      >
        <div role="list" style={{ height: `${list.getTotalSize()}px`, position: 'relative' }}>
          {items.map((item) => {
            const id = ids[item.index]!;
            const lesson = rows.get(id);
            return (
              <div
                key={item.key}
                role="listitem"
                data-index={item.index}
                data-testid="lesson-row"
                ref={(element) => {
                  if (element) list.measureElement(element);
                }}
                class="library-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {lesson ? (
                  <RowCard
                    lesson={lesson}
                    template={template}
                    terms={terms}
                    selected={selected.has(id)}
                    onSelect={() => setSelected(flip(selected, id))}
                    open={open.has(id)}
                    onOpen={() => setOpen(flip(open, id))}
                    onDeleted={() => scroller.current?.focus()}
                  />
                ) : (
                  <div class="card placeholder" aria-busy="true">
                    {t('library_loading')}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * A read row: select, summary, and Open for the whole lesson, with Edit and Delete (at once,
 * undone from the page's toast); after a delete the focus goes to the list, where the next row
 * now is.
 */
function RowCard({
  lesson,
  template,
  terms,
  selected,
  onSelect,
  open,
  onOpen,
  onDeleted,
}: {
  lesson: Lesson;
  template: Template;
  terms: string[];
  selected: boolean;
  onSelect: () => void;
  open: boolean;
  onOpen: () => void;
  onDeleted: () => void;
}) {
  const detailId = `lesson-${lesson.id}`;
  return (
    <div class="card">
      <div class="row" style={{ alignItems: 'flex-start' }}>
        <input
          type="checkbox"
          aria-label={t('library_select_one', lesson.dealName)}
          checked={selected}
          onChange={onSelect}
        />
        <div style={{ flex: 1, minWidth: 0 }}>
          <LessonRowSummary lesson={lesson} template={template} terms={terms} />
        </div>
        <button type="button" aria-expanded={open} aria-controls={detailId} onClick={onOpen}>
          {open ? t('library_close') : t('library_open')}
        </button>
      </div>
      {open && (
        <LessonDetail id={detailId} lesson={lesson} template={template} onDeleted={onDeleted} />
      )}
    </div>
  );
}

/**
 * The lessons of the rows from `first` to `last` (and around them), read as the view moves and
 * read again when the lessons change; rows read earlier stay shown until their new copy comes.
 */
function useRowsAround(ids: string[], first: number, last: number, version: string) {
  const [rows, setRows] = useState<{ version: string; byId: Map<string, Lesson> }>({
    version,
    byId: new Map(),
  });
  useEffect(() => {
    const wanted = ids.slice(Math.max(0, first - READ_AHEAD), last + READ_AHEAD + 1);
    const stale = rows.version !== version;
    const missing = stale ? wanted : wanted.filter((id) => !rows.byId.has(id));
    if (missing.length === 0) return;
    let current = true;
    void lessonsByIds(database(), missing).then((lessons) => {
      if (!current) return;
      setRows((before) => {
        const byId = new Map(before.version === version ? before.byId : [...before.byId]);
        for (const lesson of lessons) {
          // Re-inserted, so the rows read last are the last let go.
          byId.delete(lesson.id);
          byId.set(lesson.id, lesson);
        }
        // A deleted lesson's copy is let go with the rest once far away.
        while (byId.size > KEEP) byId.delete(byId.keys().next().value!);
        return { version, byId };
      });
    });
    return () => {
      current = false;
    };
  }, [ids, first, last, version]);
  return rows.byId;
}
