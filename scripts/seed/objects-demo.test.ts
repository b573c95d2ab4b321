import { describe, expect, it } from 'vitest';
import { seedCatalogIndex } from '../../api/catalog/seed.ts';
import { listObjects } from '../../api/objects/read.ts';
import { createTestContext } from '../../tests/helpers/app.ts';
import { seedDemoAccounts } from './accounts.ts';
import { seedObjectsDemo } from './objects-demo.ts';

describe('demo structure analysis', () => {
  it('gives Anija vald the typical objects, linked, with the maximum principle visible', () => {
    const t = createTestContext();
    seedCatalogIndex(t.db);
    seedDemoAccounts(t.db, () => {});
    seedObjectsDemo(t.db, () => {});
    const objects = new Map(listObjects(t.db, '0141').map((o) => [o.name, o]));
    expect(objects.size).toBe(9);
    const dms = objects.get('Dokumendihaldussüsteem')!;
    const servers = objects.get('Serverid')!;
    expect(dms.dependsOn).toEqual([servers.id]);
    expect(servers.effectiveNeed.confidentiality).toBe('high');
    expect(servers.needOrigin.confidentiality).toBe(dms.id);
    // The server room inherits through the servers, from the document management system.
    expect(objects.get('Serveriruum')!.needOrigin.confidentiality).toBe(dms.id);
  });
});
