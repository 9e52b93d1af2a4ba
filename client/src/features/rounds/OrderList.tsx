import { useState } from 'react';
import { ArrowDown, ArrowUp, GripVertical } from 'lucide-react';

type Props = { ids: string[]; names: Map<string, string>; onChange: (ids: string[]) => void; labelledBy?: string };

/**
 * A speaking order to arrange: drag a name into place, or use the arrows (keyboards and
 * touch screens, where dragging is awkward).
 */
export function OrderList({ ids, names, onChange, labelledBy }: Props) {
  const [dragging, setDragging] = useState<number>();
  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length || from === to) return;
    const next = [...ids];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onChange(next);
  };
  return (
    <ol className="order-list" data-testid="order-list" aria-labelledby={labelledBy}>
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
          <GripVertical className="order-grip" aria-hidden="true" />
          <span className="order-position" aria-hidden="true">
            {i + 1}
          </span>
          <span className="order-name">{names.get(id)}</span>
          <button type="button" className="btn btn-quiet btn-icon" aria-label={`Move ${names.get(id)} earlier`} disabled={i === 0} onClick={() => move(i, i - 1)}>
            <ArrowUp aria-hidden="true" />
          </button>
          <button type="button" className="btn btn-quiet btn-icon" aria-label={`Move ${names.get(id)} later`} disabled={i === ids.length - 1} onClick={() => move(i, i + 1)}>
            <ArrowDown aria-hidden="true" />
          </button>
        </li>
      ))}
    </ol>
  );
}
