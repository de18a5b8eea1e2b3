// Drives openapi-fetch, typed by openapi-typescript's types of the example's document, against the running example
// app; OtherClientsTest generates the types, compiles this script under `tsc --strict` and asserts on the JSON
// printed. Arguments: base URL, username, password, API key (keyid:secret), a tag that makes this run's titles
// unique.
declare const process: { argv: string[] };

import createClient from 'openapi-fetch';
import type { paths } from './schema';

async function main(): Promise<void> {
    const [baseUrl, username, password, apiKey, tag] = process.argv.slice(2);
    const report: Record<string, unknown> = {};
    const anonymous = createClient<paths>({ baseUrl });
    const tokens = await anonymous.POST('/auth/obtain_token/', { body: { username, password } });
    if (!tokens.data) {
        throw new Error('no token: ' + JSON.stringify(tokens.error));
    }
    const jwt = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${tokens.data.access}` } });

    const created = await jwt.POST('/api/posts/', { body: { title: `From openapi-fetch ${tag}`, content: 'Generated' } });
    report.created = { id: created.data?.id, title: created.data?.title };
    const listed = await jwt.GET('/api/posts/', { params: { query: { title__icontains: tag, page_size: 5 } } });
    report.listed = { count: listed.data?.count, titles: listed.data?.results.map(p => p.title) };

    const invalid = await jwt.POST('/api/posts/', { body: { title: '', content: 'no title' } });
    report.invalid = { status: invalid.response?.status, errors: invalid.error?.errors };

    const keyed = createClient<paths>({ baseUrl, headers: { Authorization: `Api-Key ${apiKey}` } });
    const employees = await keyed.GET('/api/employees/', {});
    report.employees = { count: employees.data?.count };

    // API methods: HTTP Basic with the key as the password; form fields through a FormData body serializer
    const basic = createClient<paths>({ baseUrl,
        headers: { Authorization: `Basic ${btoa(`${username}:${apiKey}`)}` } });
    const upload = await basic.POST('/api/home/upload', {
        body: { file: 'hello', note: 'from openapi-fetch' },
        bodySerializer: body => {
            const form = new FormData();
            form.append('file', new Blob([body.file], { type: 'text/plain' }), 'hello.txt');
            form.append('note', body.note ?? '');
            return form;
        },
    });
    report.upload = upload.data;
    const echo = await basic.POST('/api/types/echo', {
        body: { name: 'ada', tags: ['a', 'b'], people: [{ name: 'ada', age: 36 }], scores: { alice: 3 } },
    });
    report.echo = { name: echo.data?.name, tags: echo.data?.tags, people: echo.data?.people,
        scores: echo.data?.scores };
    console.log(JSON.stringify(report));
}

main().catch(e => {
    console.error(e);
    throw e;
});
