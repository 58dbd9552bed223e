// Smart-City-Katalog: the web page on top of the JSON API. Plain ES module, no framework, no build step.
//
// Safety rule: text from feeds reaches the page only as text nodes (see el()). The one exception is the search
// highlight, whose <mark> tags highlighted() rebuilds as elements; no other markup from the API survives.

const main = document.getElementById('inhalt');
const SITE = 'Smart-City-Katalog';

// ---------------------------------------------------------------------------------------------------------------
// DOM helpers

/** An element with attributes and children; strings become text nodes, never markup. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) node.append(child);
  }
  return node;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references Elasticsearch's HTML encoder writes, so that they show as the characters. */
function decodeEntities(text) {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (reference, name) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? reference;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
  });
}

/**
 * A highlight passage from the API (HTML-escaped text with matches in <mark>…</mark>) as text nodes and <mark>
 * elements. It is never parsed as HTML: anything but the two mark tags stays literal text.
 */
function highlighted(passage) {
  const fragment = document.createDocumentFragment();
  let inMark = false;
  for (const part of passage.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') inMark = true;
    else if (part === '</mark>') inMark = false;
    else if (part) fragment.append(inMark ? el('mark', {}, decodeEntities(part)) : decodeEntities(part));
  }
  return fragment;
}

/** The URL when it is a web address; feeds could send javascript: or data: URLs, which must never become links. */
function webUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting

const dateFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' });
const longDateFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' });
const dateTimeFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
const monthFormat = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const relativeFormat = new Intl.RelativeTimeFormat('de-DE', { numeric: 'auto' });
const numberFormat = new Intl.NumberFormat('de-DE');
const percentFormat = new Intl.NumberFormat('de-DE', { style: 'percent' });

function time(instant, format = dateFormat) {
  return el('time', { datetime: instant }, format.format(new Date(instant)));
}

/** "vor 5 Minuten", "in 2 Stunden": how far an instant is from now, in the largest fitting unit. */
function relative(instant) {
  const seconds = (new Date(instant) - Date.now()) / 1000;
  const units = [['day', 86400], ['hour', 3600], ['minute', 60]];
  for (const [unit, length] of units) {
    if (Math.abs(seconds) >= length) return relativeFormat.format(Math.round(seconds / length), unit);
  }
  return relativeFormat.format(Math.round(seconds), 'second');
}

function count(number, one, many) {
  return `${numberFormat.format(number)} ${number === 1 ? one : many}`;
}

/** "2026-09" → "September 2026". */
function monthLabel(month) {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}

/** The first and last day of a month "2026-09", as the API's from and to take them. */
function monthRange(month) {
  const [year, number] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
}

// ---------------------------------------------------------------------------------------------------------------
// API

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function api(path, signal) {
  const response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body?.message ?? response.statusText);
  return body;
}

/** The taxonomy's labels by theme id; asked once per page load, and a failure only costs the labels. */
let themeLabels;
function themes() {
  themeLabels ??= api('/api/themes')
    .then(list => new Map(list.map(theme => [theme.id, theme])))
    .catch(() => new Map());
  return themeLabels;
}

// ---------------------------------------------------------------------------------------------------------------
// Views and navigation. Each view has an address; the server serves the same page for each (WebPage.VIEWS), so a
// view can be bookmarked, shared and reached with back and forward.

const views = [
  { path: /^\/$/, nav: 'suche', render: renderSearch },
  { path: /^\/meldung\/([^/]+)$/, nav: 'suche', render: renderItem },
  { path: /^\/quellen$/, nav: 'quellen', render: renderSources },
];

let loading = new AbortController();

/**
 * Shows the view of the current address.
 * @param focus where keyboard focus goes afterwards: 'heading' for a new view, 'results' after a filter changed,
 *              nothing when the user is typing or went back and forward
 */
async function render(focus) {
  loading.abort();
  loading = new AbortController();
  const signal = loading.signal;
  const match = views.map(view => ({ view, groups: location.pathname.match(view.path) })).find(found => found.groups);
  for (const link of document.querySelectorAll('.site-nav a')) {
    if (link.dataset.nav === match?.view.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  main.setAttribute('aria-busy', 'true');
  try {
    if (match) await match.view.render(signal, ...match.groups.slice(1).map(decodeURIComponent));
    else renderNotFound();
  } catch (error) {
    if (error.name === 'AbortError') return;
    renderProblem(error);
  }
  if (signal.aborted) return;
  main.removeAttribute('aria-busy');
  // A new view starts at the top (show() scrolled there, or to an anchor); new results are scrolled to.
  const target = focus === 'results' ? main.querySelector('#trefferzahl') : focus === 'heading' ? main.querySelector('h1') : null;
  if (target) {
    target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: focus === 'heading' });
  }
}

/** Replaces the main content with a new view. */
function show(view, title, ...content) {
  main.dataset.view = view;
  main.replaceChildren(...content);
  document.title = title ? `${title} – ${SITE}` : SITE;
  window.scrollTo(0, 0);
}

function navigate(url, focus) {
  history.pushState(null, '', url);
  render(focus);
}

document.addEventListener('click', event => {
  const link = event.target.closest('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href);
  if (url.origin !== location.origin || !views.some(view => view.path.test(url.pathname))) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return; // an anchor on this page
  event.preventDefault();
  const staysInSearch = url.pathname === '/' && main.dataset.view === 'suche';
  navigate(url, staysInSearch ? 'results' : 'heading');
});

window.addEventListener('popstate', () => render());

function renderNotFound() {
  show('fehlt', 'Seite nicht gefunden',
    el('h1', {}, 'Seite nicht gefunden'),
    el('p', { class: 'lead' }, 'Diese Adresse gibt es im Katalog nicht.'),
    el('p', {}, el('a', { href: '/' }, 'Zur Suche')));
}

function renderProblem(error) {
  const message = error instanceof ApiError && error.status === 503
    ? 'Der Suchindex ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.'
    : error instanceof ApiError
      ? `Die Anfrage wurde abgelehnt (HTTP ${error.status}): ${error.message}`
      : 'Der Katalog ist gerade nicht erreichbar. Bitte prüfen Sie die Verbindung und versuchen Sie es noch einmal.';
  show('fehler', 'Fehler',
    el('h1', {}, 'Das hat nicht geklappt'),
    el('p', { class: 'notice notice--error', role: 'alert' }, message),
    el('p', {}, el('button', { type: 'button', class: 'button', onclick: () => render('heading') }, 'Noch einmal versuchen')));
}

// ---------------------------------------------------------------------------------------------------------------
// Suche

/** The search parameters the page keeps in its address; they are the API's own. */
const SEARCH_PARAMETERS = ['q', 'city', 'state', 'theme', 'field', 'source', 'from', 'to', 'sort', 'page'];
const PAGE_SIZE = 20;
/** The API's result window: page × size may not pass it. */
const MAX_WINDOW = 10000;

const FACETS = [
  { name: 'theme', label: 'Thema' },
  { name: 'field', label: 'Handlungsfeld' },
  { name: 'state', label: 'Bundesland' },
  { name: 'city', label: 'Ort' },
  { name: 'month', label: 'Monat' },
  { name: 'source', label: 'Quelle' },
];
const FACET_PREVIEW = 8;

/** The address of the last search shown, for the item view's way back. */
let lastSearch = '/';

function searchParameters() {
  const current = new URLSearchParams(location.search);
  const parameters = new URLSearchParams();
  for (const name of SEARCH_PARAMETERS) {
    const value = current.get(name)?.trim();
    if (value) parameters.set(name, value);
  }
  return parameters;
}

/** The search address with some parameters changed (null removes one); any change of filter starts at page 1. */
function searchUrl(parameters, changes) {
  const next = new URLSearchParams(parameters);
  next.delete('page');
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) next.delete(name);
    else next.set(name, value);
  }
  const query = next.toString();
  return query ? `/?${query}` : '/';
}

async function renderSearch(signal) {
  const parameters = searchParameters();
  lastSearch = searchUrl(parameters, { page: parameters.get('page') });
  if (main.dataset.view !== 'suche') buildSearchView();
  const query = parameters.get('q') ?? '';
  main.querySelector('#q').value = query;
  document.title = query ? `${query} – Suche – ${SITE}` : `Suche – ${SITE}`;

  const results = main.querySelector('.search-results');
  results.classList.add('is-loading');
  const apiParameters = new URLSearchParams(parameters);
  apiParameters.set('size', PAGE_SIZE);
  const [result, labels] = await Promise.all([api(`/api/items?${apiParameters}`, signal), themes()]);
  if (signal.aborted) return;
  results.classList.remove('is-loading');

  main.querySelector('#sortierung').value = parameters.get('sort') ?? (query ? 'relevance' : 'date');
  main.querySelector('#trefferzahl').textContent = query
    ? `${count(result.total, 'Meldung', 'Meldungen')} zu „${query}“`
    : count(result.total, 'Meldung', 'Meldungen');
  main.querySelector('.active-filters').replaceChildren(...activeFilters(parameters, labels));
  main.querySelector('.facet-groups').replaceChildren(...FACETS.map(facet => facetGroup(facet, result.facets[facet.name] ?? [], parameters, labels)));
  main.querySelector('.result-list').replaceChildren(...result.items.map(item => resultEntry(item, parameters, labels)));
  main.querySelector('.no-results').hidden = result.total > 0;
  main.querySelector('.pagination').replaceChildren(...pagination(result, parameters));
}

/** The parts of the search view that stay while the user searches, so the search box keeps focus and text. */
function buildSearchView() {
  // The search box is where suggestions (/api/suggest) will attach: an input with a list below it.
  const input = el('input', { id: 'q', name: 'q', type: 'search', enterkeyhint: 'search',
    placeholder: 'z. B. Parken, Winterdienst, Bodensensoren' });
  const form = el('form', { class: 'search-form', role: 'search', action: '/', method: 'get', onsubmit: event => {
    event.preventDefault();
    navigate(searchUrl(searchParameters(), { q: input.value.trim() || null }));
  } },
    el('label', { for: 'q' }, 'Suchbegriff'),
    el('div', { class: 'search-form__row' },
      input,
      el('button', { type: 'submit', class: 'button' }, 'Suchen')));

  // Focus stays on the list while the user picks (moving it on change would be a surprise); the count is announced.
  const sort = el('select', { id: 'sortierung', onchange: () => navigate(searchUrl(searchParameters(), { sort: sort.value })) },
    el('option', { value: 'relevance' }, 'Relevanz'),
    el('option', { value: 'date' }, 'Neueste zuerst'));

  const filters = el('details', { class: 'facets' },
    el('summary', {}, 'Filter'),
    el('div', { class: 'facet-groups' }));
  filters.open = window.matchMedia('(min-width: 56em)').matches;

  show('suche', 'Suche',
    el('div', { class: 'search-intro' },
      el('h1', {}, 'Was machen andere Städte?'),
      el('p', { class: 'lead' }, 'Smart-City-Meldungen deutscher Kommunen durchsuchen – nach Thema, Handlungsfeld, Ort und Zeit.'),
      form),
    el('div', { class: 'search-layout' },
      el('aside', { class: 'search-filters', 'aria-label': 'Filter' }, filters),
      el('section', { class: 'search-results', 'aria-labelledby': 'trefferzahl' },
        el('div', { class: 'results-bar' },
          el('h2', { id: 'trefferzahl', 'aria-live': 'polite' }),
          el('div', { class: 'sort' }, el('label', { for: 'sortierung' }, 'Sortieren nach'), sort)),
        el('ul', { class: 'chips active-filters', 'aria-label': 'Aktive Filter' }),
        el('div', { class: 'no-results', hidden: true },
          el('p', {}, 'Keine Meldungen gefunden.'),
          el('p', { class: 'muted' }, 'Versuchen Sie einen anderen Suchbegriff oder entfernen Sie Filter.')),
        el('ol', { class: 'result-list' }),
        el('nav', { class: 'pagination', 'aria-label': 'Seiten' }))));
}

function facetValueLabel(name, value, labels) {
  if (name === 'theme') return labels.get(value)?.de ?? value;
  if (name === 'month') return monthLabel(value);
  return value;
}

/** The filters in force, each a chip that removes it. */
function activeFilters(parameters, labels) {
  const chips = [];
  const chip = (label, changes) => el('li', {},
    el('a', { class: 'chip chip--active', href: searchUrl(parameters, changes), 'aria-label': `Filter entfernen: ${label}` },
      label, el('span', { class: 'chip__remove', 'aria-hidden': 'true' }, '×')));
  for (const facet of FACETS.filter(facet => facet.name !== 'month')) {
    const value = parameters.get(facet.name);
    if (value) chips.push(chip(`${facet.label}: ${facetValueLabel(facet.name, value, labels)}`, { [facet.name]: null }));
  }
  const from = parameters.get('from');
  const to = parameters.get('to');
  if (from || to) {
    const month = from && to && from.slice(0, 7) === to.slice(0, 7) && monthRange(from.slice(0, 7));
    const label = month && month.from === from && month.to === to ? `Monat: ${monthLabel(from.slice(0, 7))}`
      : [from && `ab ${from}`, to && `bis ${to}`].filter(Boolean).join(' ');
    chips.push(chip(label, { from: null, to: null }));
  }
  if (parameters.get('q')) chips.push(chip(`Suchbegriff: ${parameters.get('q')}`, { q: null }));
  if (chips.length > 1) {
    chips.push(el('li', {}, el('a', { class: 'chip chip--clear', href: '/' }, 'Alle entfernen')));
  }
  return chips;
}

/** One facet: its values with counts, each a link that sets the filter, or removes it when it is set. */
function facetGroup(facet, values, parameters, labels) {
  const id = `facette-${facet.name}`;
  const isActive = value => facet.name === 'month'
    ? parameters.get('from') === monthRange(value).from && parameters.get('to') === monthRange(value).to
    : parameters.get(facet.name) === value;
  const changeFor = value => {
    if (facet.name === 'month') return isActive(value) ? { from: null, to: null } : monthRange(value);
    return { [facet.name]: isActive(value) ? null : value };
  };
  const entries = values.map((value, index) => el('li', { hidden: index >= FACET_PREVIEW || undefined },
    el('a', { class: 'facet__value', href: searchUrl(parameters, changeFor(value.value)),
      'aria-current': isActive(value.value) ? 'true' : undefined },
      el('span', { class: 'facet__label' }, facetValueLabel(facet.name, value.value, labels)),
      el('span', { class: 'facet__count' }, numberFormat.format(value.count)))));
  const more = values.length > FACET_PREVIEW && el('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false',
    onclick: event => {
      const expanded = event.currentTarget.getAttribute('aria-expanded') === 'true';
      entries.slice(FACET_PREVIEW).forEach(entry => { entry.hidden = expanded; });
      event.currentTarget.setAttribute('aria-expanded', String(!expanded));
      event.currentTarget.textContent = expanded ? `Alle ${values.length} zeigen` : 'Weniger zeigen';
    } }, `Alle ${values.length} zeigen`);
  return el('section', { class: 'facet' },
    el('h3', { id }, facet.label),
    values.length ? el('ul', { 'aria-labelledby': id }, entries) : el('p', { class: 'muted' }, 'keine'),
    more);
}

function resultEntry(item, parameters, labels) {
  const title = item.highlight?.title?.[0];
  const summary = item.highlight?.summary;
  return el('li', { class: 'result' },
    el('h3', { class: 'result__title' },
      el('a', { href: `/meldung/${encodeURIComponent(item.id)}` }, title ? highlighted(title) : item.title)),
    el('p', { class: 'result__meta' }, itemMeta(item)),
    summary?.length
      ? el('p', { class: 'result__summary' }, summary.flatMap((passage, index) => [index ? ' … ' : '', highlighted(passage)]))
      : item.summary && el('p', { class: 'result__summary' }, item.summary),
    item.themes.length > 0 && el('ul', { class: 'tags', 'aria-label': 'Themen' }, item.themes.map(theme =>
      el('li', {}, el('a', { class: 'tag', href: searchUrl(parameters, { theme: theme.id }) },
        labels.get(theme.id)?.de ?? theme.id)))));
}

/** Place and date of an item, and whether the date is only the day the catalogue first saw it. */
function itemMeta(item, format = dateFormat) {
  return [
    item.place && el('span', { class: 'meta__place' }, item.place.name),
    item.published && time(item.published, format),
    item.publishedEstimated && el('span', { class: 'badge', title: 'Die Quelle nennt kein Datum; angezeigt ist der Tag, an dem der Katalog die Meldung zuerst sah.' }, 'Datum geschätzt'),
  ].filter(Boolean);
}

function pagination(result, parameters) {
  const pages = Math.min(Math.ceil(result.total / result.size), Math.floor(MAX_WINDOW / result.size));
  if (pages <= 1) return [];
  const page = result.page;
  const link = (target, label, rel) => target >= 1 && target <= pages
    ? el('a', { class: 'button button--quiet', rel, href: searchUrl(parameters, { page: target > 1 ? String(target) : null }) }, label)
    : el('span', { class: 'button button--quiet', 'aria-disabled': 'true' }, label);
  return [
    link(page - 1, '‹ Zurück', 'prev'),
    el('span', { class: 'pagination__where' }, `Seite ${page} von ${pages}`),
    link(page + 1, 'Weiter ›', 'next'),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Meldung

async function renderItem(signal, id) {
  if (main.dataset.view !== 'meldung') show('meldung', 'Meldung', el('p', { class: 'muted' }, 'Meldung wird geladen …'));
  let item;
  try {
    item = await api(`/api/items/${encodeURIComponent(id)}`, signal);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    show('meldung', 'Meldung nicht gefunden',
      el('h1', {}, 'Meldung nicht gefunden'),
      el('p', { class: 'lead' }, 'Diese Meldung gibt es im Katalog nicht (mehr).'),
      el('p', {}, el('a', { href: lastSearch }, 'Zur Suche')));
    return;
  }
  const labels = await themes();
  if (signal.aborted) return;
  const original = webUrl(item.url);

  // The view's sections in order; similar items from other cities will join them.
  show('meldung', item.title,
    el('p', { class: 'back' }, el('a', { href: lastSearch }, '‹ Zurück zur Suche')),
    el('article', { class: 'item' },
      el('header', { class: 'item__header' },
        el('h1', {}, item.title),
        el('p', { class: 'item__meta' }, itemMeta(item, longDateFormat))),
      item.summary && el('p', { class: 'lead' }, item.summary),
      original
        ? el('p', {}, el('a', { class: 'button', href: original, rel: 'noopener noreferrer' },
          'Zur Originalmeldung', el('span', { class: 'muted-inverse' }, ` (${new URL(original).hostname})`)))
        : el('p', { class: 'muted' }, 'Die Quelle nennt keine Web-Adresse für diese Meldung.'),
      placeSection(item.place),
      themesSection(item.themes, labels),
      sourcesSection(item)));
}

function section(id, heading, ...content) {
  return el('section', { class: 'item__section', 'aria-labelledby': id }, el('h2', { id }, heading), ...content);
}

function placeSection(place) {
  if (!place) {
    return section('ort', 'Ort', el('p', { class: 'muted' }, 'Der Katalog hat in dieser Meldung keinen Ort erkannt.'));
  }
  const facts = [
    ['Ort', place.name],
    ['Kreis', place.kreis !== place.name && place.kreis],
    ['Bundesland', place.state],
    ['Gemeindeschlüssel (AGS)', place.ags],
  ].filter(([, value]) => value);
  return section('ort', 'Ort',
    el('dl', { class: 'facts' }, facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
    place.reason && el('p', { class: 'why' }, el('strong', {}, 'Warum dieser Ort? '), place.reason));
}

const WHERE = { title: 'im Titel', summary: 'im Anrisstext' };

function themesSection(themeList, labels) {
  if (!themeList.length) {
    return section('themen', 'Themen',
      el('p', { class: 'muted' }, 'Keinem Thema zugeordnet: kein Schlüsselwort der Themenliste kommt in Titel oder Anrisstext vor.'));
  }
  return section('themen', 'Themen – und warum',
    el('p', { class: 'muted' }, 'Der Katalog ordnet Themen nach Schlüsselwörtern in Titel und Anrisstext zu. Diese Wörter gaben den Ausschlag:'),
    el('ul', { class: 'theme-list' }, themeList.map(theme => {
      const label = labels.get(theme.id);
      const score = percentFormat.format(theme.score);
      return el('li', { class: 'theme' },
        el('div', { class: 'theme__head' },
          el('a', { class: 'tag', href: searchUrl(new URLSearchParams(), { theme: theme.id }) }, label?.de ?? theme.id),
          label && el('span', { class: 'muted' }, label.field),
          el('span', { class: 'theme__score' }, `Konfidenz ${score}`)),
        el('meter', { min: '0', max: '1', value: String(theme.score), 'aria-label': `Konfidenz ${score}` }),
        el('ul', { class: 'evidence', 'aria-label': 'Schlüsselwörter' }, theme.evidence.map(evidence =>
          el('li', {}, el('span', { class: 'term' }, evidence.term), ' ', el('span', { class: 'muted' }, WHERE[evidence.field] ?? evidence.field)))));
    })));
}

function sourcesSection(item) {
  const merged = item.merged ?? [];
  return section('quellen', 'Quellen',
    el('ul', { class: 'plain-list' }, item.sources.map(source =>
      el('li', {}, el('a', { href: `/quellen#quelle-${encodeURIComponent(source)}` }, source)))),
    ...(merged.length ? [
      el('h3', {}, 'Zusammengeführte Berichte'),
      el('p', { class: 'muted' }, 'Dieselbe Geschichte bei anderen Quellen, als eine Meldung geführt:'),
      el('ul', { class: 'merged-list' }, merged.map(report => {
        const url = webUrl(report.url);
        return el('li', {},
          url ? el('a', { href: url, rel: 'noopener noreferrer' }, report.title) : report.title,
          el('span', { class: 'muted' }, ` – ${report.source}, Ähnlichkeit ${percentFormat.format(report.similarity)}`),
          report.reason && el('p', { class: 'why' }, report.reason));
      })),
    ] : []));
}

// ---------------------------------------------------------------------------------------------------------------
// Quellen

const KINDS = { auto: 'Feed', rss: 'RSS', atom: 'Atom', rdf: 'RSS 1.0 (RDF)', html: 'HTML-Seite' };

const STATUS = {
  'ok': { label: 'in Ordnung', tone: 'ok', meaning: 'Der letzte Abruf brachte den Feed.' },
  'not-modified': { label: 'unverändert', tone: 'ok', meaning: 'Der Server meldete „nicht geändert“ (HTTP 304): nichts Neues.' },
  'failing': { label: 'gestört', tone: 'warn', meaning: 'Der letzte Abruf schlug fehl; der Grund steht in der Spalte „Letzter Fehler“.' },
  'backing-off': { label: 'gedrosselt', tone: 'bad', meaning: 'Mehrmals in Folge fehlgeschlagen oder vom Server um Pause gebeten: wird seltener abgerufen.' },
  'never-fetched': { label: 'noch nicht abgerufen', tone: 'neutral', meaning: 'Noch kein Abruf, etwa direkt nach dem Start.' },
};

async function renderSources(signal) {
  if (main.dataset.view !== 'quellen') show('quellen', 'Quellen', el('p', { class: 'muted' }, 'Quellen werden geladen …'));
  const [sources, metrics] = await Promise.all([api('/api/sources', signal), api('/api/metrics', signal)]);
  if (signal.aborted) return;
  const healthy = sources.filter(source => source.status === 'ok' || source.status === 'not-modified').length;

  show('quellen', 'Quellen',
    el('h1', {}, 'Quellen'),
    el('p', { class: 'lead' }, `Die Feeds und Meldungsseiten, die der Katalog liest: ${healthy} von ${count(sources.length, 'Quelle', 'Quellen')} in Ordnung.`),
    section('kennzahlen', 'Seit dem Start',
      el('dl', { class: 'stats' }, [
        ['Abrufe', metrics.fetches],
        ['davon unverändert (304)', metrics.notModified],
        ['davon fehlgeschlagen', metrics.failures],
        ['Meldungen gespeichert', metrics.itemsStored],
        ['noch nicht im Suchindex', metrics.indexLag],
      ].map(([label, value]) => el('div', { class: 'stat' }, el('dt', {}, label), el('dd', {}, numberFormat.format(value))))),
      el('p', { class: 'muted' }, 'Gezählt seit ', time(metrics.since, dateTimeFormat), '.')),
    section('zustand', 'Zustand der Quellen',
      el('table', { class: 'source-table' },
        el('thead', {}, el('tr', {}, ['Quelle', 'Status', 'Letzter Erfolg', 'Letzter Fehler', 'Nächster Abruf', 'Meldungen (30 Tage)']
          .map(heading => el('th', { scope: 'col' }, heading)))),
        el('tbody', {}, sources.map(sourceRow))),
      el('h3', {}, 'Was der Status bedeutet'),
      el('dl', { class: 'legend' }, Object.values(STATUS).flatMap(status =>
        [el('dt', {}, el('span', { class: `status status--${status.tone}` }, status.label)), el('dd', {}, status.meaning)]))));
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) {
    target.classList.add('is-target');
    target.scrollIntoView();
  }
}

function sourceRow(source) {
  const status = STATUS[source.status] ?? { label: source.status, tone: 'neutral', meaning: '' };
  const url = webUrl(source.url);
  const when = instant => instant ? [el('span', {}, relative(instant)), el('br'), el('span', { class: 'muted' }, time(instant, dateTimeFormat))] : el('span', { class: 'muted' }, '–');
  return el('tr', { id: `quelle-${source.id}` },
    el('th', { scope: 'row' },
      el('span', { class: 'source__id' }, source.id),
      el('span', { class: 'muted source__detail' }, [source.city ?? 'Portal (mehrere Orte)', KINDS[source.kind] ?? source.kind].join(' · ')),
      url ? el('a', { class: 'source__url', href: url, rel: 'noopener noreferrer' }, url) : el('span', { class: 'source__url muted' }, source.url)),
    el('td', { 'data-label': 'Status' },
      el('span', { class: `status status--${status.tone}`, title: status.meaning }, status.label),
      source.consecutiveFailures > 0 && el('span', { class: 'muted' }, ` ${count(source.consecutiveFailures, 'Fehlschlag', 'Fehlschläge')} in Folge`)),
    el('td', { 'data-label': 'Letzter Erfolg' }, when(source.lastSuccess)),
    el('td', { 'data-label': 'Letzter Fehler' }, source.lastError ?? el('span', { class: 'muted' }, 'keiner')),
    el('td', { 'data-label': 'Nächster Abruf' }, source.nextPoll ? when(source.nextPoll) : el('span', { class: 'muted' }, 'sofort')),
    el('td', { 'data-label': 'Meldungen (30 Tage)', class: 'number' },
      numberFormat.format(source.itemsLast30Days), el('span', { class: 'muted' }, ` von ${numberFormat.format(source.itemCount)}`)));
}

render();
