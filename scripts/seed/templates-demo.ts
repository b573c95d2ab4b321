// Demo data for the template review workflow: a few working-group submissions in different
// states, made by the demo users through the same workflow functions the API uses (so every
// transition is audited). Skips what it cannot do when the demo users are missing.
import { recordAudit } from '../../api/audit/record.ts';
import { measureExists } from '../../api/catalog/store.ts';
import { loadSessionUser } from '../../api/auth/sessions.ts';
import type { SessionUser } from '../../api/auth/session-user.ts';
import { loadConfig } from '../../api/config.ts';
import type { Db } from '../../api/db/database.ts';
import { checkFileType } from '../../api/files/sniff.ts';
import { storeFile } from '../../api/files/store.ts';
import { currentEdition, type Submission } from '../../api/templates/upload.ts';
import { MAX_TEMPLATE_FILE_BYTES, type Category } from '../../api/templates/schemas.ts';
import { upsertAdoption } from '../../api/templates/stores/adoptions.ts';
import { activeUserIdsByRole } from '../../api/users/store.ts';
import { addComment, addVersion, castVote, createTemplate } from '../../api/templates/workflow.ts';

type Log = (line: string) => void;

interface DemoDoc { title: string; summary: string; category: Category; measures: string[]; fileName: string; body: string }

const PASSWORDS: DemoDoc = {
  title: 'Paroolipoliitika mall',
  summary: 'Paroolide pikkuse, vahetamise ja mitmikautentimise nõuded omavalitsuse töötajatele ja volikogu liikmetele.',
  category: 'poliitika',
  measures: ['ORP.4.M22', 'ORP.4.M8'],
  fileName: 'paroolipoliitika.md',
  body: '# Paroolipoliitika\n\n1. Parool on vähemalt 12 märki pikk.\n2. E-posti ja kaugligipääsu kontodel on kasutusel mitmikautentimine.\n3. Parooli ei jagata ega kirjutata üles.\n',
};

const DOCS: DemoDoc[] = [
  {
    title: 'Varundamise kord',
    summary: 'Mida, kui tihti ja kuhu omavalitsus varundab ning kuidas taastamist proovitakse.',
    category: 'kord',
    measures: ['CON.3.M1', 'CON.3.M5'],
    fileName: 'varundamise-kord.md',
    body: '# Varundamise kord\n\n- Dokumendihaldussüsteemi andmed varundatakse iga päev.\n- Üks koopia hoitakse võrgust eraldatuna.\n- Taastamist proovitakse kord kvartalis.\n',
  },
  {
    title: 'Turvaintsidendist teavitamise vorm',
    summary: 'Ühe lehe vorm, millega töötaja teatab kahtlasest e-kirjast, kadunud seadmest või muust intsidendist.',
    category: 'vorm',
    measures: ['DER.2.1.M1', 'DER.2.1.M4'],
    fileName: 'intsidendi-teavitus.md',
    body: '# Turvaintsidendist teavitamine\n\nMis juhtus?\n\nMillal märkasid?\n\nKellega oled juba rääkinud?\n',
  },
  {
    title: 'Töötajate infoturbe koolituse plaan',
    summary: 'Aastaplaan: uue töötaja sissejuhatus, õngitsuskirjade harjutus ja juhtkonna infotund.',
    category: 'plaan',
    measures: ['ORP.3.M1', 'ORP.3.M3'],
    fileName: 'koolitusplaan.md',
    body: '# Infoturbe koolituse plaan\n\n| kvartal | tegevus |\n| --- | --- |\n| I | uute töötajate sissejuhatus |\n| II | õngitsuskirjade harjutus |\n',
  },
];

function usersByRole(db: Db, role: string, limit: number): SessionUser[] {
  return activeUserIdsByRole(db, role, limit).map((id) => loadSessionUser(db, id)).filter((u): u is NonNullable<typeof u> => u !== null);
}

function submission(db: Db, filesPath: string, doc: DemoDoc): Submission {
  const bytes = new TextEncoder().encode(doc.body);
  const { contentType } = checkFileType(doc.fileName, bytes);
  const edition = currentEdition(db);
  return {
    title: doc.title,
    summary: doc.summary,
    category: doc.category,
    measures: doc.measures.filter((m) => measureExists(db, edition, m)),
    fileName: doc.fileName,
    contentType,
    stored: storeFile(filesPath, 'templates', bytes, { maxBytes: MAX_TEMPLATE_FILE_BYTES }),
  };
}

export function seedTemplatesDemo(db: Db, log: Log = () => {}, filesPath = loadConfig().filesPath): void {
  const [author] = [...usersByRole(db, 'specialist', 1), ...usersByRole(db, 'analyst', 1)];
  const reviewers = usersByRole(db, 'reviewer', 2);
  if (!author) {
    log('Mallide näidisandmed: näidiskasutajaid ei ole, jätan vahele.');
    return;
  }
  // Demo history sends no mail: the people in it are made up (publicOrigin null).
  const quorum = { templateQuorum: 2, publicOrigin: null };
  const workflow = { filesPath, publicOrigin: null };
  const [r1, r2] = reviewers;
  const make = (doc: DemoDoc) => createTemplate(db, workflow, author, submission(db, filesPath, doc));

  const pw = make(PASSWORDS);
  const [backup, incident, training] = DOCS.map(make) as [typeof pw, typeof pw, typeof pw];
  if (r1 && r2) {
    // Passwords: v1 approved and adopted by the author's municipality, v2 approved later.
    castVote(db, r1, quorum, pw.id, { decision: 'approve', comment: '' });
    castVote(db, r2, quorum, pw.id, { decision: 'approve', comment: 'Sobib väikesele vallale.' });
    const ehak = author.kovs[0];
    if (ehak) {
      upsertAdoption(db, { ehak, template_id: pw.id, n: 1, adopted_on: '2025-09-01', recorded_by: author.id });
      recordAudit(db, { actorId: author.id, action: 'template_adoption.record', entity: 'template_adoption', entityId: pw.id, kov: ehak, newValue: { n: 1, adoptedOn: '2025-09-01' } });
    }
    addVersion(db, workflow, author, pw.id, submission(db, filesPath, { ...PASSWORDS, summary: PASSWORDS.summary + ' Lisatud paroolihalduri soovitus.' }));
    castVote(db, r1, quorum, pw.id, { decision: 'approve', comment: '' });
    castVote(db, r2, quorum, pw.id, { decision: 'approve', comment: '' });
    // Backup: under review, one approval and a short thread.
    const c = addComment(db, r1, backup.id, { body: 'Kas taastamise proovi tulemus dokumenteeritakse?' });
    addComment(db, author, backup.id, { body: 'Jah, lisan järgmisesse versiooni protokolli vormi.', parentId: c.id });
    castVote(db, r2, quorum, backup.id, { decision: 'approve', comment: '' });
    // Incident form: changes requested.
    castVote(db, r1, quorum, incident.id, { decision: 'request_changes', comment: 'Lisa CERT-EE kontaktandmed ja teavitamise tähtaeg.' });
  }
  log(`Mallide näidisandmed: ${[pw, backup, incident, training].length} malli${r1 && r2 ? '' : ' (ülevaatajaid ei ole: kõik esitatud seisus)'}.`);
}
