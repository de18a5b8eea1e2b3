// Drives the generated typescript-fetch client against the running example app; TypeScriptClientTest compiles it
// with the client under `tsc --strict` and asserts on the JSON it prints. Arguments: base URL, username, password,
// API key (keyid:secret).
// node's globals, declared here rather than through @types/node, which the node project does not carry
declare const process: { argv: string[]; exit(code: number): never };

// region imports
import { AuthApi, Configuration, EmployeesApi, HomeApi, PostsApi, ResponseError, TypesApi } from './client';
// endregion imports

async function main(): Promise<void> {
    const [basePath, username, password, apiKey] = process.argv.slice(2);
    const report: Record<string, unknown> = {};

    // region jwt
    const tokens = await new AuthApi(new Configuration({ basePath })).obtainToken({
        tokenObtainRequest: { username, password },
    });
    report.tokenIssued = tokens.access.length > 0;

    // seed 000's shape: new Configuration({basePath, headers}), one class per tag
    const config = new Configuration({ basePath, headers: { Authorization: `Bearer ${tokens.access}` } });
    const posts = new PostsApi(config);
    const created = await posts.createPost({ postInput: { title: 'From TypeScript', content: 'Generated client' } });
    // endregion jwt
    await posts.createPost({ postInput: { title: 'Another post', content: 'Second' } });
    report.created = { id: created.id, title: created.title };

    // region lists
    const filtered = await posts.listPosts({ titleIcontains: 'typescript', page: '1', pageSize: 10 });
    report.filtered = { count: filtered.count, titles: filtered.results.map(p => p.title) };
    const paged = await posts.listPosts({ pageSize: 1, page: '2', ordering: 'id' });
    // endregion lists
    report.paged = { count: paged.count, results: paged.results.length, hasPrevious: paged.previous != null };

    const retrieved = await posts.retrievePost({ id: created.id });
    report.retrieved = { id: retrieved.id, title: retrieved.title };
    const updated = await posts.updatePost({
        id: created.id, postInput: { title: 'Updated from TypeScript', content: 'Changed', draft: false },
    });
    report.updated = { title: updated.title, content: updated.content };
    await posts.destroyPost({ id: created.id });
    try {
        await posts.retrievePost({ id: created.id });
        report.afterDelete = 200;
    } catch (e) {
        report.afterDelete = e instanceof ResponseError ? e.response.status : String(e);
    }

    // region errors
    try {
        await posts.createPost({ postInput: { title: '', content: 'no title' } });
        report.invalid = { status: 201 };
    } catch (e) {
        if (!(e instanceof ResponseError)) {
            throw e;
        }
        const body = await e.response.json();
        report.invalid = { typed: true, status: e.response.status, errors: body.errors };
    }
    // endregion errors

    // region api-key
    const keyed = new Configuration({ basePath, headers: { Authorization: `Api-Key ${apiKey}` } });
    const employees = await new EmployeesApi(keyed).listEmployees({ pageSize: 5 });
    // endregion api-key
    report.employees = { count: employees.count, results: employees.results.length };

    // the API methods take a session or HTTP Basic, whose password may be an API key
    // region basic
    const basic = new Configuration({ basePath, username, password: apiKey });
    const site = await new HomeApi(basic).homeDescribeSite();
    // endregion basic
    report.describeSite = { name: site.name, caller: site.caller };
    const echo = await new TypesApi(basic).typesEcho({ name: 'ada', count: 3, tags: ['a', 'b'] });
    report.echo = { name: echo.name, count: echo.count, tags: echo.tags };

    console.log(JSON.stringify(report));
}

main().catch(async e => {
    const detail = e instanceof ResponseError ? `${e.response.status} ${await e.response.text()}` : String(e);
    console.error(`client-run failed: ${detail}`);
    process.exit(1);
});
