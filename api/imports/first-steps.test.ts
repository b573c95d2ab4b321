// The first-steps check: the question file against the shipped 2024 catalogue (every measure a P1
// measure of the KOV profile, every guide a real guide), answers saved and resumed, the answers as
// an import preview applied like a file, and the ten next steps.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { ROOT_DIR } from '../config.ts';
import { loadCatalogIndex, seedCatalogIndex } from '../catalog/seed.ts';
import { firstStepsQuestions } from './first-steps.ts';

const KOV = '0141';
const questions = firstStepsQuestions();

describe('data/first-steps.yaml', () => {
  it('asks 50–80 questions in 8–10 themes', () => {
    expect(questions.length).toBeGreaterThanOrEqual(50);
    expect(questions.length).toBeLessThanOrEqual(80);
    const themes = new Set(questions.map((q) => q.theme));
    expect(themes.size).toBeGreaterThanOrEqual(8);
    expect(themes.size).toBeLessThanOrEqual(10);
  });

  it('maps every question to P1 measures of the KOV profile in the 2024 catalogue, and to a guide that exists', () => {
    const index = loadCatalogIndex();
    expect(index.edition).toBe('2024');
    const ids = new Set(index.measures.map((m) => m.id));
    const profile = index.profiles['KOV']!;
    const wrong = questions.flatMap((q) => q.measures.filter((m) => !ids.has(m) || profile[m] !== 'P1').map((m) => `${q.id}: ${m}`));
    expect(wrong).toEqual([]);
    const missingGuides = questions.filter((q) => q.guide && !existsSync(`${ROOT_DIR}content/guides/${q.guide}.mdx`)).map((q) => q.guide);
    expect(missingGuides).toEqual([]);
  });
});

describe('answering the check', () => {
  let t: TestContext;
  let specialist: string;
  beforeAll(() => {
    t = createTestContext();
    seedCatalogIndex(t.db);
    specialist = signInAs(t.db, 'specialist', [KOV]).token;
  });

  it('saves answers to resume later, proposes statuses as an import preview, applies it, and lists the next steps', async () => {
    const listed = await (await t.request('/api/first-steps', { as: specialist })).json();
    expect(listed.questions).toHaveLength(questions.length);
    expect(listed.questions[0]).toEqual({ id: 'juht-vastutus', theme: 'Juhtimine ja rollid', text: expect.any(String), help: null, measures: ['ISMS.1.M1'], guide: 'infoturbe-rollid-ja-vastutus' });

    const answers = { 'juht-vastutus': 'jah', varundus: 'ei', 'taastamise-proov': 'ei_tea', poliitika: 'osaliselt', lahkumine: 'jah', votmed: 'ei' };
    const saved = await t.request(`/api/kovs/${KOV}/first-steps`, { method: 'PUT', json: { answers }, as: specialist });
    expect(saved.status).toBe(200);
    const state = await (await t.request(`/api/kovs/${KOV}/first-steps`, { as: specialist })).json();
    expect(state.answers).toEqual(answers);
    expect(state.nextSteps.map((s: { questionId: string }) => s.questionId)).toEqual(['varundus', 'votmed', 'taastamise-proov', 'poliitika']);
    expect(state.nextSteps[0]).toMatchObject({ answer: 'ei', guide: 'andmete-varundamine' });

    const res = await t.request(`/api/kovs/${KOV}/first-steps/preview`, { method: 'POST', as: specialist });
    expect(res.status).toBe(201);
    const preview = await res.json();
    const proposed = Object.fromEntries(preview.rows.map((r: { measureId: string; after: { status: string } }) => [r.measureId, r.after.status]));
    // 'lahkumine' (jah) and 'votmed' (ei) both evidence ORP.2.M2: the answers disagree, so partial.
    expect(proposed).toEqual({ 'ISMS.1.M1': 'implemented', 'ISMS.1.M3': 'partial', 'ORP.2.M2': 'partial', 'ORP.4.M2': 'implemented', 'ORP.4.M5': 'not_implemented', 'CON.3.M5': 'not_implemented' });
    expect(preview).toMatchObject({ format: 'first_steps', summary: { new: 6, refused: 0 } });
    expect((await t.request(`/api/kovs/${KOV}/imports/${preview.id}/apply`, { method: 'POST', as: specialist })).status).toBe(200);
    const stored = t.db.prepare(`SELECT measure_id, status FROM measure_status WHERE ehak = ? ORDER BY measure_id`).all(KOV);
    expect(stored).toHaveLength(6);
    expect(stored).toContainEqual({ measure_id: 'CON.3.M5', status: 'not_implemented' });
  });

  it('refuses an unknown question, and a viewer may read but not answer', async () => {
    const bad = await t.request(`/api/kovs/${KOV}/first-steps`, { method: 'PUT', json: { answers: { 'pole-sellist': 'jah' } }, as: specialist });
    expect(bad.status).toBe(400);
    const viewer = signInAs(t.db, 'viewer', [KOV]).token;
    expect((await t.request(`/api/kovs/${KOV}/first-steps`, { as: viewer })).status).toBe(200);
    expect((await t.request(`/api/kovs/${KOV}/first-steps`, { method: 'PUT', json: { answers: { kontaktisik: 'jah' } }, as: viewer })).status).toBe(403);
    expect((await t.request(`/api/kovs/${KOV}/first-steps/preview`, { method: 'POST', as: viewer })).status).toBe(403);
  });
});
