// Drives the @hey-api/openapi-ts client (fetch) against the running example app; OtherClientsTest generates it from
// the example's document, compiles it with this script under `tsc --strict` and asserts on the JSON printed.
// Arguments: base URL, username, password, API key (keyid:secret), a tag that makes this run's titles unique.
declare const process: { argv: string[] };

import { createClient } from './client/client';
import { createPost, homeUpload, listEmployees, listPosts, obtainToken, typesEcho } from './client/sdk.gen';

async function main(): Promise<void> {
    const [baseUrl, username, password, apiKey, tag] = process.argv.slice(2);
    const report: Record<string, unknown> = {};
    const anonymous = createClient({ baseUrl });
    const tokens = await obtainToken({ client: anonymous, body: { username, password }, throwOnError: true });
    const jwt = createClient({ baseUrl, headers: { Authorization: `Bearer ${tokens.data.access}` } });

    const created = await createPost({ client: jwt, body: { title: `From hey-api ${tag}`, content: 'Generated' },
        throwOnError: true });
    report.created = { id: created.data.id, title: created.data.title };
    const listed = await listPosts({ client: jwt, query: { title__icontains: tag, page_size: 5 },
        throwOnError: true });
    report.listed = { count: listed.data.count, titles: listed.data.results.map(p => p.title) };

    const invalid = await createPost({ client: jwt, body: { title: '', content: 'no title' } });
    report.invalid = { status: invalid.response?.status, errors: invalid.error?.errors };

    const keyed = createClient({ baseUrl, headers: { Authorization: `Api-Key ${apiKey}` } });
    const employees = await listEmployees({ client: keyed, throwOnError: true });
    report.employees = { count: employees.data.count };

    // API methods: HTTP Basic with the key as the password; homeUpload is multipart form fields only
    const basic = createClient({ baseUrl, headers: { Authorization: `Basic ${btoa(`${username}:${apiKey}`)}` } });
    const upload = await homeUpload({ client: basic, throwOnError: true,
        body: { file: new Blob(['hello'], { type: 'text/plain' }), note: 'from hey-api' } });
    report.upload = upload.data;
    const echo = await typesEcho({ client: basic, throwOnError: true,
        body: { name: 'ada', tags: ['a', 'b'], people: [{ name: 'ada', age: 36 }], scores: { alice: 3 } } });
    report.echo = { name: echo.data.name, tags: echo.data.tags, people: echo.data.people, scores: echo.data.scores };
    console.log(JSON.stringify(report));
}

main().catch(e => {
    console.error(e);
    throw e;
});
