/**
 * The app's entry points, read from the source (app/): every page, route handler and server action,
 * and whether each one calls a guard. Used by access-control.test.ts (each must be guarded or
 * allowlisted) and e2e/access-generated.spec.ts (each URL is requested signed out and as a
 * researcher), so a new page, route or action is covered the day it is added.
 * Test tooling only (typescript is a dev dependency): pure Node and the TypeScript parser, no Next,
 * no database.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export type EntryKind = 'page' | 'route' | 'action';
/** `file` is relative to the repository root, with forward slashes; `name` is the export ('default' for a page). */
export type EntryPoint = { file: string; kind: EntryKind; name: string };

/**
 * Entry points anyone may reach signed out (`file#export`), each with the reason. Everything else under app/ must
 * call a guard from lib/auth/guard.ts (or the partner API's token check) itself or through a helper.
 */
export const PUBLIC_ENTRY_POINTS: Record<string, string> = {
  'app/page.tsx#default': 'only redirects to /cases, which is guarded',
  'app/login/page.tsx#default': 'the sign-in form',
  'app/login/actions.ts#signInStep': 'signing in (password, then code) is what the signed-out do',
  'app/login/actions.ts#signOutAction': 'signing out without a session does nothing',
  'app/api/auth/[...nextauth]/route.ts#GET': "Auth.js's own endpoints (sign-in, session, CSRF)",
  'app/api/auth/[...nextauth]/route.ts#POST': "Auth.js's own endpoints (sign-in, session, CSRF)",
  'app/components/locale-actions.ts#chooseLocaleAction': "the language switcher: sets the caller's own cookie, and only their own account's language",
  'app/api/health/route.ts#GET': 'readiness probe: says only whether the database answers',
};

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Guards that end the request themselves (redirect to /login, or 403). */
const GUARDS: Record<string, string[]> = { 'lib/auth/guard.ts': ['requireUser', 'requirePermission'] };
/** Guards that return null for "nobody": they count only when the caller leaves on null. */
const CHECKED_GUARDS: Record<string, string[]> = {
  'lib/auth/guard.ts': ['currentUser', 'currentRouteUser'],
  'lib/api-tokens/queries.ts': ['authenticateApiToken'],
  // The calendar feed's secret URL: calendar apps fetch without a session.
  'lib/custody/feeds.ts': ['authenticateFeedToken'],
};
/** Calls that end a request (a then-branch calling one of these leaves). */
const EXITS = new Set(['redirect', 'notFound', 'forbidden', 'unauthorized', 'permanentRedirect']);

const sources = new Map<string, ts.SourceFile>();

function parse(root: string, file: string, text?: string): ts.SourceFile {
  const key = `${root}\0${file}`;
  if (text === undefined && sources.has(key)) return sources.get(key)!;
  const body = text ?? fs.readFileSync(path.join(root, file), 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, body, ts.ScriptTarget.Latest, true, kind);
  if (text === undefined) sources.set(key, sf);
  return sf;
}

function hasUseServer(statements: ts.NodeArray<ts.Statement>): boolean {
  for (const s of statements) {
    if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) return false;
    if (s.expression.text === 'use server') return true;
  }
  return false;
}

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const isDefault = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

/** Names of a module's value exports ('default' included). */
function exportedNames(sf: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const s of sf.statements) {
    if (ts.isFunctionDeclaration(s) && isExported(s)) names.push(isDefault(s) ? 'default' : s.name!.text);
    else if (ts.isVariableStatement(s) && isExported(s)) {
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if (ts.isExportAssignment(s)) names.push('default');
    else if (ts.isExportDeclaration(s) && !s.isTypeOnly && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const e of s.exportClause.elements) if (!e.isTypeOnly) names.push(e.name.text);
    }
  }
  return names;
}

/** Inline server actions (`async function save() { 'use server'; … }`) inside components. */
function inlineActions(sf: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body && ts.isBlock(node.body) && hasUseServer(node.body.statements)) {
      const name = 'name' in node && node.name && ts.isIdentifier(node.name) ? node.name.text : 'anonymous';
      found.push(`${name}@${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function walk(root: string, dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = `${dir}/${d.name}`;
    if (d.isDirectory()) return walk(root, rel);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [rel] : [];
  });
}

/** Every page, route handler and server action under app/. */
export function findEntryPoints(root: string): EntryPoint[] {
  const entries: EntryPoint[] = [];
  for (const file of walk(root, 'app').sort()) {
    const base = path.posix.basename(file);
    const sf = parse(root, file);
    if (/^page\.(tsx|ts)$/.test(base)) entries.push({ file, kind: 'page', name: 'default' });
    else if (/^route\.ts$/.test(base)) {
      for (const name of exportedNames(sf)) if (HTTP_METHODS.has(name)) entries.push({ file, kind: 'route', name });
    } else if (hasUseServer(sf.statements)) {
      for (const name of exportedNames(sf)) entries.push({ file, kind: 'action', name });
    }
    for (const name of inlineActions(sf)) entries.push({ file, kind: 'action', name });
  }
  return entries;
}

/** The URL path a page or route file serves: app/cases/[id]/page.tsx → /cases/[id]. */
export function urlPathOf(file: string): string {
  const segments = file.split('/').slice(1, -1).filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith('@'));
  return `/${segments.join('/')}`;
}

// --- Is it guarded? ----------------------------------------------------------------------------

type FunctionNode = ts.FunctionLikeDeclaration;
type Found = { file: string; fn: FunctionNode } | null;

/** '@/x' or './x' → a project file (relative to root); a package → null. */
function resolveModule(root: string, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = spec.slice(2);
  else if (spec.startsWith('.')) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(path.join(root, candidate))) return candidate;
  }
  return null;
}

/** Where a local name comes from: an import (module file and its exported name) or this file. */
function origin(root: string, sf: ts.SourceFile, local: string): { file: string | null; name: string } {
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    const bindings = s.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const e of bindings.elements) {
        if (e.name.text === local) return { file: resolveModule(root, sf.fileName, s.moduleSpecifier.text), name: (e.propertyName ?? e.name).text };
      }
    }
    if (s.importClause?.name?.text === local) return { file: resolveModule(root, sf.fileName, s.moduleSpecifier.text), name: 'default' };
  }
  return { file: sf.fileName, name: local };
}

function findFunction(root: string, sf: ts.SourceFile, name: string, depth = 0): Found {
  if (depth > 5) return null;
  for (const s of sf.statements) {
    if (ts.isFunctionDeclaration(s) && s.body) {
      if ((name === 'default' && isDefault(s)) || s.name?.text === name) return { file: sf.fileName, fn: s };
    }
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) {
          let init: ts.Expression = d.initializer;
          // `cache(async () => …)` and the like: the wrapped function.
          if (ts.isCallExpression(init) && init.arguments.length > 0) init = init.arguments[0];
          if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return { file: sf.fileName, fn: init };
        }
      }
    }
    if (name === 'default' && ts.isExportAssignment(s) && ts.isIdentifier(s.expression)) {
      return findFunction(root, sf, s.expression.text, depth + 1);
    }
    if (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const e of s.exportClause.elements) {
        if (e.name.text !== name) continue;
        const inner = (e.propertyName ?? e.name).text;
        if (!s.moduleSpecifier) return findFunction(root, sf, inner, depth + 1);
        const target = ts.isStringLiteral(s.moduleSpecifier) ? resolveModule(root, sf.fileName, s.moduleSpecifier.text) : null;
        return target ? findFunction(root, parse(root, target), inner, depth + 1) : null;
      }
    }
  }
  // A name imported and re-exported, or called, from elsewhere.
  const from = origin(root, sf, name);
  if (from.file && from.file !== sf.fileName) return findFunction(root, parse(root, from.file), from.name, depth + 1);
  return null;
}

/** A then-branch that leaves the function: return, throw, or redirect()/notFound()/forbidden(). */
function leaves(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (ts.isReturnStatement(n) || ts.isThrowStatement(n)) found = true;
    else if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && EXITS.has(n.expression.text)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** The call's result goes into a variable that the function tests with `if (!v)` and leaves on. */
function resultChecked(fn: FunctionNode, call: ts.CallExpression): boolean {
  let node: ts.Node = call.parent;
  if (ts.isAwaitExpression(node)) node = node.parent;
  if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name)) return false;
  const variable = node.name.text;
  let checked = false;
  const visit = (n: ts.Node) => {
    if (
      ts.isIfStatement(n) &&
      ts.isPrefixUnaryExpression(n.expression) &&
      n.expression.operator === ts.SyntaxKind.ExclamationToken &&
      ts.isIdentifier(n.expression.operand) &&
      n.expression.operand.text === variable &&
      leaves(n.thenStatement)
    ) {
      checked = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return checked;
}

function isGuardedFunction(root: string, file: string, fn: FunctionNode, depth: number, seen: Set<FunctionNode>): boolean {
  if (seen.has(fn) || depth > 4) return false;
  seen.add(fn);
  const sf = parse(root, file);
  let guarded = false;
  const visit = (node: ts.Node) => {
    if (guarded) return;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const from = origin(root, sf, node.expression.text);
      if (from.file && GUARDS[from.file]?.includes(from.name)) guarded = true;
      else if (from.file && CHECKED_GUARDS[from.file]?.includes(from.name)) guarded = resultChecked(fn, node);
      else if (from.file) {
        // A helper of this project (e.g. the partner API's response builders): guarded if it is.
        const callee = findFunction(root, parse(root, from.file), from.name);
        if (callee && isGuardedFunction(root, callee.file, callee.fn, depth + 1, seen)) guarded = true;
      }
    }
    if (!guarded) ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return guarded;
}

/** Whether the export `name` of `file` calls a guard on every call (at any depth of this project's helpers). */
export function isGuarded(root: string, file: string, name: string): boolean {
  const sf = parse(root, file);
  const at = /^(.*)@\d+$/.exec(name);
  let found: Found = null;
  if (at) {
    // An inline action: the function of that name (or at that line) in this file.
    const line = Number(name.split('@')[1]);
    const visit = (node: ts.Node) => {
      if (!found && ts.isFunctionLike(node) && 'body' in node && node.body && sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 === line) {
        found = { file, fn: node as FunctionNode };
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  } else found = findFunction(root, sf, name);
  const target = found as Found;
  return target !== null && isGuardedFunction(root, target.file, target.fn, 0, new Set());
}

/** For the analyzer's own tests: put a file's text in place of what is on disk. */
export function withSource(root: string, file: string, text: string): void {
  sources.set(`${root}\0${file}`, parse(root, file, text));
}

/**
 * The permission an entry point asks for in its own body (`requirePermission('write')`, or
 * `can(user.role, 'write')` in a route handler); null when it asks for none by name.
 */
export function requiredPermission(root: string, file: string, name: string): string | null {
  const found = findFunction(root, parse(root, file), name);
  if (!found?.fn.body) return null;
  let permission: string | null = null;
  const visit = (node: ts.Node) => {
    if (permission) return;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const [first, second] = node.arguments;
      if (node.expression.text === 'requirePermission' && first && ts.isStringLiteral(first)) permission = first.text;
      if (node.expression.text === 'can' && second && ts.isStringLiteral(second)) permission = second.text;
    }
    ts.forEachChild(node, visit);
  };
  visit(found.fn.body);
  return permission;
}
