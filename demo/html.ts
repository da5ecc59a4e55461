/** HTML escaping for the demo's own pages (seizure notice, move notice, 404): every text goes through it. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A minimal complete page: the demo's notices share nothing with the classifieds templates on purpose. */
export function simplePage(title: string, bodyHtml: string, style = ''): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
${bodyHtml}
</body>
</html>
`;
}
