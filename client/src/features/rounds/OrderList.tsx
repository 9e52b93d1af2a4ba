import { useState } from 'react';

/**
 * A speaking order to arrange: drag a name into place, or use the arrows (keyboards and
 * touch screens, where dragging is awkward).
 */
export function OrderList({ ids, names, onChange }: { ids: string[]; names: Map<string, string>; onChange: (ids: string[]) => void }) {
  const [dragging, setDragging] = useState<number>();
  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length || from === to) return;
    const next = [...ids];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onChange(next);
  };
  return (
    <ol className="order-list" data-testid="order-list">
      {ids.map((id, i) => (
        <li
          key={id}
          draggable
          onDragStart={() => setDragging(i)}
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            if (dragging !== undefined) move(dragging, i);
            setDragging(undefined);
          }}
        >
          <span className="drag-handle" aria-hidden="true">
            ⠿
          </span>{' '}
          {names.get(id)}{' '}
          <button type="button" className="small" aria-label={`Move ${names.get(id)} earlier`} disabled={i === 0} onClick={() => move(i, i - 1)}>
            ↑
          </button>
          <button type="button" className="small" aria-label={`Move ${names.get(id)} later`} disabled={i === ids.length - 1} onClick={() => move(i, i + 1)}>
            ↓
          </button>
        </li>
      ))}
    </ol>
  );
}
