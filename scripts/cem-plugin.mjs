// The analyzer plugin that makes custom-elements.json say everything an element's API declares:
//  - closed sets: a property typed with an alias (`type: TypeSetting`) gets the alias's values in
//    its type text (`'auto' | 'column' | …`), resolved from `type X = 'a' | 'b'`, `(typeof ARR)[number]`
//    and `const ARR = ['a', ...OTHER]` anywhere in the sources, so the runtime arrays the elements
//    check values against stay the only list;
//  - `@editor column|columns|number|url|none|sort|filter|words|labels|expression|measure|compare` (words may combine:
//    `url none`) and `@advanced`: how the builder edits it
//    (`numeric` columns: `@editor numeric-column` / `numeric-columns`);
//  - only the documented `culture-*` events (the analyzer guesses more from `dispatchEvent(new …)`).

/** Literal values by alias or constant name (`@NAME` refers to another name, `@string` is open). */
const values = new Map();

function literalsOf(ts, node) {
  if (!node) return undefined;
  if (ts.isParenthesizedTypeNode(node)) return literalsOf(ts, node.type);
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return [node.literal.text];
  if (ts.isUnionTypeNode(node)) {
    const part = (t) => {
      while (ts.isParenthesizedTypeNode(t)) t = t.type;
      if (ts.isTypeReferenceNode(t)) return [`@${t.typeName.getText()}`];
      // `string`, or `string & {}` (literals suggested, any string accepted)
      if (t.kind === ts.SyntaxKind.StringKeyword || ts.isIntersectionTypeNode(t)) return ['@string'];
      return literalsOf(ts, t);
    };
    const parts = node.types.map(part);
    return parts.every(Boolean) ? parts.flat() : undefined;
  }
  // (typeof ARR)[number]
  if (ts.isIndexedAccessTypeNode(node) && ts.isTypeQueryNode(node.objectType.type ?? node.objectType)) {
    const query = node.objectType.type ?? node.objectType;
    return [`@${query.exprName.getText()}`];
  }
  return undefined;
}

function arrayValues(ts, node) {
  let expr = node;
  while (expr && (ts.isAsExpression(expr) || ts.isSatisfiesExpression?.(expr) || ts.isParenthesizedExpression(expr))) expr = expr.expression;
  if (!expr || !ts.isArrayLiteralExpression(expr)) return undefined;
  const out = [];
  for (const e of expr.elements) {
    if (ts.isStringLiteral(e)) out.push(e.text);
    else if (ts.isSpreadElement(e) && ts.isIdentifier(e.expression)) out.push(`@${e.expression.text}`);
    else return undefined;
  }
  return out;
}

/** Every literal a name stands for, following references; `string` when the set is open. */
function resolve(name, seen = new Set()) {
  if (seen.has(name)) return [];
  seen.add(name);
  const raw = values.get(name);
  if (!raw) return undefined;
  const out = [];
  for (const v of raw) {
    if (!v.startsWith('@')) out.push(v);
    else if (v === '@string') out.push('@string');
    else {
      const inner = resolve(v.slice(1), seen);
      if (!inner) return undefined;
      out.push(...inner);
    }
  }
  return [...new Set(out)];
}

/** `TypeSetting | undefined` → `'auto' | 'column' | …` (open sets keep `string`). */
function expandType(text) {
  const parts = text.split('|').map((p) => p.trim()).filter((p) => p && p !== 'undefined');
  const expanded = parts.flatMap((p) => {
    const found = /^[A-Z]\w*$/.test(p) ? resolve(p) : undefined;
    return found ? found.map((v) => (v === '@string' ? 'string' : `'${v}'`)) : [p];
  });
  return [...new Set(expanded)].join(' | ');
}

const tag = (node, name) => (node.jsDoc ?? []).flatMap((d) => d.tags ?? []).find((t) => t.tagName.getText() === name);

export function elementApiPlugin() {
  return {
    name: 'culture-widgets element API',
    collectPhase({ ts, node }) {
      if (ts.isTypeAliasDeclaration(node)) {
        const found = literalsOf(ts, node.type);
        if (found) values.set(node.name.text, found);
      } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        const found = arrayValues(ts, node.initializer);
        if (found) values.set(node.name.text, found);
      }
    },
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isPropertyDeclaration(node) || !ts.isClassDeclaration(node.parent)) return;
      const klass = moduleDoc.declarations?.find((d) => d.name === node.parent.name?.getText());
      const member = klass?.members?.find((m) => m.name === node.name.getText());
      if (!member) return;
      const editor = tag(node, 'editor');
      if (editor) member.editor = String(editor.comment ?? '').trim();
      if (tag(node, 'advanced')) member.advanced = true;
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          // the analyzer also guesses events from `dispatchEvent(new …)` calls: keep the documented ones
          if (decl.events) decl.events = decl.events.filter((e) => /^culture-[a-z-]+$/.test(e.name ?? '') && e.description);
          for (const member of decl.members ?? []) if (member.type?.text) member.type.text = expandType(member.type.text);
          for (const attribute of decl.attributes ?? []) {
            if (attribute.type?.text) attribute.type.text = expandType(attribute.type.text);
            const member = decl.members?.find((m) => m.name === attribute.fieldName);
            if (member?.editor) attribute.editor = member.editor;
            if (member?.advanced) attribute.advanced = true;
          }
        }
      }
    },
  };
}
