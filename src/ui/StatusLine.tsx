/** What the last action in a section came to: a confirmation, or an error to fix. */
export type Status = { error: boolean; text: string } | undefined;

/** A section's status line, announced to screen readers; `block` for a paragraph of its own. */
export function StatusLine({ status, block = false }: { status: Status; block?: boolean }) {
  if (!status) return null;
  const Tag = block ? 'p' : 'span';
  return (
    <Tag class={status.error ? 'status error' : 'status'} role="status">
      {status.text}
    </Tag>
  );
}
