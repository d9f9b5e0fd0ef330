'use client';

import Link, { useLinkStatus } from 'next/link';
import { usePathname } from 'next/navigation';

export type NavItem = { href: string; label: string };

/**
 * The main navigation, inside a <details> so that on a narrow screen it folds behind "Menu"
 * without any JavaScript (globals.css keeps it always open on wide screens). The item whose
 * address is the longest prefix of the current path is marked aria-current="page", so
 * /cases/new marks "Record a detention", not "Cases".
 */
export function SiteNav({ items, label, menu, loading }: { items: NavItem[]; label: string; menu: string; loading: string }) {
  const pathname = usePathname() ?? '';
  const current = items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <details className="nav-menu">
      <summary>{menu}</summary>
      <nav aria-label={label}>
        <ul>
          {items.map((item) => (
            <li key={item.href}>
              <Link href={item.href} aria-current={item.href === current ? 'page' : undefined}>
                {item.label}
                <PendingMark loading={loading} />
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}

/**
 * Shown inside a link while the page it opens loads, so a click never seems to do nothing. (Not
 * loading.tsx: a Suspense boundary above a page streams it, so a refused page would answer 200
 * instead of 403 or a redirect, and without JavaScript the streamed content would stay hidden.)
 */
function PendingMark({ loading }: { loading: string }) {
  const { pending } = useLinkStatus();
  return pending ? (
    <span className="link-pending">
      <span className="visually-hidden">{loading}</span>
    </span>
  ) : null;
}
