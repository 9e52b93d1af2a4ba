import { ChevronRight } from 'lucide-react';
import { Link } from 'wouter';

export type Crumb = { label: string; to: string };

/** Where this page sits: Cohorts › Evening IOP › Monday group. The last is the current page. */
export function Breadcrumbs({ trail, current }: { trail: Crumb[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="staff-crumbs">
      <ol>
        {trail.map((c) => (
          <li key={c.to}>
            <Link to={c.to}>{c.label}</Link>
            <ChevronRight aria-hidden="true" />
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
