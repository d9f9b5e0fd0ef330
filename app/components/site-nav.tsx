'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type NavItem = { href: string; label: string };

/**
 * The main navigation, inside a <details> so that on a narrow screen it folds behind "Menu"
 * without any JavaScript (globals.css keeps it always open on wide screens). The item whose
 * address is the longest prefix of the current path is marked aria-current="page", so
 * /cases/new marks "Record a detention", not "Cases".
 */
export function SiteNav({ items, label, menu }: { items: NavItem[]; label: string; menu: string }) {
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
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}
