/** The login form (the only page shown without a session). */

import { html } from '../html.ts';
import { CSRF_FIELD } from '../security/auth.ts';
import { layout } from './layout.ts';

export function loginPage(options: { token: string; next: string; name?: string; error?: string }): string {
  return layout(
    'Log in',
    html`<div class="login card"><h1>Phénix review</h1>
${options.error ? html`<p class="notice" role="alert">${options.error}</p>` : ''}
<form method="post" action="/login">
<input type="hidden" name="${CSRF_FIELD}" value="${options.token}">
<input type="hidden" name="next" value="${options.next}">
<label>Account name <input name="name" autocomplete="username" required value="${options.name ?? ''}" autofocus></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Log in</button>
</form></div>`,
  );
}
