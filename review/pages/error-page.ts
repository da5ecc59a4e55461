/** A plain error page (not found, bad request) inside the normal shell. */
import { html } from '../html.ts';
import { layout, type PageContext } from './layout.ts';

export function errorPage(ctx: PageContext | undefined, title: string, message: string, back = '/alerts'): string {
  return layout(title, html`<h1>${title}</h1><p>${message}</p><p><a href="${back}">Back</a></p>`, ctx);
}
