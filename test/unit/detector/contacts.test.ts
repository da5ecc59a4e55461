import { describe, expect, it } from 'vitest';
import { extractContacts } from '../../../detector/index.ts';
import { createPhoneAllocator, displayPhone, PHONE_STYLES } from '../../../sitegen/index.ts';

const found = (text: string, html?: string, region?: string) =>
  extractContacts(text, html, { region }).map((c) => `${c.kind}:${c.value}`);

const PHONE = 'phone:+33639980123';

describe('phone numbers', () => {
  it.each([
    ['spaces', '06 39 98 01 23'],
    ['dots', '06.39.98.01.23'],
    ['dashes', '06-39-98-01-23'],
    ['slashes with spaces', '06 / 39 / 98 / 01 / 23'],
    ['no separator', '0639980123'],
    ['one digit at a time', '0 6 3 9 9 8 0 1 2 3'],
    ['odd grouping', '063 998 01 23'],
    ['bullets', '06•39•98•01•23'],
    ['+33', '+33 6 39 98 01 23'],
    ['+33 without spaces', '+33639980123'],
    ['0033', '0033 6 39 98 01 23'],
    ['+33 (0)', '+33 (0)6 39 98 01 23'],
    ['(+33)', '(+33) 6 39 98 01 23'],
    ['French words', 'zéro six trente-neuf quatre-vingt-dix-huit zéro un vingt-trois'],
    ['French words without accents or hyphens', 'zero six trente neuf quatre vingt dix huit zero un vingt trois'],
    ['French words with commas and capitals', 'Zéro Six, Trente-Neuf, Quatre-Vingt-Dix-Huit, Zéro Un, Vingt-Trois'],
    ['English words', 'zero six three nine nine eight zero one two three'],
    ['English tens', 'oh six thirty-nine ninety-eight oh one twenty-three'],
    ['digits and words mixed', '06 trente-neuf 98 zéro un 23'],
    ['capital O for zero', 'O6 39 98 O1 23'],
    ['small o for zero', 'o6.39.98.o1.23'],
    ['l and I for one', '06 39 98 0l 23'],
    ['letters without separators', 'O639980l23'],
    ['full-width digits', '０６ ３９ ９８ ０１ ２３'],
    ['mathematical bold digits', '𝟎𝟔 𝟑𝟗 𝟗𝟖 𝟎𝟏 𝟐𝟑'],
    ['mathematical double-struck digits', '𝟘𝟞𝟛𝟡𝟡𝟠𝟘𝟙𝟚𝟛'],
    ['emoji keycaps', '0️⃣6️⃣ 3️⃣9️⃣ 9️⃣8️⃣ 0️⃣1️⃣ 2️⃣3️⃣'],
    ['keycaps without variation selector', '0⃣6⃣3⃣9⃣9⃣8⃣0⃣1⃣2⃣3⃣'],
    ['circled digits', '⓪⑥ ③⑨ ⑨⑧ ⓪① ②③'],
    ['Arabic-Indic digits', '٠٦ ٣٩ ٩٨ ٠١ ٢٣'],
    ['wa.me in text', 'WhatsApp : wa.me/33639980123'],
    ['api.whatsapp.com in text', 'https://api.whatsapp.com/send?phone=33639980123'],
  ])('reads %s', (_form, text) => {
    expect(found(`Contact : ${text} (après 18h)`)).toEqual([PHONE]);
  });

  it.each([
    ['tel: link', '<a href="tel:+33639980123">Appeler</a>'],
    ['tel: link with national number', '<a href="tel:06.39.98.01.23">Appeler</a>'],
    ['sms: link', '<a href="sms:+33639980123">SMS</a>'],
    ['wa.me link', '<a href="https://wa.me/33639980123">WhatsApp</a>'],
    [
      'api.whatsapp.com link',
      '<a href="https://api.whatsapp.com/send?phone=33639980123&amp;text=Bonjour">WhatsApp</a>',
    ],
    ['Signal link', '<a href="https://signal.me/#p/+33639980123">Signal</a>'],
  ])('reads a %s', (_form, html) => {
    expect(found('Contactez-moi', html)).toEqual([PHONE]);
  });

  it('reads the fiction fixed-line range and several numbers in a row', () => {
    expect(found('Bureau 01 99 00 12 34 / 06 39 98 01 23 / 06 39 98 01 24')).toEqual([
      'phone:+33199001234',
      PHONE,
      'phone:+33639980124',
    ]);
  });

  it('reads every disguise of the fixture generator', () => {
    const phones = createPhoneAllocator(7_000);
    for (const style of PHONE_STYLES) {
      const e164 = phones.next();
      const d = displayPhone(e164, style);
      expect(found(`Appelez ${d.text}.`, d.href ? `<a href="${d.href}">x</a>` : undefined), style).toEqual([
        `phone:${e164}`,
      ]);
    }
  });

  it('uses the default region for national numbers', () => {
    expect(found('Call (202) 555-0147', undefined, 'US')).toEqual(['phone:+12025550147']);
    expect(found('06 39 98 01 23', undefined, 'BE')).toEqual([]);
  });

  it.each([
    ['a price', 'Prix : 1 250 000 €'],
    ['a price in euros', 'Budget 0 639 980 123 euros'],
    ['a date', 'Annonce publiée le 12/03/2024 à 14h30'],
    ['two dates', 'Du 01/02/2024 au 03/04/2024'],
    ['an ISO date and time', 'Mise à jour 2024-03-12 10:45:00'],
    ['an ad number', 'Annonce n° 0639980123'],
    ['an ad reference', 'Réf. annonce 0639980123'],
    ['an id', 'ID: 0199001239'],
    ['a product reference', 'Réf. produit 0199002442'],
    ['an article code', 'Code article : 0639980188'],
    ['a postal code', '75011 Paris'],
    ['a postal code starting with 0', 'Code postal 06000 Nice'],
    ['a SIRET', 'SIRET 123 456 789 00012'],
    ['a packed SIRET', 'SIRET : 12345678900012'],
    ['a SIREN', 'SIREN 123 456 789'],
    ['a VAT number', 'TVA intracommunautaire FR 12 345678901'],
    ['an IBAN', 'IBAN FR76 3000 6000 0112 3456 7890 189'],
    ['an invoice number', 'Facture 0639 9801 92'],
    ['opening hours', 'Horaires 08 00 12 00 14 00 18 00'],
    ['a card-like number', 'Carte 4970 1012 3456 7890'],
    ['GPS coordinates', 'Coordonnées GPS 45.764043, 4.835659'],
    ['a bare number without trunk prefix', '123456789'],
    ['counted words', 'Il y a six ans, trente clients et quatre-vingt-dix-huit avis'],
  ])('finds no phone in %s', (_what, text) => {
    expect(found(text)).toEqual([]);
  });

  it('finds the phone next to prices, dates, references and postal codes', () => {
    expect(found('Prix 45 €, annonce n° 48213 du 12/03/2024, 75011 Paris, appeler le 06 39 98 01 23')).toEqual([PHONE]);
    expect(found('SIRET 123 456 789 00012 — tél. 06 39 98 01 23')).toEqual([PHONE]);
    expect(found('Réf. produit 0199002442 — tél. 06 39 98 01 23')).toEqual([PHONE]);
  });
});

describe('e-mail addresses', () => {
  it.each([
    ['plain', 'menage.paris@courriel.example', 'menage.paris@courriel.example'],
    ['[at] [dot]', 'jardin.nantes [at] boite [dot] test', 'jardin.nantes@boite.test'],
    ['(at) (dot)', 'nounou.lille(at)messagerie(dot)example', 'nounou.lille@messagerie.example'],
    ['(arobase)', 'cours.maths (arobase) courriel.example', 'cours.maths@courriel.example'],
    ['[arobase] [point]', 'demenagement[arobase]boite[point]test', 'demenagement@boite.test'],
    ['" at " " dot "', 'bricolage at courriel dot example', 'bricolage@courriel.example'],
    ['upper-case AT DOT', 'info.depannage AT boite DOT test', 'info.depannage@boite.test'],
    ['{at} {dot}', 'repassage {at} messagerie {dot} example', 'repassage@messagerie.example'],
    ['spaced @', 'peinture.dijon @ boite.test', 'peinture.dijon@boite.test'],
    [
      'spelled dots in the local part',
      'jardin point tours at messagerie point example',
      'jardin.tours@messagerie.example',
    ],
    ['mixed case', 'Aide.Seniors@Courriel.Example', 'aide.seniors@courriel.example'],
    ['one character at a time', 'd e m e n a g e @ b o i t e . t e s t', 'demenage@boite.test'],
  ])('reads %s', (_form, text, value) => {
    expect(found(`Écrivez à ${text} pour un devis`)).toEqual([`email:${value}`]);
  });

  it('reads mailto: links', () => {
    expect(found('Mail', '<a href="mailto:plombier@courriel.example?subject=Devis">Mail</a>')).toEqual([
      'email:plombier@courriel.example',
    ]);
  });

  it.each([
    ['"at" in a sentence', 'Contactez-moi at home. Merci'],
    ['an unknown suffix', 'ecrire a nom@domaine.pasunsuffixe'],
    ['no suffix', 'css: a@b'],
    ['spaced letters without a domain', 'a b c @ d e f'],
    ['a spaced score', 'Note : 5 @ 3 . 2 e'],
  ])('finds no address in %s', (_what, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('messaging handles', () => {
  it.each([
    ['Telegram @handle after the name', 'Telegram : @plombier_express', 'telegram:plombier_express'],
    ['Telegram @handle before the name', 'écrivez @jardin_facile sur Telegram', 'telegram:jardin_facile'],
    ['t.me link', 'https://t.me/nounou_lyon', 'telegram:nounou_lyon'],
    ['telegram.me link', 'telegram.me/demenageur_nice', 'telegram:demenageur_nice'],
    ['Snapchat name', 'Snapchat : bricolo.dijon', 'snapchat:bricolo.dijon'],
    ['snap @name', 'snap @repassage.tours', 'snapchat:repassage.tours'],
    ['ghost emoji', '👻 : jardin.caen', 'snapchat:jardin.caen'],
    ['snapchat.com/add link', 'snapchat.com/add/menage.brest', 'snapchat:menage.brest'],
    ['Insta @name', 'Insta : @babysitter.metz', 'instagram:babysitter.metz'],
    ['instagram.com link', 'instagram.com/peintre_reims', 'instagram:peintre_reims'],
    ['IG @name', 'IG: @cours.piano.rennes', 'instagram:cours.piano.rennes'],
    ['Signal username', 'Signal : plombier.42', 'signal:plombier.42'],
  ])('reads a %s', (_form, text, value) => {
    expect(found(text)).toEqual([value]);
  });

  it('reads handles from links', () => {
    expect(found('Canal', '<a href="https://t.me/cours_maths_lille">canal</a>')).toEqual([
      'telegram:cours_maths_lille',
    ]);
    expect(found('Compte', '<a href="https://www.instagram.com/jardinier.angers/">Instagram</a>')).toEqual([
      'instagram:jardinier.angers',
    ]);
  });

  it.each([
    ['a network named without handle', 'Nous sommes sur Telegram aussi'],
    ['an @name on another network', '@plombier sur Twitter'],
    ['an invite link', 'https://t.me/joinchat/AbCdEf'],
    ['an Instagram post', 'https://www.instagram.com/p/Cx12ab/'],
    ['"snap" in a sentence', 'snap pour plus d’infos'],
    ['"signal" in a sentence', 'Le signal est faible ici'],
  ])('finds no handle in %s', (_what, text) => {
    expect(found(text)).toEqual([]);
  });
});

it('keeps each contact once, with the text as shown', () => {
  const contacts = extractContacts('06 39 98 01 23 ou 06.39.98.01.23', '<a href="tel:+33639980123">x</a>');
  expect(contacts).toHaveLength(1);
  expect(contacts[0].raw).toBe('tel:+33639980123');
});

describe('large and hostile text', () => {
  it('reads a contact anywhere in a long single-line text and stays fast on digit floods', () => {
    const filler = 'texte '.repeat(5_000);
    expect(found(`${filler} appelez le 06 39 98 01 23 ${filler}`)).toEqual([PHONE]);
    const flood = `${'0 '.repeat(50_000)}x ${'un '.repeat(20_000)}x ${'a'.repeat(100_000)}`;
    const t0 = performance.now();
    expect(found(flood)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
