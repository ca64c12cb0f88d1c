import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

type Props = Readonly<Record<string, string | number | undefined>>;

/**
 * `<span ${styleProps({ background: color, '--_size': '12px' })}>`: sets an element's style
 * through the CSSOM, never as a `style` attribute, so pages under `style-src 'self'` see no
 * violation (lit's `styleMap` writes the attribute on the first render). Properties dropped
 * since the last render are removed.
 */
class StylePropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('styleProps() goes on an element: <div ${styleProps({…})}>');
  }

  render(_props: Props): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Props]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined || value === '') continue;
      const property = name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      style.setProperty(property, String(value));
      next.add(property);
    }
    for (const property of this.previous) if (!next.has(property)) style.removeProperty(property);
    this.previous = next;
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
