/**
 * The notice a seized site shows on every path: a neutral judicial-seizure banner (no real agency
 * logo, no real address), the case reference and the legal basis in plain words.
 */
import { escapeHtml, simplePage } from './html.ts';

export interface SeizureNotice {
  host: string;
  caseRef: string;
}

const STYLE = `
body { margin: 0; font-family: system-ui, sans-serif; background: #f4f5f7; color: #1d2433; }
.seizure-banner { background: #0b2a5b; color: #fff; padding: 24px 32px; border-bottom: 6px solid #c8102e; }
.seizure-banner h1 { margin: 0; font-size: 28px; letter-spacing: .02em; }
.seizure-banner p { margin: 6px 0 0; opacity: .85; }
.seizure-body { max-width: 760px; margin: 32px auto; background: #fff; padding: 24px 32px; border-radius: 6px; }
.seizure-ref { font-family: ui-monospace, monospace; background: #eef1f6; padding: 2px 6px; }
`;

export function renderSeizurePage({ host, caseRef }: SeizureNotice): string {
  const body = `<header class="seizure-banner" role="banner">
  <h1>Ce site a été saisi</h1>
  <p>Saisie judiciaire — Police nationale / Gendarmerie nationale</p>
</header>
<main class="seizure-body">
  <p>Le nom de domaine <strong>${escapeHtml(host)}</strong> et le service en ligne associé ont été saisis
  sur décision de l'autorité judiciaire, dans le cadre d'une procédure pénale en cours.</p>
  <p>Référence de la procédure : <span class="seizure-ref">${escapeHtml(caseRef)}</span></p>
  <p>Les données hébergées par ce service ont été conservées aux fins de l'enquête. Toute tentative de remettre
  en ligne ce service sous un autre nom peut faire l'objet de poursuites.</p>
  <p>Si vous avez été victime ou témoin de faits en lien avec ce service, vous pouvez les signaler auprès d'un
  commissariat de police ou d'une brigade de gendarmerie.</p>
</main>`;
  return simplePage(`Site saisi — ${host}`, body, STYLE);
}
