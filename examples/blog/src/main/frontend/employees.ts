// Seed 000's employees demo: lists, creates, edits and deletes employees through the typescript-fetch client that
// the build generates from the example's document (`api-client`), with the session cookie and its X-CSRFToken
// header, as Pegasus's front end does. Bundled by esbuild (build.sh); EmployeesPage serves it.
import { AuthApi, Configuration, Employee, EmployeesApi, ResponseError } from 'api-client';

function cookie(name: string): string {
    const found = document.cookie.split('; ').find(c => c.startsWith(name + '='));
    return found ? decodeURIComponent(found.substring(name.length + 1)) : '';
}

// seed 000: new Configuration({basePath, headers: {'X-CSRFToken': Cookies.get('csrftoken')}}); made per call, so a
// sign-in's new token is used
function employees(): EmployeesApi {
    return new EmployeesApi(new Configuration({ basePath: location.origin, credentials: 'same-origin',
        headers: { 'X-CSRFToken': cookie('csrftoken') } }));
}

const status = document.getElementById('status') as HTMLParagraphElement;
const rows = document.querySelector('#employees tbody') as HTMLTableSectionElement;
const form = document.getElementById('employee') as HTMLFormElement;

function field(name: string): HTMLInputElement {
    return form.elements.namedItem(name) as HTMLInputElement;
}

async function show(e: unknown): Promise<void> {
    if (e instanceof ResponseError) {
        const body = await e.response.json();
        status.textContent = `${e.response.status}: ${body.detail}` + (body.errors ? ' ' + JSON.stringify(body.errors) : '');
    } else {
        status.textContent = String(e);
    }
}

function row(employee: Employee): HTMLTableRowElement {
    const tr = document.createElement('tr');
    tr.dataset.id = String(employee.id);
    for (const text of [employee.name, employee.department, String(employee.salary)]) {
        tr.appendChild(document.createElement('td')).textContent = text; // text, never markup
    }
    const edit = document.createElement('button');
    edit.textContent = 'Edit';
    edit.className = 'edit';
    edit.onclick = () => {
        field('id').value = String(employee.id);
        field('name').value = employee.name;
        field('department').value = employee.department;
        field('salary').value = String(employee.salary);
        field('hire_date').value = employee.hireDate.toISOString().substring(0, 10);
    };
    const remove = document.createElement('button');
    remove.textContent = 'Delete';
    remove.className = 'delete';
    remove.onclick = () => employees().destroyEmployee({ id: employee.id }).then(list, show);
    const actions = tr.appendChild(document.createElement('td'));
    actions.append(edit, remove);
    return tr;
}

async function list(): Promise<void> {
    const page = await employees().listEmployees({ pageSize: 100, ordering: 'name' });
    rows.replaceChildren(...page.results.map(row));
    status.textContent = `${page.count} employees`;
}

async function save(): Promise<void> {
    const id = field('id').value;
    const input = { name: field('name').value, department: field('department').value,
        salary: Number(field('salary').value), hireDate: new Date(field('hire_date').value) };
    if (id) {
        await employees().partialUpdateEmployee({ id: Number(id), employeePatch: input });
    } else {
        await employees().createEmployee({ employeeInput: input });
    }
    form.reset();
    field('id').value = '';
    await list();
}

(document.getElementById('sign-in') as HTMLFormElement).onsubmit = event => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    new AuthApi(new Configuration({ basePath: location.origin, credentials: 'same-origin' }))
        .login({ login: { username: String(data.get('username')), password: String(data.get('password')) } })
        .then(list, show);
};
form.onsubmit = event => {
    event.preventDefault();
    save().catch(show);
};
list().catch(show);
