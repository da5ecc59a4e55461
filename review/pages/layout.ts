/** The page shell: head, top bar with the analyst's name and a logout form (CSRF-protected like every form). */
import type { PublicUser } from '../../db/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { CSRF_FIELD } from '../security/auth.ts';
import { roleAllows } from '../security/permissions.ts';

export interface PageContext {
  user: PublicUser;
  csrf: string;
}

export function csrfField(csrf: string): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">`;
}

export function layout(title: string, body: SafeHtml, ctx?: PageContext): string {
  const bar = ctx
    ? html`<header class="top"><a href="/">Phénix · review</a>${
        roleAllows(ctx.user.role, 'alerts.read')
          ? html`<a href="/alerts?status=open">Open alerts</a><a href="/cases">Cases</a><a href="/candidates">Candidates</a><a href="/cycles">Cycles</a>`
          : ''
      }${roleAllows(ctx.user.role, 'journal.read') ? html`<a href="/journal">Journal</a>` : ''}
<span class="spacer"></span><span>${ctx.user.name} (${ctx.user.role})</span>
<form method="post" action="/logout">${csrfField(ctx.csrf)}<button type="submit">Log out</button></form></header>`
    : html``;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin"><title>${title} · Phénix</title>
<link rel="stylesheet" href="/static/review.css"></head>
<body>${bar}<main>${body}</main></body></html>`.value;
}
