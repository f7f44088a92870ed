// The reference vacancy page: a list with search, a unit filter and paging, and a detail view, all read
// from the public API exactly as the municipal website would. Nothing is kept between views: every view
// asks the API again, and the browser's HTTP cache follows the API's Cache-Control and ETag.

// A site on another origin sets the service's address here, and the service lists that origin in
// JOBS_CORS_ORIGINS.
const API = '/api/v1';
const PAGE_SIZE = 20;
const ZONE = 'Europe/Copenhagen';

const dateFormat = new Intl.DateTimeFormat('da-DK', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('da-DK', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });
// A stage's date is a calendar date already: formatted as it stands, not moved through a time zone.
const stageDateFormat = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE });

const list = document.getElementById('liste');
const detail = document.getElementById('stilling');
const failure = document.getElementById('fejl');
const form = document.getElementById('soegning');
const count = document.getElementById('antal');
const suggestion = document.getElementById('forslag');
const items = document.getElementById('stillinger');
const pages = document.getElementById('sider');
const unitSelect = document.getElementById('enhed');

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `Svar ${status}`);
    this.status = status;
  }
}

async function get(path, accept = 'application/json') {
  // The page is Danish whatever the browser's language: labels and problem texts in Danish too.
  const answer = await fetch(API + path, { headers: { Accept: accept, 'Accept-Language': 'da' } });
  if (!answer.ok) {
    const problem = answer.headers.get('Content-Type')?.startsWith('application/problem+json')
      ? await answer.json()
      : null;
    throw new ApiError(answer.status, problem);
  }
  return accept === 'application/json' ? answer.json() : answer.text();
}

/** Children as nodes: nested lists flattened, absent ones (null, undefined, false) left out. */
function nodes(children) {
  return children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false);
}

/** An element with attributes and children; strings become text, never markup. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false)
      element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...nodes(children));
  return element;
}

function deadlineText(iso) {
  const at = new Date(iso);
  return `${dateFormat.format(at)} kl. ${timeFormat.format(at)}`;
}

/** Whole days from today to the deadline's day, both in Copenhagen (as the API's `daysLeft`). */
function daysLeft(iso) {
  return Math.round((Date.parse(isoDay.format(new Date(iso))) - Date.parse(isoDay.format(new Date()))) / 86_400_000);
}

function daysLeftText(iso) {
  if (new Date(iso) < new Date()) return 'fristen er udløbet';
  const days = daysLeft(iso);
  if (days === 0) return 'fristen udløber i dag';
  return days === 1 ? '1 dag tilbage' : `${days} dage tilbage`;
}

function deadline(iso) {
  return [h('time', { datetime: iso }, deadlineText(iso)), ' ', h('span', { class: 'dage' }, `(${daysLeftText(iso)})`)];
}

function facts(rows) {
  return h(
    'dl',
    { class: 'fakta' },
    rows
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))),
  );
}

function pageUrl(params) {
  const query = new URLSearchParams([...params].filter(([, value]) => value !== ''));
  const text = query.toString();
  return text ? `/?${text}` : '/';
}

// --- The list

function unitOptions(units, counts, chosen) {
  const options = [h('option', { value: '' }, 'Alle enheder')];
  const walk = (nodes, depth) => {
    for (const unit of nodes) {
      const value = String(unit.id);
      options.push(
        h(
          'option',
          { value, selected: value === chosen },
          `${'\u00a0\u00a0'.repeat(depth)}${unit.name} (${counts.get(value) ?? 0})`,
        ),
      );
      walk(unit.children, depth + 1);
    }
  };
  walk(units, 0);
  unitSelect.replaceChildren(...options);
}

/** A text with the stretches a search matched (`{start, end}`, UTF-16 offsets as the API gives them) in `mark`. */
function marked(text, spans = []) {
  const parts = [];
  let at = 0;
  for (const { start, end } of spans) {
    if (start < at || end > text.length) continue;
    parts.push(text.slice(at, start), h('mark', {}, text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.filter((part) => part !== '');
}

function summary(position) {
  const excerpt = position.match?.excerpt;
  return h(
    'li',
    {},
    h(
      'article',
      { class: 'kort', 'aria-labelledby': `s-${position.id}` },
      h(
        'h2',
        { id: `s-${position.id}` },
        h('a', { href: pageUrl([['stilling', position.slug]]) }, marked(position.title, position.match?.title)),
      ),
      excerpt ? h('p', { class: 'uddrag' }, marked(excerpt.text, excerpt.marks)) : null,
      facts([
        ['Enhed', position.unit.name],
        ['Rekrutteringsbureau', position.agency?.name],
        ['Ansøgningsfrist', deadline(position.applicationDeadline)],
        ['Løn', position.pay?.summary],
      ]),
    ),
  );
}

function paging(params, page, total) {
  const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
  pages.hidden = last === 1;
  const link = (to, text, rel) => {
    const next = new URLSearchParams(params);
    next.set('side', String(to));
    if (to === 1) next.delete('side');
    return h('a', { href: pageUrl(next), rel }, text);
  };
  pages.replaceChildren(
    h(
      'ul',
      {},
      h('li', {}, page > 1 ? link(page - 1, 'Forrige side', 'prev') : null),
      h('li', { 'aria-current': 'page' }, `Side ${page} af ${last}`),
      h('li', {}, page < last ? link(page + 1, 'Næste side', 'next') : null),
    ),
  );
}

async function showList(params) {
  const q = params.get('q') ?? '';
  const unit = params.get('enhed') ?? '';
  // Only postings that state their starting pay (the API's payStated).
  const paid = params.get('loen') === '1' ? '1' : '';
  const page = Math.max(1, Number.parseInt(params.get('side') ?? '1', 10) || 1);
  form.elements.q.value = q;
  form.elements.loen.checked = paid === '1';
  const query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE), facets: 'unit' });
  if (q) query.set('q', q);
  if (unit) query.set('unit', unit);
  if (paid) query.set('payStated', 'true');
  const [units, answer] = await Promise.all([get('/units'), get(`/positions?${query}`)]);

  const counts = new Map((answer.facets?.[0]?.values ?? []).map((value) => [value.value, value.count]));
  unitOptions(units, counts, unit);
  count.textContent = answer.total === 1 ? '1 ledig stilling' : `${answer.total} ledige stillinger`;
  // The API's corrected query, when a close spelling finds what the typed one does not.
  suggestion.hidden = !answer.didYouMean;
  suggestion.replaceChildren(
    ...(answer.didYouMean
      ? [
          'Mente du ',
          h(
            'a',
            {
              href: pageUrl([
                ['q', answer.didYouMean],
                ['enhed', unit],
                ['loen', paid],
              ]),
            },
            answer.didYouMean,
          ),
          '?',
        ]
      : []),
  );
  items.replaceChildren(...answer.items.map(summary));
  if (answer.items.length === 0 && answer.total > 0) {
    items.replaceChildren(
      h(
        'li',
        {},
        'Der er ingen stillinger på denne side. ',
        h(
          'a',
          {
            href: pageUrl([
              ['q', q],
              ['enhed', unit],
              ['loen', paid],
            ]),
          },
          'Gå til første side',
        ),
      ),
    );
  }
  paging(params, page, answer.total);
  document.title = q ? `Søgning: ${q} – Ledige stillinger` : 'Ledige stillinger';
  return list.querySelector('h1');
}

// --- The detail view

/**
 * A section's text as the API gives it for web pages (`html`): paragraphs, emphasis, lists and links, already
 * escaped and sanitised by the API's OWASP policy. The page's Content-Security-Policy would stop a script anyway.
 */
function sectionText(html) {
  const text = h('div', { class: 'tekst' });
  text.innerHTML = html;
  return text;
}

function contact(person) {
  return h(
    'li',
    {},
    h('p', { class: 'navn' }, person.name),
    h('p', {}, [person.role, person.organisation].filter(Boolean).join(', ')),
    person.phone
      ? h('p', {}, 'Telefon: ', h('a', { href: `tel:${person.phone}` }, person.phoneDisplay ?? person.phone))
      : null,
    person.email ? h('p', {}, 'E-mail: ', h('a', { href: `mailto:${person.email}` }, person.email)) : null,
  );
}

function clock(time) {
  return time.replace(':', '.');
}

function stage(step) {
  let when = 'Dato følger';
  if (step.date) {
    when = stageDateFormat.format(new Date(`${step.date}T00:00:00Z`));
    if (step.startTime) when += `, kl. ${clock(step.startTime)}${step.endTime ? `–${clock(step.endTime)}` : ''}`;
  }
  const datetime = step.date && step.startTime ? `${step.date}T${step.startTime}` : step.date;
  return h(
    'li',
    {},
    h('h3', {}, step.label),
    h('p', { class: 'naar' }, datetime ? h('time', { datetime }, when) : when),
    step.location ? h('p', {}, `Sted: ${step.location}`) : null,
    step.note ? h('p', {}, step.note) : null,
  );
}

function section(heading, ...content) {
  return h('section', {}, h('h2', {}, heading), ...content);
}

function structuredData(slug, jsonLd) {
  document.querySelectorAll('head .jsonld').forEach((element) => element.remove());
  if (jsonLd === null) return null;
  // What search engines read: the API's schema.org JobPosting, as a data block (never executed), and where it is.
  document.head.append(
    h('script', { class: 'jsonld', type: 'application/ld+json' }, jsonLd),
    h('link', { class: 'jsonld', rel: 'alternate', type: 'application/ld+json', href: `${API}/positions/${slug}` }),
  );
  return h(
    'details',
    {},
    h('summary', {}, 'Strukturerede data til søgemaskiner (schema.org JobPosting, JSON-LD)'),
    h(
      'p',
      {},
      'Hentes fra ',
      h('code', {}, `${API}/positions/${slug}`),
      ' med ',
      h('code', {}, 'Accept: application/ld+json'),
      '.',
    ),
    h('pre', { tabindex: '0', 'aria-label': 'JSON-LD' }, JSON.stringify(JSON.parse(jsonLd), null, 2)),
  );
}

async function showPosition(slug, back) {
  const path = `/positions/${encodeURIComponent(slug)}`;
  const [position, jsonLd] = await Promise.all([get(path), get(path, 'application/ld+json').catch(() => null)]);
  const open = position.status === 'open';
  const history = position.deadlineHistory.map((change) =>
    h(
      'li',
      {},
      `Fristen blev ${deadlineText(change.changedAt)} flyttet fra ${deadlineText(change.previousDeadline)} til ${deadlineText(change.newDeadline)}.`,
    ),
  );

  detail.replaceChildren(
    ...nodes([
      h(
        'p',
        {},
        h(
          'a',
          { href: back ?? '/', class: 'tilbage', 'data-tilbage': back ? '' : null },
          'Tilbage til alle stillinger',
        ),
      ),
      h('h1', { id: 'stilling-overskrift', tabindex: '-1' }, position.title),
      h(
        'p',
        { class: `status ${open ? 'aaben' : 'lukket'}` },
        open
          ? `${position.statusLabel}: ansøgningsfrist ${deadlineText(position.applicationDeadline)}`
          : `${position.statusLabel}: fristen er udløbet`,
      ),
      facts([
        ['Arbejdsgiver', position.employer.name],
        ['Enhed', position.unitPath.map((unit) => unit.name).join(' › ')],
        ['Rekrutteringsbureau', position.agency?.name],
        ['Reference til', position.reportsTo],
        ['Ansøgningsfrist', position.applicationDeadline ? deadline(position.applicationDeadline) : null],
        ['Arbejdstid', position.workingHours],
        ['Løn', position.pay?.summary],
        ['Lønvilkår', position.pay?.text],
        ['Pension', position.pension],
        [
          'Tiltrædelse',
          position.startText ??
            (position.startDate ? stageDateFormat.format(new Date(`${position.startDate}T00:00:00Z`)) : null),
        ],
        ['Ansættelsesvilkår', position.employmentTerms],
      ]),
      open && position.applyUrl
        ? h('p', {}, h('a', { class: 'knap', href: position.applyUrl }, 'Søg stillingen'))
        : null,
      history.length ? h('ul', { class: 'historik' }, history) : null,
      position.sections.map((part) => section(part.heading, sectionText(part.html))),
      position.hiringCommittee.length
        ? section(
            'Ansættelsesudvalg',
            h(
              'ul',
              {},
              position.hiringCommittee.map((member) => h('li', {}, `${member.name}, ${member.role}`)),
            ),
          )
        : null,
      position.contacts.length
        ? section('Kontakt', h('ul', { class: 'kontakter' }, position.contacts.map(contact)))
        : null,
      position.stages.length
        ? section('Rekrutteringsforløb', h('ol', { class: 'forloeb' }, position.stages.map(stage)))
        : null,
      position.links.length
        ? section(
            'Links og bilag',
            h(
              'ul',
              {},
              position.links.map((link) => h('li', {}, h('a', { href: link.url }, link.title))),
            ),
          )
        : null,
      section(
        'Kalender og data',
        h(
          'ul',
          {},
          h(
            'li',
            {},
            h(
              'a',
              { href: `${API}/calendars/positions/${position.slug}.ics` },
              'Føj fristen og samtalerne til din kalender (iCalendar)',
            ),
          ),
          h('li', {}, h('a', { href: `${API}${path}`, type: 'application/json' }, 'Opslaget som JSON')),
        ),
        structuredData(position.slug, jsonLd),
      ),
    ]),
  );
  document.title = `${position.title} – Ledige stillinger`;
  return detail.querySelector('h1');
}

// --- Views and navigation: every view has its own URL (`/?q=…&enhed=…&side=…`, `/?stilling=<slug>`).

let shown = 0;

async function show({ focus = false } = {}) {
  const params = new URLSearchParams(window.location.search);
  const slug = params.get('stilling');
  const turn = ++shown;
  failure.replaceChildren();
  const view = slug ? detail : list;
  view.setAttribute('aria-busy', 'true');
  try {
    const heading = slug ? await showPosition(slug, window.history.state?.back) : await showList(params);
    if (turn !== shown) return;
    list.hidden = Boolean(slug);
    detail.hidden = !slug;
    if (!slug) structuredData(null, null);
    if (focus) heading.focus();
  } catch (error) {
    if (turn !== shown) return;
    list.hidden = true;
    detail.hidden = true;
    structuredData(null, null);
    const text =
      error instanceof ApiError && error.status === 404 && slug
        ? 'Stillingen findes ikke. Den kan være trukket tilbage.'
        : error instanceof ApiError && error.status < 500
          ? error.message
          : 'Stillingerne kan ikke hentes lige nu. Prøv igen om lidt.';
    failure.replaceChildren(
      h('h1', { tabindex: '-1' }, 'Det gik ikke'),
      h('p', {}, text),
      h('p', {}, h('a', { href: '/' }, 'Til alle stillinger')),
    );
    if (focus) failure.querySelector('h1').focus();
  } finally {
    view.removeAttribute('aria-busy');
  }
}

/** A new view, focused on its heading; a search stays in its form, and the status line says how many it found. */
function go(url, { state = {}, focus = true } = {}) {
  window.history.pushState(state, '', url);
  if (focus) window.scrollTo(0, 0);
  show({ focus });
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a');
  if (
    !link ||
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  )
    return;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname !== '/') return;
  event.preventDefault();
  if (link.hasAttribute('data-tilbage')) {
    window.history.back();
    return;
  }
  const fromList = !new URLSearchParams(window.location.search).has('stilling');
  const toDetail = url.searchParams.has('stilling');
  go(url.pathname + url.search, {
    state: toDetail && fromList ? { back: window.location.pathname + window.location.search } : {},
  });
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  go(
    pageUrl([
      ['q', form.elements.q.value.trim()],
      ['enhed', unitSelect.value],
      ['loen', form.elements.loen.checked ? '1' : ''],
    ]),
    { focus: false },
  );
});

window.addEventListener('popstate', () => show({ focus: true }));
show();
