// The Estonian texts the tracker's demo data draws from: roles, descriptions, reasons, acceptors.
import type { Status } from '../../api/tracker/model.ts';

export const ROLES = ['IT-juht', 'Infoturbejuht', 'IT-spetsialist', 'Vallasekretär', 'Kantselei juhataja', 'Personalijuht', 'IT-partner (lepinguline)'];
export const DESCRIPTIONS: Partial<Record<Status, readonly string[]>> = {
  implemented: [
    'Rakendatud ja kirjeldatud infoturbe käsiraamatus.',
    'Rakendatud; kontrollitud viimasel siseauditil.',
    'Rakendatud koostöös IT-teenuse pakkujaga, tõendus dokumendihaldussüsteemis.',
    'Nõue on täidetud ja kinnitatud vallavalitsuse korraldusega.',
  ],
  partial: [
    'Osaliselt rakendatud: keskasutuses tehtud, allasutustes pooleli.',
    'Tehniline lahendus olemas, kord on kirjeldamata.',
    'Kavand valmis, ootab kinnitamist.',
  ],
  not_implemented: ['Planeeritud järgmise aasta eelarvesse.', 'Vajab IT-partneri hinnapakkumist.', 'Ootab ELVL-i ühishanke tulemusi.'],
};
export const NA_REASONS = [
  'Omavalitsusel ei ole oma serveriruumi; teenused on riigipilves.',
  'Asjakohast süsteemi omavalitsus ei kasuta.',
  'Teenus on sisse ostetud ja lepinguga kaetud teenusepakkuja poolt.',
];
export const RISK_REASONS = ['Rakendamise kulu ületab riski mõju; kompenseerib igaöine varundus.', 'Süsteem asendatakse 2027. aastal; risk aktsepteeritud seniks.'];
export const ACCEPTORS = ['Vallavanem', 'Linnapea', 'Vallasekretär', 'Linnasekretär'];
