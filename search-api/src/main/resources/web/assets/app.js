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

/**
 * What a part of a view asks for that the rest can show without: its answer, or the fallback when the API could not
 * give it. Leaving the view (an abort) still ends the whole view.
 */
async function optional(answer, fallback) {
  try {
    return await answer;
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    return fallback;
  }
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
  { path: /^\/vergleich$/, nav: 'vergleich', render: renderCompare },
  { path: /^\/projekte$/, nav: 'projekte', render: renderProjects },
  { path: /^\/projekt\/([^/]+)$/, nav: 'projekte', render: renderProject },
  { path: /^\/quellen$/, nav: 'quellen', render: renderSources },
  { path: /^\/redaktion$/, nav: 'redaktion', render: renderEditor },
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
  // A filter changed within a list: focus goes to the new count rather than back to the top.
  const staysInList = url.pathname === location.pathname && main.querySelector('#trefferzahl');
  navigate(url, staysInList ? 'results' : 'heading');
});

window.addEventListener('popstate', () => render());

function renderNotFound() {
  showMissing('fehlt', 'Seite nicht gefunden', 'Diese Adresse gibt es im Katalog nicht.', '/', 'Zur Suche');
}

/** A view for an address the catalogue does not know. */
function showMissing(view, heading, lead, back, backLabel) {
  show(view, heading, el('h1', {}, heading), el('p', { class: 'lead' }, lead), el('p', {}, el('a', { href: back }, backLabel)));
}

/**
 * The one item or project a view is about, with a notice while it loads; undefined when the API does not know it,
 * after showing so.
 */
async function loadOne(view, path, signal, { noun, lead, back, backLabel }) {
  if (main.dataset.view !== view) show(view, noun, el('p', { class: 'muted' }, `${noun} wird geladen …`));
  try {
    return await api(path, signal);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    showMissing(view, `${noun} nicht gefunden`, lead, back, backLabel);
    return undefined;
  }
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
// Lists with facets: the search of items and the project catalogue. Each keeps its filters in its address as the
// API's own parameters, so it can be shared, reloaded, and walked with back and forward.

const PAGE_SIZE = 20;
/** The API's result window: page × size may not pass it. */
const MAX_WINDOW = 10000;
const FACET_PREVIEW = 8;

/**
 * The item search. Its chips are its facets' filters, plus the project that only a project's page links to.
 * Its entries are made by resultEntry, its projects' by projectEntry (both further down).
 */
/** What each filter is called on the page. */
const FILTER_LABELS = {
  theme: 'Thema', field: 'Handlungsfeld', state: 'Bundesland', city: 'Ort', month: 'Monat', source: 'Quelle',
  project: 'Projekt', status: 'Status', programme: 'Förderprogramm',
};

const ITEM_LIST = {
  path: '/',
  endpoint: '/api/items',
  key: 'items',
  nouns: ['Meldung', 'Meldungen'],
  parameters: ['q', 'city', 'state', 'theme', 'field', 'source', 'project', 'from', 'to', 'sort', 'page'],
  facets: ['theme', 'field', 'state', 'city', 'month', 'source'],
  linkedFilters: ['project'],
  entry: (item, parameters, labels) => resultEntry(item, parameters, labels),
};

const PROJECT_LIST = {
  path: '/projekte',
  endpoint: '/api/projects',
  key: 'projects',
  nouns: ['Projekt', 'Projekte'],
  parameters: ['q', 'city', 'state', 'theme', 'field', 'status', 'programme', 'page'],
  facets: ['theme', 'field', 'status', 'state', 'city', 'programme'],
  linkedFilters: [],
  entry: (project, parameters, labels) => projectEntry(project, parameters, labels),
};

/** The address of the last search shown, for the item view's way back. */
let lastSearch = '/';

function listParameters(list) {
  const current = new URLSearchParams(location.search);
  const parameters = new URLSearchParams();
  for (const name of list.parameters) {
    const value = current.get(name)?.trim();
    if (value) parameters.set(name, value);
  }
  return parameters;
}

/** The list's address with some parameters changed (null removes one); any change of filter starts at page 1. */
function listUrl(list, parameters, changes) {
  const next = new URLSearchParams(parameters);
  next.delete('page');
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) next.delete(name);
    else next.set(name, value);
  }
  const query = next.toString();
  return query ? `${list.path}?${query}` : list.path;
}

const searchParameters = () => listParameters(ITEM_LIST);
const searchUrl = (parameters, changes) => listUrl(ITEM_LIST, parameters, changes);

/** The parts of a list view that stay while the user filters, so the search box keeps focus and text. */
function buildListView(list, view, { heading, lead, label, placeholder, tools }) {
  const input = el('input', { id: 'q', name: 'q', type: 'search', enterkeyhint: 'search', autocomplete: 'off', placeholder });
  const form = el('form', { class: 'search-form', role: 'search', action: list.path, method: 'get', onsubmit: event => {
    event.preventDefault();
    navigate(listUrl(list, listParameters(list), { q: input.value.trim() || null }));
  } },
    el('label', { for: 'q' }, label),
    el('div', { class: 'search-form__row' },
      el('div', { class: 'combobox' }, input),
      el('button', { type: 'submit', class: 'button' }, 'Suchen')));

  const filters = el('details', { class: 'facets' },
    el('summary', {}, 'Filter'),
    el('div', { class: 'facet-groups' }));
  filters.open = window.matchMedia('(min-width: 56em)').matches;

  show(view, heading,
    el('div', { class: 'search-intro' }, el('h1', {}, heading), el('p', { class: 'lead' }, lead), form),
    el('div', { class: 'search-layout' },
      el('aside', { class: 'search-filters', 'aria-label': 'Filter' }, filters),
      el('section', { class: 'search-results', 'aria-labelledby': 'trefferzahl' },
        el('div', { class: 'results-bar' }, el('h2', { id: 'trefferzahl', 'aria-live': 'polite' }), tools),
        el('ul', { class: 'chips active-filters', 'aria-label': 'Aktive Filter' }),
        el('div', { class: 'no-results', hidden: true },
          el('p', {}, `Keine ${list.nouns[1]} gefunden.`),
          el('p', { class: 'muted' }, 'Versuchen Sie einen anderen Suchbegriff oder entfernen Sie Filter.')),
        el('ol', { class: 'result-list' }),
        el('nav', { class: 'pagination', 'aria-label': 'Seiten' }))));
  return input;
}

/** Asks the API for the list's current page and shows it: count, active filters, facets, entries and pages. */
async function fillList(list, parameters, signal) {
  const query = parameters.get('q') ?? '';
  main.querySelector('#q').value = query;
  const results = main.querySelector('.search-results');
  results.classList.add('is-loading');
  const apiParameters = new URLSearchParams(parameters);
  apiParameters.set('size', PAGE_SIZE);
  const [result, labels] = await Promise.all([api(`${list.endpoint}?${apiParameters}`, signal), themes()]);
  if (signal.aborted) return;
  results.classList.remove('is-loading');

  const [one, many] = list.nouns;
  main.querySelector('#trefferzahl').textContent = query
    ? `${count(result.total, one, many)} zu „${query}“`
    : count(result.total, one, many);
  main.querySelector('.active-filters').replaceChildren(...activeFilters(list, parameters, labels));
  main.querySelector('.facet-groups').replaceChildren(...list.facets.map(name =>
    facetGroup(list, name, result.facets[name] ?? [], parameters, labels)));
  main.querySelector('.result-list').replaceChildren(...result[list.key].map(entry => list.entry(entry, parameters, labels)));
  main.querySelector('.no-results').hidden = result.total > 0;
  main.querySelector('.pagination').replaceChildren(...pagination(list, result, parameters));
}

function facetValueLabel(name, value, labels) {
  if (name === 'theme') return labels.get(value)?.de ?? value;
  if (name === 'month') return monthLabel(value);
  if (name === 'status') return PROJECT_STATUS[value]?.label ?? value;
  return value;
}

/** The filters in force, each a chip that removes it. */
function activeFilters(list, parameters, labels) {
  const chips = [];
  const chip = (label, changes) => el('li', {},
    el('a', { class: 'chip chip--active', href: listUrl(list, parameters, changes), 'aria-label': `Filter entfernen: ${label}` },
      label, el('span', { class: 'chip__remove', 'aria-hidden': 'true' }, '×')));
  for (const name of list.facets.filter(facet => facet !== 'month').concat(list.linkedFilters)) {
    const value = parameters.get(name);
    if (value) chips.push(chip(`${FILTER_LABELS[name]}: ${facetValueLabel(name, value, labels)}`, { [name]: null }));
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
    chips.push(el('li', {}, el('a', { class: 'chip chip--clear', href: list.path }, 'Alle entfernen')));
  }
  return chips;
}

/** One facet: its values with counts, each a link that sets the filter, or removes it when it is set. */
function facetGroup(list, name, values, parameters, labels) {
  const id = `facette-${name}`;
  const isActive = value => name === 'month'
    ? parameters.get('from') === monthRange(value).from && parameters.get('to') === monthRange(value).to
    : parameters.get(name) === value;
  const changeFor = value => {
    if (name === 'month') return isActive(value) ? { from: null, to: null } : monthRange(value);
    return { [name]: isActive(value) ? null : value };
  };
  const entries = values.map((value, index) => el('li', { hidden: index >= FACET_PREVIEW || undefined },
    el('a', { class: 'facet__value', href: listUrl(list, parameters, changeFor(value.value)),
      'aria-current': isActive(value.value) ? 'true' : undefined },
      el('span', { class: 'facet__label' }, facetValueLabel(name, value.value, labels)),
      el('span', { class: 'facet__count' }, numberFormat.format(value.count)))));
  const more = values.length > FACET_PREVIEW && el('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false',
    onclick: event => {
      const expanded = event.currentTarget.getAttribute('aria-expanded') === 'true';
      entries.slice(FACET_PREVIEW).forEach(entry => { entry.hidden = expanded; });
      event.currentTarget.setAttribute('aria-expanded', String(!expanded));
      event.currentTarget.textContent = expanded ? `Alle ${values.length} zeigen` : 'Weniger zeigen';
    } }, `Alle ${values.length} zeigen`);
  return el('section', { class: 'facet' },
    el('h3', { id }, FILTER_LABELS[name]),
    values.length ? el('ul', { 'aria-labelledby': id }, entries) : el('p', { class: 'muted' }, 'keine'),
    more);
}

/** Theme ids as tags, each a link (to a list filtered by it). */
function themeTags(ids, hrefFor, labels) {
  return ids.length > 0 && el('ul', { class: 'tags', 'aria-label': 'Themen' }, ids.map(id =>
    el('li', {}, el('a', { class: 'tag', href: hrefFor(id) }, labels.get(id)?.de ?? id))));
}

function pagination(list, result, parameters) {
  const pages = Math.min(Math.ceil(result.total / result.size), Math.floor(MAX_WINDOW / result.size));
  if (pages <= 1) return [];
  const page = result.page;
  const link = (target, label, rel) => target >= 1 && target <= pages
    ? el('a', { class: 'button button--quiet', rel, href: listUrl(list, parameters, { page: target > 1 ? String(target) : null }) }, label)
    : el('span', { class: 'button button--quiet', 'aria-disabled': 'true' }, label);
  return [
    link(page - 1, '‹ Zurück', 'prev'),
    el('span', { class: 'pagination__where' }, `Seite ${page} von ${pages}`),
    link(page + 1, 'Weiter ›', 'next'),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Suche

async function renderSearch(signal) {
  const parameters = searchParameters();
  lastSearch = searchUrl(parameters, { page: parameters.get('page') });
  if (main.dataset.view !== 'suche') {
    // Focus stays on the list while the user picks (moving it on change would be a surprise); the count is announced.
    const sort = el('select', { id: 'sortierung', onchange: () => navigate(searchUrl(searchParameters(), { sort: sort.value })) },
      el('option', { value: 'relevance' }, 'Relevanz'),
      el('option', { value: 'date' }, 'Neueste zuerst'));
    const input = buildListView(ITEM_LIST, 'suche', {
      heading: 'Was machen andere Städte?',
      lead: 'Smart-City-Meldungen deutscher Kommunen durchsuchen – nach Thema, Handlungsfeld, Ort und Zeit.',
      label: 'Suchbegriff, Ort oder Projekt',
      placeholder: 'z. B. Parken, Mannheim, Bodensensoren',
      tools: el('div', { class: 'sort' }, el('label', { for: 'sortierung' }, 'Sortieren nach'), sort),
    });
    suggestions(input);
    main.querySelector('.search-results').append(
      el('p', { class: 'feed-link' }, el('a', { type: 'application/atom+xml' }, 'Als Feed abonnieren')));
  }
  const query = parameters.get('q') ?? '';
  document.title = query ? `${query} – Suche – ${SITE}` : `Suche – ${SITE}`;
  await fillList(ITEM_LIST, parameters, signal);
  if (signal.aborted) return;
  main.querySelector('#sortierung').value = parameters.get('sort') ?? (query ? 'relevance' : 'date');
  // The feed takes the search's filters; it is always newest first and has no pages.
  const feed = new URLSearchParams(parameters);
  feed.delete('sort');
  feed.delete('page');
  main.querySelector('.feed-link a').href = feed.size ? `/feeds/items.atom?${feed}` : '/feeds/items.atom';
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
    themeTags(item.themes.map(theme => theme.id), theme => searchUrl(parameters, { theme }), labels));
}

const SUGGESTION_TYPES = { city: 'Ort', theme: 'Thema', project: 'Projekt' };
const SUGGEST_DELAY_MS = 150;

/**
 * Completions from /api/suggest under the search box, as an ARIA combobox: up and down move through them, Enter
 * takes one (or searches for the text when none is chosen), Escape closes the list. A city or theme becomes a
 * filter, a project opens its page.
 */
function suggestions(input) {
  const list = el('ul', { id: 'q-vorschlaege', class: 'suggestions', role: 'listbox', 'aria-label': 'Vorschläge' });
  const status = el('p', { class: 'visually-hidden', role: 'status' });
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.after(list, status);
  let options = [];
  let active = -1;
  let timer;
  let request = new AbortController();

  const close = () => {
    request.abort();
    clearTimeout(timer);
    options = [];
    active = -1;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const highlight = index => {
    active = index;
    options.forEach((option, position) => option.element.setAttribute('aria-selected', String(position === index)));
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', options[index].element.id);
      options[index].element.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const choose = suggestion => {
    close();
    if (suggestion.type === 'project') {
      navigate(`/projekt/${encodeURIComponent(suggestion.value)}`, 'heading');
      return;
    }
    input.value = '';
    navigate(searchUrl(searchParameters(), { [suggestion.type]: suggestion.value, q: null }), 'results');
  };
  const open = found => {
    options = found.map((suggestion, index) => ({ suggestion, element: el('li', {
      id: `q-vorschlag-${index}`, class: 'suggestion', role: 'option', 'aria-selected': 'false',
      // Taking the click on mousedown keeps focus in the box, so the list is not closed by the box's blur first.
      onmousedown: event => { event.preventDefault(); choose(suggestion); },
    },
      el('span', { class: 'suggestion__label' }, suggestion.label),
      el('span', { class: 'suggestion__detail' }, [SUGGESTION_TYPES[suggestion.type] ?? suggestion.type, suggestion.detail]
        .filter(Boolean).join(' · '))) }));
    active = -1;
    list.replaceChildren(...options.map(option => option.element));
    input.setAttribute('aria-expanded', String(options.length > 0));
    input.removeAttribute('aria-activedescendant');
    status.textContent = options.length ? count(options.length, 'Vorschlag', 'Vorschläge') : '';
  };
  const ask = async text => {
    request.abort();
    request = new AbortController();
    const signal = request.signal;
    try {
      const found = await api(`/api/suggest?q=${encodeURIComponent(text)}`, signal);
      if (!signal.aborted && input.value.trim() === text) open(found);
    } catch (error) {
      // Suggestions are a help: without them the search box still searches.
      if (error.name !== 'AbortError') close();
    }
  };

  input.addEventListener('input', () => {
    const text = input.value.trim();
    clearTimeout(timer);
    if (!text) {
      close();
      return;
    }
    timer = setTimeout(() => ask(text), SUGGEST_DELAY_MS);
  });
  input.addEventListener('keydown', event => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!options.length) return;
      event.preventDefault();
      // The positions run through the options and round to the box itself (-1).
      const next = active + (event.key === 'ArrowDown' ? 1 : -1);
      highlight(next >= options.length ? -1 : next < -1 ? options.length - 1 : next);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(options[active].suggestion);
    } else if (event.key === 'Escape' && options.length) {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter') {
      close();
    }
  });
  input.addEventListener('blur', close);
}

/** Place and date of an item, and whether the date is only the day the catalogue first saw it. */
function itemMeta(item, format = dateFormat) {
  return [
    item.place && el('span', { class: 'meta__place' }, item.place.name),
    item.published && time(item.published, format),
    item.publishedEstimated && el('span', { class: 'badge', title: 'Die Quelle nennt kein Datum; angezeigt ist der Tag, an dem der Katalog die Meldung zuerst sah.' }, 'Datum geschätzt'),
  ].filter(Boolean);
}

// ---------------------------------------------------------------------------------------------------------------
// Meldung

async function renderItem(signal, id) {
  const item = await loadOne('meldung', `/api/items/${encodeURIComponent(id)}`, signal,
    { noun: 'Meldung', lead: 'Diese Meldung gibt es im Katalog nicht (mehr).', back: lastSearch, backLabel: 'Zur Suche' });
  if (!item) return;
  const [labels, similar] = await Promise.all([themes(), similarElsewhere(item, signal)]);
  if (signal.aborted) return;
  const original = webUrl(item.url);

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
      linkedProjectsSection(item.projects ?? []),
      similarSection(similar),
      sourcesSection(item)));
}

/**
 * What other places do like this item: the items most like it, and the projects most like the projects it names.
 * Empty lists when the API could not say; the item itself shows all the same.
 */
function similarElsewhere(item, signal) {
  const slugs = (item.projects ?? []).map(project => project.slug);
  return optional(Promise.all([
    api(`/api/items/${encodeURIComponent(item.id)}/similar`, signal),
    ...slugs.map(slug => api(`/api/projects/${encodeURIComponent(slug)}/similar`, signal))])
    .then(([items, ...perProject]) => {
      // A project like two of the item's projects is listed once, with its better match.
      const projects = new Map();
      for (const hit of perProject.flatMap(answer => answer.projects)) {
        if (!slugs.includes(hit.slug) && !(projects.get(hit.slug)?.score >= hit.score)) projects.set(hit.slug, hit);
      }
      return { items: items.items, projects: [...projects.values()].sort((a, b) => b.score - a.score), failed: false };
    }), { items: [], projects: [], failed: true });
}

function linkedProjectsSection(projects) {
  return section('projekte', 'Projekte',
    projects.length
      ? el('ul', { class: 'linked-list' }, projects.map(project => el('li', {},
        el('a', { href: `/projekt/${encodeURIComponent(project.slug)}` }, project.name),
        project.reason && el('p', { class: 'why' }, el('strong', {}, 'Warum verknüpft? '), project.reason))))
      : el('p', { class: 'muted' }, 'Die Meldung nennt kein Projekt aus dem Projektkatalog.'));
}

function similarSection(similar) {
  const content = [];
  if (similar.failed) {
    content.push(el('p', { class: 'muted' }, 'Ähnliche Projekte lassen sich gerade nicht abrufen. Die Meldung selbst ist vollständig.'));
  } else if (!similar.items.length && !similar.projects.length) {
    content.push(el('p', { class: 'muted' }, 'In anderen Städten fand der Katalog nichts Vergleichbares.'));
  }
  if (similar.projects.length) content.push(el('h3', {}, 'Projekte'), similarProjects(similar.projects));
  if (similar.items.length) {
    content.push(el('h3', {}, 'Meldungen'),
      el('ul', { class: 'similar-list' }, similar.items.map(item => el('li', { class: 'similar' },
        el('a', { class: 'similar__title', href: `/meldung/${encodeURIComponent(item.id)}` }, item.title),
        el('p', { class: 'result__meta' }, itemMeta(item)),
        el('p', { class: 'why' }, item.why.text)))));
  }
  return section('aehnlich', 'Ähnliche Projekte in anderen Städten', ...content);
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
// Projekte

/** The API's status ids with their German labels (as ProjectStatus has them) and the colour each is shown in. */
const PROJECT_STATUS = {
  planned: { label: 'geplant', tone: 'neutral' },
  pilot: { label: 'Pilot', tone: 'warn' },
  running: { label: 'in Betrieb', tone: 'ok' },
  completed: { label: 'abgeschlossen', tone: 'neutral' },
  discontinued: { label: 'eingestellt', tone: 'bad' },
};

/** The address of the last project list shown, for the project page's way back. */
let lastProjects = PROJECT_LIST.path;

async function renderProjects(signal) {
  const parameters = listParameters(PROJECT_LIST);
  lastProjects = listUrl(PROJECT_LIST, parameters, { page: parameters.get('page') });
  if (main.dataset.view !== 'projekte') {
    buildListView(PROJECT_LIST, 'projekte', {
      heading: 'Projekte',
      lead: 'Smart-City-Projekte deutscher Kommunen: was sie bauen, wie weit sie sind und was darüber berichtet wurde.',
      label: 'Projekt suchen',
      placeholder: 'z. B. Parksensoren, LoRaWAN, Hürth',
    });
  }
  const query = parameters.get('q');
  document.title = query ? `${query} – Projekte – ${SITE}` : `Projekte – ${SITE}`;
  await fillList(PROJECT_LIST, parameters, signal);
}

function projectEntry(project, parameters, labels) {
  return el('li', { class: 'result' },
    el('h3', { class: 'result__title' }, el('a', { href: `/projekt/${encodeURIComponent(project.slug)}` }, project.name)),
    el('p', { class: 'result__meta' }, projectMeta(project),
      el('span', {}, count(project.newsCount, 'Meldung', 'Meldungen'))),
    project.description && el('p', { class: 'result__summary' }, project.description),
    themeTags(project.themes, theme => listUrl(PROJECT_LIST, parameters, { theme }), labels));
}

/** Place, status and period of a project. */
function projectMeta(project) {
  const status = PROJECT_STATUS[project.status] ?? { tone: 'neutral' };
  return [
    project.place && el('span', { class: 'meta__place' }, project.place.name),
    el('span', { class: `status status--${status.tone}` }, project.statusLabel ?? status.label ?? project.status),
    project.period && el('span', {}, period(project.period)),
  ].filter(Boolean);
}

/** "April 2025 – Dezember 2027", or "seit Mai 2026" while it has no end. */
function period({ from, to }) {
  return to ? `${monthLabel(from)} – ${monthLabel(to)}` : `seit ${monthLabel(from)}`;
}

async function renderProject(signal, slug) {
  const project = await loadOne('projekt', `/api/projects/${encodeURIComponent(slug)}`, signal,
    { noun: 'Projekt', lead: 'Dieses Projekt gibt es im Katalog nicht (mehr).', back: lastProjects, backLabel: 'Zu den Projekten' });
  if (!project) return;
  const [labels, similar] = await Promise.all([themes(), optional(
    api(`/api/projects/${encodeURIComponent(slug)}/similar`, signal).then(answer => ({ projects: answer.projects, failed: false })),
    { projects: [], failed: true })]);
  if (signal.aborted) return;
  const links = (project.links ?? []).map(link => ({ label: link.label, url: webUrl(link.url) })).filter(link => link.url);
  const facts = [
    ['Ort', project.place && [project.place.name, project.place.state].filter(Boolean).join(', ')],
    ['Status', project.statusLabel],
    ['Zeitraum', project.period && period(project.period)],
    ['Förderprogramm', project.programme],
    ['Partner', project.partners?.join(', ')],
    ['Handlungsfelder', project.fields?.join(', ')],
    ['Auch genannt', project.aliases?.join(', ')],
  ].filter(([, value]) => value);

  show('projekt', project.name,
    el('p', { class: 'back' }, el('a', { href: lastProjects }, '‹ Alle Projekte')),
    el('article', { class: 'item' },
      el('header', { class: 'item__header' },
        el('h1', {}, project.name),
        el('p', { class: 'item__meta' }, projectMeta(project))),
      project.description && el('p', { class: 'lead' }, project.description),
      themeTags(project.themes, theme => listUrl(PROJECT_LIST, new URLSearchParams(), { theme }), labels),
      section('steckbrief', 'Steckbrief',
        el('dl', { class: 'facts' }, facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
        links.length > 0 && el('ul', { class: 'plain-list', 'aria-label': 'Links' }, links.map(link =>
          el('li', {}, el('a', { href: link.url, rel: 'noopener noreferrer' }, link.label || new URL(link.url).hostname))))),
      timelineSection(project),
      section('aehnlich', 'Ähnliche Projekte in anderen Städten', similar.failed
        ? el('p', { class: 'muted' }, 'Ähnliche Projekte lassen sich gerade nicht abrufen.')
        : similarProjects(similar.projects))));
  if (sessionStorage.getItem(EDITOR_KEY)) {
    const editor = await editorModule();
    const suggestions = await editor.projectSuggestions(slug, signal);
    if (!signal.aborted) main.querySelector('article').append(editor.projectForm(labels, project), suggestions);
  }
}

/** The project's news, newest first, each with why it belongs to the project. */
function timelineSection(project) {
  const all = searchUrl(new URLSearchParams(), { project: project.slug, sort: 'date' });
  return section('zeitverlauf', 'Meldungen im Zeitverlauf',
    project.timeline.length
      ? el('ol', { class: 'timeline' }, project.timeline.map(entry => el('li', { class: 'timeline__entry' },
        entry.published && time(entry.published, longDateFormat),
        el('a', { class: 'timeline__title', href: `/meldung/${encodeURIComponent(entry.id)}` }, entry.title),
        entry.reason && el('p', { class: 'muted' }, entry.reason))))
      : el('p', { class: 'muted' }, 'Noch keine Meldung nennt dieses Projekt.'),
    project.newsCount > 0 && el('p', {}, el('a', { href: all },
      project.newsCount > project.timeline.length ? `Alle ${count(project.newsCount, 'Meldung', 'Meldungen')} in der Suche` : 'In der Suche zeigen')));
}

function similarProjects(projects) {
  return projects.length
    ? el('ul', { class: 'similar-list' }, projects.map(project => el('li', { class: 'similar' },
      el('a', { class: 'similar__title', href: `/projekt/${encodeURIComponent(project.slug)}` }, project.name),
      el('p', { class: 'result__meta' }, projectMeta(project)),
      el('p', { class: 'why' }, project.why.text))))
    : el('p', { class: 'muted' }, 'In anderen Städten fand der Katalog kein vergleichbares Projekt.');
}

// ---------------------------------------------------------------------------------------------------------------
// Vergleich

const COMPARE = { path: '/vergleich', parameters: ['field', 'state', 'from', 'to', 'sort'] };
const STATES = ['Baden-Württemberg', 'Bayern', 'Berlin', 'Brandenburg', 'Bremen', 'Hamburg', 'Hessen', 'Mecklenburg-Vorpommern',
  'Niedersachsen', 'Nordrhein-Westfalen', 'Rheinland-Pfalz', 'Saarland', 'Sachsen', 'Sachsen-Anhalt', 'Schleswig-Holstein', 'Thüringen'];
/** Colour steps of the heatmap; each is a class in app.css. */
const HEAT_LEVELS = 4;
/** Themes in the chart when no field of action narrows them: the ones with the most items. */
const CHART_THEMES = 5;
const germanOrder = new Intl.Collator('de-DE');

async function renderCompare(signal) {
  const parameters = listParameters(COMPARE);
  if (main.dataset.view !== 'vergleich') show('vergleich', 'Vergleich', el('p', { class: 'muted' }, 'Vergleich wird geladen …'));
  const [matrix, labels] = await Promise.all([api(`/api/compare?${parameters}`, signal), themes()]);
  if (signal.aborted) return;
  const charted = [...matrix.columns].sort((a, b) => b.items - a.items).filter(column => column.items > 0).slice(0, CHART_THEMES);
  const series = { themes: charted.map(column => ({ label: column.label, counts: new Map(column.months.map(month => [month.value, month.count])) })) };

  show('vergleich', 'Vergleich',
    el('h1', {}, 'Städte vergleichen'),
    el('p', { class: 'lead' }, 'Welche Städte berichten zu welchem Thema? Jedes Feld zählt die Meldungen eines Orts zu einem Thema; ein Klick zeigt sie.'),
    compareForm(parameters, labels),
    el('section', { class: 'item__section', 'aria-labelledby': 'trefferzahl' },
      el('h2', { id: 'trefferzahl' }, `${count(matrix.rows.length, 'Ort', 'Orte')} × ${count(matrix.columns.length, 'Thema', 'Themen')}: `
        + `${count(matrix.totals.items, 'Meldung', 'Meldungen')}, ${count(matrix.totals.projects, 'Projekt', 'Projekte')}`),
      matrix.rows.length ? heatmap(matrix, parameters) : el('p', { class: 'muted' }, 'Für diese Auswahl gibt es keine Meldungen und keine Projekte.')),
    section('verlauf', 'Meldungen je Monat', monthChart(series)));
}

function compareForm(parameters, labels) {
  const fields = [...new Set([...labels.values()].map(theme => theme.field))].sort(germanOrder.compare);
  const choice = (id, label, options, value) => el('div', { class: 'field' },
    el('label', { for: id }, label),
    el('select', { id, name: id }, options.map(([option, text]) => el('option', { value: option, selected: option === value }, text))));
  const month = (id, label, value) => el('div', { class: 'field' },
    el('label', { for: id }, label),
    el('input', { id, name: id, type: 'month', value: value?.slice(0, 7) }));
  return el('form', { class: 'compare-form', 'aria-label': 'Auswahl', onsubmit: event => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // Months given the wrong way round mean the span between them.
    const [from, to] = [form.get('von'), form.get('bis')].sort((a, b) => a && b ? a.localeCompare(b) : 0);
    navigate(listUrl(COMPARE, new URLSearchParams(), {
      field: form.get('handlungsfeld') || null,
      state: form.get('bundesland') || null,
      from: from ? monthRange(from).from : null,
      to: to ? monthRange(to).to : null,
      sort: form.get('reihenfolge') === 'name' ? 'name' : null,
    }), 'results');
  } },
    choice('handlungsfeld', 'Handlungsfeld', [['', 'alle'], ...fields.map(field => [field, field])], parameters.get('field') ?? ''),
    choice('bundesland', 'Bundesland', [['', 'alle'], ...STATES.map(state => [state, state])], parameters.get('state') ?? ''),
    month('von', 'Von (Monat)', parameters.get('from')),
    month('bis', 'Bis (Monat)', parameters.get('to')),
    choice('reihenfolge', 'Sortieren nach', [['count', 'Anzahl'], ['name', 'Name']], parameters.get('sort') ?? 'count'),
    el('button', { type: 'submit', class: 'button' }, 'Anzeigen'));
}

/** Cities × themes as a table; a cell is a link to its items (or, with none, to its projects). */
function heatmap(matrix, parameters) {
  const max = Math.max(1, ...matrix.rows.flatMap(row => Object.values(row.cells).map(cell => cell.items)));
  const level = items => Math.ceil(items * HEAT_LEVELS / max);
  const range = { from: parameters.get('from'), to: parameters.get('to') };
  const cell = (row, column) => {
    const counts = row.cells[column.id];
    if (!counts) return el('td', { class: 'heat heat--0' });
    const label = `${row.name}, ${column.label}: ${count(counts.items, 'Meldung', 'Meldungen')}`
      + (counts.projects ? `, ${count(counts.projects, 'Projekt', 'Projekte')}` : '');
    const href = counts.items
      ? searchUrl(new URLSearchParams(Object.entries(range).filter(([, value]) => value)), { city: row.name, theme: column.id, sort: 'date' })
      : listUrl(PROJECT_LIST, new URLSearchParams(), { city: row.name, theme: column.id });
    return el('td', { class: `heat heat--${level(counts.items)}` },
      el('a', { class: 'heat__link', href, 'aria-label': label, title: label },
        el('span', { class: 'heat__items' }, numberFormat.format(counts.items)),
        counts.projects > 0 && el('span', { class: 'heat__projects' }, `${counts.projects} P`)));
  };
  return [
    el('div', { class: 'heatmap-scroll', role: 'region', 'aria-label': 'Tabelle Orte × Themen, seitlich verschiebbar', tabindex: '0' },
      el('table', { class: 'heatmap' },
        el('caption', { class: 'visually-hidden' }, 'Meldungen und Projekte je Ort und Thema'),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col', class: 'heatmap__corner' }, 'Ort'),
          matrix.columns.map(column => el('th', { scope: 'col', class: 'heatmap__theme', title: column.field },
            el('span', {}, column.label))))),
        el('tbody', {}, matrix.rows.map(row => el('tr', {},
          el('th', { scope: 'row', class: 'heatmap__city' }, row.name, el('span', { class: 'muted' }, row.state)),
          matrix.columns.map(column => cell(row, column))))))),
    heatLegend(max),
  ];
}

/** Which counts each colour stands for. */
function heatLegend(max) {
  const steps = [];
  for (let step = 1; step <= HEAT_LEVELS; step++) {
    const low = Math.floor(max * (step - 1) / HEAT_LEVELS) + 1;
    const high = Math.floor(max * step / HEAT_LEVELS);
    if (low <= high) steps.push(el('li', {}, el('span', { class: `swatch heat--${step}` }), low === high ? `${low}` : `${low}–${high}`));
  }
  return el('div', { class: 'heat-legend' },
    el('p', {}, 'Meldungen je Feld:'),
    el('ul', {}, el('li', {}, el('span', { class: 'swatch heat--0' }), 'keine'), steps),
    el('p', { class: 'muted' }, '„P“: Projekte im Katalog zu Ort und Thema.'));
}

/** Every month from the first to the last one any series has, so a month without items shows as 0. */
function monthsSpanned(series) {
  const known = series.flatMap(theme => [...theme.counts.keys()]).sort();
  if (!known.length) return [];
  const months = [];
  let [year, month] = known[0].split('-').map(Number);
  for (let current = known[0]; current <= known.at(-1);) {
    months.push(current);
    month = month === 12 ? 1 : month + 1;
    year += month === 1 ? 1 : 0;
    current = `${year}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element; like el(), text only ever becomes text nodes. */
function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children.flat()) if (child !== undefined && child !== null && child !== false) node.append(child);
  return node;
}

const shortMonthFormat = new Intl.DateTimeFormat('de-DE', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** A line per theme over the months, drawn as SVG, with the same numbers as a table for those who cannot see it. */
function monthChart(series) {
  const months = monthsSpanned(series.themes);
  if (!months.length) return el('p', { class: 'muted' }, 'Für diese Auswahl gibt es keine Meldungen.');
  const width = 640;
  const height = 260;
  const left = 44;
  const right = 32;
  const top = 12;
  const bottom = 32;
  const highest = Math.max(1, ...series.themes.flatMap(theme => [...theme.counts.values()]));
  const tick = Math.max(1, Math.ceil(highest / 4));
  const ceiling = tick * Math.ceil(highest / tick);
  const x = index => months.length === 1 ? (left + width - right) / 2 : left + index * (width - left - right) / (months.length - 1);
  const y = value => top + (height - top - bottom) * (1 - value / ceiling);
  const ticks = Array.from({ length: ceiling / tick + 1 }, (_, index) => index * tick);
  const names = series.themes.map(theme => theme.label).join(', ');

  return [
    el('p', { class: 'muted', id: 'verlauf-beschreibung' },
      `Meldungen je Monat zu ${names}${series.themes.length === CHART_THEMES ? ' (die Themen mit den meisten Meldungen)' : ''}.`),
    el('figure', { class: 'chart' },
      svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'verlauf-beschreibung', class: 'chart__svg' },
        ticks.map(value => svg('g', { class: 'chart__grid' },
          svg('line', { x1: left, x2: width - right, y1: y(value), y2: y(value) }),
          svg('text', { x: left - 6, y: y(value) + 4, 'text-anchor': 'end' }, numberFormat.format(value)))),
        months.map((month, index) => svg('text', { class: 'chart__month', x: x(index), y: height - 10, 'text-anchor': 'middle' },
          shortMonthFormat.format(new Date(`${month}-01T00:00:00Z`)))),
        series.themes.map((theme, index) => svg('g', { class: `chart__series series-${index}` },
          svg('polyline', { points: months.map((month, position) => `${x(position)},${y(theme.counts.get(month) ?? 0)}`).join(' ') }),
          months.map((month, position) => svg('circle', { cx: x(position), cy: y(theme.counts.get(month) ?? 0), r: 4 }))))),
      el('figcaption', {}, el('ul', { class: 'chart__legend' }, series.themes.map((theme, index) =>
        el('li', {},
          svg('svg', { class: `chart__key series-${index}`, viewBox: '0 0 28 10', 'aria-hidden': 'true' },
            svg('line', { x1: 0, x2: 28, y1: 5, y2: 5 }), svg('circle', { cx: 14, cy: 5, r: 3 })),
          theme.label))))),
    el('details', { class: 'chart__table' },
      el('summary', {}, 'Als Tabelle'),
      el('div', { class: 'heatmap-scroll' }, el('table', { class: 'data-table' },
        el('caption', { class: 'visually-hidden' }, 'Meldungen je Monat und Thema'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Monat'), series.themes.map(theme => el('th', { scope: 'col' }, theme.label)))),
        el('tbody', {}, months.map(month => el('tr', {},
          el('th', { scope: 'row' }, monthLabel(month)),
          series.themes.map(theme => el('td', { class: 'number' }, numberFormat.format(theme.counts.get(month) ?? 0))))))))),
  ];
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
  'paused': { label: 'pausiert', tone: 'neutral', meaning: 'Vom Betrieb angehalten: wird nicht abgerufen, bis die Quelle wieder aufgenommen wird.' },
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

// ---------------------------------------------------------------------------------------------------------------
// Redaktion: its own module, so that readers never load the editors' code.

/** Where the editors' module keeps the API key (sessionStorage): with one there, project pages show editors' tools. */
const EDITOR_KEY = 'smartcity.editorKey';

/** The editors' module, handed the page's helpers. */
async function editorModule() {
  const editor = await import('/assets/editor.js');
  editor.use({ el, show, navigate, render, themes, time, webUrl, dateTimeFormat, WHERE, ApiError, EDITOR_KEY });
  return editor;
}

async function renderEditor(signal) {
  const editor = await editorModule();
  if (signal.aborted) return;
  await editor.render(signal);
}

render();
