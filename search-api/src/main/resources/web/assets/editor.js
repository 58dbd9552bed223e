// The editors' view (/redaktion): log in with an API key, work through the review queue, correct themes and place,
// link projects, merge duplicates and split wrong merges, read an item's audit trail. app.js imports this module only on that view, so readers never load it, and hands
// over its helpers (el, show, …); the same safety rule holds: texts from feeds only ever become text nodes.
//
// The key is kept in sessionStorage alone: it goes with this tab, never into a URL, a bookmark or localStorage.

const QUEUE_PARAMETERS = ['state', 'theme', 'city', 'page'];
const PAGE_SIZE = 20;
const STATES = { new: 'neu', approved: 'freigegeben', featured: 'hervorgehoben', hidden: 'ausgeblendet' };
const AUDIT_ACTIONS = {
  approve: 'freigegeben', feature: 'hervorgehoben', unfeature: 'nicht mehr hervorgehoben', hide: 'ausgeblendet',
  unhide: 'wieder aufgenommen', 'override-themes': 'Themen korrigiert', 'clear-themes': 'Themen der Maschine zurück',
  'override-place': 'Ort korrigiert', 'clear-place': 'Ort der Maschine zurück', link: 'mit Projekt verknüpft',
  unlink: 'Projektverknüpfung entfernt', merge: 'zusammengeführt', split: 'getrennt',
  'accept-link': 'Projektvorschlag bestätigt', 'reject-link': 'Projektvorschlag abgelehnt',
};
const ORIGINS = { auto: 'von der Maschine', editor: 'von der Redaktion' };
/** Matches a finder offers to pick from. */
const FINDER_SIZE = 10;
const SHORTCUTS = [
  ['a', 'Freigeben'], ['f', 'Hervorheben'], ['h', 'Ausblenden (fragt nach dem Grund; Esc bricht ab)'],
  ['j / ↓', 'nächste Meldung'], ['k / ↑', 'vorige Meldung'],
];

/** The page's helpers from app.js. */
let page;
/** The sessionStorage entry of the key, named by app.js. */
let KEY;

export function use(helpers) {
  page = helpers;
  KEY = helpers.EDITOR_KEY;
}

export async function render(signal) {
  if (!sessionStorage.getItem(KEY)) {
    showLogin();
    return;
  }
  const parameters = new URLSearchParams([...new URLSearchParams(location.search)].filter(([name]) => QUEUE_PARAMETERS.includes(name)));
  const state = parameters.get('state') ?? 'new';
  let queue;
  let labels;
  try {
    [queue, labels] = await Promise.all([call('GET', `/api/review?${parameters}&size=${PAGE_SIZE}`, undefined, signal), page.themes()]);
  } catch (error) {
    if (refused(error)) return;
    throw error;
  }
  if (signal.aborted) return;
  const list = el('ol', { class: 'review-list', 'aria-label': 'Meldungen zur Prüfung', onkeydown: shortcut },
    queue.items.map(entry => reviewItem(entry, labels, state)));
  page.show('redaktion', 'Redaktion',
    heading(),
    el('p', { class: 'lead' }, 'Meldungen prüfen: freigeben, hervorheben oder ausblenden, Themen und Ort korrigieren, '
      + 'mit Projekten verknüpfen, Duplikate zusammenführen. '
      + 'Nur freigegebene und hervorgehobene Meldungen kommen in die Feeds.'),
    filterForm(parameters, labels),
    el('details', { class: 'shortcuts' },
      el('summary', {}, 'Tastenkürzel'),
      el('p', {}, 'Auf der ausgewählten Meldung (Tab oder j/k):'),
      el('dl', { class: 'facts' }, SHORTCUTS.flatMap(([key, meaning]) => [el('dt', {}, el('kbd', {}, key)), el('dd', {}, meaning)]))),
    projectForm(labels),
    el('p', { id: 'redaktion-status', class: 'visually-hidden', role: 'status' }),
    el('h2', { id: 'trefferzahl', 'data-total': String(queue.total) }, countLabel(queue.total, state)),
    list,
    pages(queue, parameters));
}

const el = (...parts) => page.el(...parts);

// ---------------------------------------------------------------------------------------------------------------
// Key and API

async function call(method, path, body, signal) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${sessionStorage.getItem(KEY)}` };
  if (body) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, signal, headers, body: body && JSON.stringify(body) });
  const answer = await response.json().catch(() => null);
  if (!response.ok) throw new page.ApiError(response.status, answer?.message ?? response.statusText);
  return answer;
}

/** Handles the answers that mean the key will not do: 401 asks for a key again, 403 says the role is missing. */
function refused(error) {
  if (!(error instanceof page.ApiError) || (error.status !== 401 && error.status !== 403)) return false;
  if (error.status === 401) {
    sessionStorage.removeItem(KEY);
    showLogin('Der Schlüssel wurde nicht angenommen (unbekannt oder widerrufen). Bitte melden Sie sich neu an.');
  } else {
    page.show('redaktion', 'Redaktion', heading(),
      el('p', { class: 'notice notice--error', role: 'alert' },
        'Diesem Schlüssel fehlt die Rolle „editor“: Er darf nur lesen. Bitte melden Sie sich mit einem Redaktionsschlüssel an.'));
  }
  return true;
}

function heading() {
  return el('div', { class: 'editor-head' },
    el('h1', {}, 'Redaktion'),
    sessionStorage.getItem(KEY) && el('button', { type: 'button', class: 'button button--quiet', onclick: logOut }, 'Abmelden'));
}

function logOut() {
  sessionStorage.removeItem(KEY);
  showLogin();
  document.getElementById('api-schluessel').focus();
}

function showLogin(problem) {
  // No name attribute: even without this script's submit handler the key could never become part of a URL.
  const input = el('input', { id: 'api-schluessel', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
    'aria-describedby': 'schluessel-hinweis' });
  page.show('redaktion', 'Redaktion',
    heading(),
    el('p', { class: 'lead' }, 'Zum Prüfen und Korrigieren von Meldungen braucht es einen API-Schlüssel mit der Rolle „editor“ '
      + '(bin/catalogue apikey create --role editor).'),
    problem && el('p', { class: 'notice notice--error', role: 'alert' }, problem),
    el('form', { class: 'search-form', method: 'post', action: '/redaktion', onsubmit: event => {
      event.preventDefault();
      sessionStorage.setItem(KEY, input.value.trim());
      page.render('heading');
    } },
      el('label', { for: 'api-schluessel' }, 'API-Schlüssel'),
      el('div', { class: 'search-form__row' }, input, el('button', { type: 'submit', class: 'button' }, 'Anmelden')),
      el('p', { id: 'schluessel-hinweis', class: 'muted' },
        'Der Schlüssel bleibt nur in diesem Browser-Tab, bis Sie sich abmelden oder den Tab schließen.')));
}

// ---------------------------------------------------------------------------------------------------------------
// The queue

function countLabel(total, state) {
  return `${total} ${total === 1 ? 'Meldung' : 'Meldungen'} im Zustand „${STATES[state] ?? state}“`;
}

function filterForm(parameters, labels) {
  const choice = (id, label, options, value) => el('div', { class: 'field' },
    el('label', { for: id }, label),
    el('select', { id }, options.map(([option, text]) => el('option', { value: option, selected: option === value }, text))));
  const themeOptions = [...labels.values()].map(theme => [theme.id, theme.de]).sort((a, b) => a[1].localeCompare(b[1], 'de'));
  return el('form', { class: 'compare-form', 'aria-label': 'Auswahl', onsubmit: event => {
    event.preventDefault();
    const chosen = new URLSearchParams();
    for (const [name, id] of [['state', 'zustand'], ['theme', 'thema'], ['city', 'ort']]) {
      const value = document.getElementById(id).value.trim();
      if (value && !(name === 'state' && value === 'new')) chosen.set(name, value);
    }
    page.navigate(`/redaktion${chosen.size ? `?${chosen}` : ''}`, 'results');
  } },
    choice('zustand', 'Zustand', Object.entries(STATES), parameters.get('state') ?? 'new'),
    choice('thema', 'Thema', [['', 'alle'], ...themeOptions], parameters.get('theme') ?? ''),
    el('div', { class: 'field' }, el('label', { for: 'ort' }, 'Ort'), el('input', { id: 'ort', type: 'text', value: parameters.get('city') ?? '' })),
    el('button', { type: 'submit', class: 'button' }, 'Anzeigen'));
}

function pages(queue, parameters) {
  const last = Math.ceil(queue.total / PAGE_SIZE);
  if (last <= 1) return el('nav', { class: 'pagination', 'aria-label': 'Seiten' });
  const link = (number, label) => {
    const target = new URLSearchParams(parameters);
    target.set('page', String(number));
    return el('a', { class: 'button button--quiet', href: `/redaktion?${target}` }, label);
  };
  return el('nav', { class: 'pagination', 'aria-label': 'Seiten' },
    queue.page > 1 && link(queue.page - 1, 'Vorige Seite'),
    el('span', { class: 'pagination__where' }, `Seite ${queue.page} von ${last}`),
    queue.page < last && link(queue.page + 1, 'Nächste Seite'));
}

function reviewItem({ item, review }, labels, listed) {
  const titleId = `titel-${item.id}`;
  const url = page.webUrl(item.url);
  const node = el('li', { class: 'review-item', tabindex: '0', 'data-id': item.id, 'aria-labelledby': titleId },
    el('h3', { id: titleId, class: 'result__title' }, item.title),
    el('p', { class: 'result__meta' },
      el('span', { class: 'meta__place' }, item.place?.name ?? 'kein Ort erkannt'),
      page.time(item.published),
      el('span', { class: 'badge' }, STATES[review.state] ?? review.state),
      url && el('a', { href: url, rel: 'noopener noreferrer' }, 'Original')),
    item.summary && el('p', { class: 'result__summary' }, item.summary),
    review.reason && el('p', { class: 'why' }, el('strong', {}, 'Grund: '), review.reason),
    themesPart(item.themes, labels),
    placePart(item.place),
    el('div', { class: 'review-actions' },
      action(target => decide(target, 'approve', listed), 'Freigeben', 'a', review.state !== 'approved' && review.state !== 'featured'),
      action(target => decide(target, 'feature', listed), 'Hervorheben', 'f', review.state !== 'featured'),
      action(askReason, 'Ausblenden', 'h', review.state !== 'hidden'),
      action(target => decide(target, 'unhide', listed), 'Wieder aufnehmen', null, review.state === 'hidden')),
    hideForm(listed),
    el('p', { class: 'notice notice--error review-error', role: 'alert', hidden: true }),
    themeEditor(item, labels),
    placeEditor(item),
    projectsPart(item.projects),
    linkEditor(item),
    mergedPart(item.merged),
    mergeEditor(item),
    auditPart(item.id));
  return node;
}

function action(run, label, key, shown) {
  return shown && el('button', { type: 'button', class: 'button', 'data-action': label, 'aria-keyshortcuts': key ?? undefined,
    onclick: event => run(event.currentTarget.closest('.review-item')) }, label, key && el('span', { class: 'muted-inverse' }, ` (${key})`));
}

function themesPart(themes, labels) {
  return el('div', { class: 'review-themes' },
    el('h4', {}, 'Themen und Belege'),
    themes.length
      ? el('ul', { class: 'plain-list' }, themes.map(theme => el('li', {},
        el('strong', {}, labels.get(theme.id)?.de ?? theme.id), ': ',
        theme.evidence.flatMap((evidence, index) => [index ? ', ' : '', el('span', { class: 'term' }, evidence.term),
          ' ', el('span', { class: 'muted' }, evidenceWhere(evidence.field))]))))
      : el('p', { class: 'muted' }, 'kein Thema'));
}

/** Where a theme's evidence was found; an editor's correction is its own evidence. */
function evidenceWhere(field) {
  return field === 'editor' ? 'von der Redaktion' : page.WHERE[field] ?? field;
}

function placePart(place) {
  return el('div', { class: 'review-place' },
    el('h4', {}, 'Ort'),
    place
      ? el('p', {}, el('strong', {}, place.name), place.ags && ` (AGS ${place.ags})`, place.reason && ` – ${place.reason}`)
      : el('p', { class: 'muted' }, 'kein Ort erkannt'));
}

// ---------------------------------------------------------------------------------------------------------------
// Decisions

async function decide(node, verb, listed, reason) {
  // A key pressed twice must not decide twice while the first answer is on its way.
  if (node.dataset.busy) return;
  node.dataset.busy = 'true';
  const id = node.dataset.id;
  try {
    const review = await call('POST', `/api/items/${encodeURIComponent(id)}/${verb}`, reason ? { reason } : undefined);
    const title = node.querySelector('h3').textContent;
    announce(`„${title}“: ${STATES[review.state] ?? review.state}.`);
    if (review.state === listed) page.render();
    else leave(node);
  } catch (error) {
    if (!refused(error)) fail(node, error);
  } finally {
    delete node.dataset.busy;
  }
}

/** Takes a decided item out of the list and gives focus to the next one (or the previous, or the count). */
function leave(node) {
  const next = node.nextElementSibling ?? node.previousElementSibling;
  node.remove();
  const count = document.getElementById('trefferzahl');
  const total = Number(count.dataset.total) - 1;
  count.dataset.total = String(total);
  count.textContent = countLabel(total, new URLSearchParams(location.search).get('state') ?? 'new');
  const target = next ?? count;
  target.setAttribute('tabindex', target.getAttribute('tabindex') ?? '-1');
  target.focus();
}

function fail(node, error) {
  const message = node.querySelector('.review-error');
  message.textContent = `Das hat nicht geklappt: ${error.message}`;
  message.hidden = false;
}

function announce(text) {
  // After a reload the view may be an error page without the status line.
  const status = document.getElementById('redaktion-status');
  if (status) status.textContent = text;
}

function hideForm(listed) {
  const cancel = event => {
    const node = event.currentTarget.closest('.review-item');
    node.querySelector('.hide-form').hidden = true;
    node.focus();
  };
  return el('form', { class: 'hide-form', hidden: true,
    onkeydown: event => event.key === 'Escape' && cancel(event),
    onsubmit: event => {
      event.preventDefault();
      const node = event.currentTarget.closest('.review-item');
      decide(node, 'hide', listed, node.querySelector('.hide-form input').value.trim());
    } },
    el('label', {}, 'Grund fürs Ausblenden', el('input', { type: 'text', required: true, maxlength: '1000' })),
    el('button', { type: 'submit', class: 'button' }, 'Ausblenden'),
    el('button', { type: 'button', class: 'button button--quiet', onclick: cancel }, 'Abbrechen (Esc)'));
}

function askReason(node) {
  const form = node.querySelector('.hide-form');
  form.hidden = false;
  form.querySelector('input').focus();
}

/** The shortcuts on the focused item; typing in a field is left alone. */
function shortcut(event) {
  const node = event.target.closest('.review-item');
  if (!node || event.ctrlKey || event.metaKey || event.altKey || event.target.closest('input, select, textarea')) return;
  const listed = new URLSearchParams(location.search).get('state') ?? 'new';
  const moves = { j: 'nextElementSibling', ArrowDown: 'nextElementSibling', k: 'previousElementSibling', ArrowUp: 'previousElementSibling' };
  if (moves[event.key]) {
    event.preventDefault();
    node[moves[event.key]]?.focus();
  } else if (event.key === 'a' && node.querySelector('[data-action="Freigeben"]')) {
    decide(node, 'approve', listed);
  } else if (event.key === 'f' && node.querySelector('[data-action="Hervorheben"]')) {
    decide(node, 'feature', listed);
  } else if (event.key === 'h' && node.querySelector('[data-action="Ausblenden"]')) {
    event.preventDefault(); // the h must not land in the reason field that now takes focus
    askReason(node);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Corrections and audit

function themeEditor(item, labels) {
  return el('details', { class: 'review-edit' },
    el('summary', {}, 'Themen korrigieren'),
    el('form', { onsubmit: event => correct(event, 'themes', form => ({
      themes: checkedThemes(form),
      reason: form.querySelector('.edit-reason').value.trim() || undefined,
    })) },
      themeChoice(labels, item.themes.map(theme => theme.id)),
      reasonField(),
      el('button', { type: 'submit', class: 'button' }, 'Themen speichern')));
}

/** The taxonomy's themes as checkboxes, grouped by field of action, the given ones ticked. */
function themeChoice(labels, ticked) {
  const current = new Set(ticked);
  return [...Map.groupBy([...labels.values()], theme => theme.field)].map(([field, themes]) => el('fieldset', { class: 'theme-choice' },
    el('legend', {}, field),
    themes.map(theme => el('label', {},
      el('input', { type: 'checkbox', value: theme.id, checked: current.has(theme.id) }), ` ${theme.de}`))));
}

function checkedThemes(form) {
  return [...form.querySelectorAll('.theme-choice input:checked')].map(box => box.value);
}

function placeEditor(item) {
  return el('details', { class: 'review-edit' },
    el('summary', {}, 'Ort korrigieren'),
    el('form', { onsubmit: event => correct(event, 'place', form => ({
      place: form.querySelector('.edit-place').value.trim(),
      reason: form.querySelector('.edit-reason').value.trim() || undefined,
    })) },
      el('label', {}, 'Ort (Name oder Gemeindeschlüssel)',
        el('input', { class: 'edit-place', type: 'text', required: true, value: item.place?.name ?? '' })),
      reasonField(),
      el('button', { type: 'submit', class: 'button' }, 'Ort speichern')));
}

function reasonField() {
  return el('label', {}, 'Begründung (optional)', el('input', { class: 'edit-reason', type: 'text', maxlength: '1000' }));
}

/** Sends a correction and shows what the item has now; a failure keeps the form as it was. */
async function correct(event, part, body) {
  event.preventDefault();
  const form = event.currentTarget;
  const node = form.closest('.review-item');
  try {
    const corrections = await call('PUT', `/api/items/${encodeURIComponent(node.dataset.id)}/${part}`, body(form));
    const labels = await page.themes();
    if (part === 'themes') node.querySelector('.review-themes').replaceWith(themesPart(corrections.themes, labels));
    else node.querySelector('.review-place').replaceWith(placePart(corrections.place));
    node.querySelector('.review-error').hidden = true;
    form.closest('details').open = false;
    announce(part === 'themes' ? 'Themen gespeichert.' : 'Ort gespeichert.');
    node.focus();
  } catch (error) {
    if (!refused(error)) fail(node, error);
  }
}

function auditPart(id) {
  const entries = el('ol', { class: 'audit-list' });
  return el('details', { class: 'review-edit', ontoggle: async event => {
    if (!event.currentTarget.open) return;
    entries.replaceChildren(el('li', { class: 'muted' }, 'Verlauf wird geladen …'));
    try {
      const records = await call('GET', `/api/audit?item=${encodeURIComponent(id)}`);
      entries.replaceChildren(...(records.length ? records.map(auditEntry) : [el('li', { class: 'muted' }, 'Noch keine Änderung.')]));
    } catch (error) {
      if (!refused(error)) entries.replaceChildren(el('li', { class: 'notice notice--error' }, `Verlauf nicht verfügbar: ${error.message}`));
    }
  } },
    el('summary', {}, 'Verlauf'),
    entries);
}

function auditEntry(record) {
  return el('li', { class: 'audit-entry' },
    el('p', {}, page.time(record.at, page.dateTimeFormat), ' · ', el('strong', {}, AUDIT_ACTIONS[record.action] ?? record.action),
      ` · ${record.keyName} (${record.keyId})`),
    record.reason && el('p', { class: 'why' }, el('strong', {}, 'Grund: '), record.reason),
    el('p', { class: 'muted' }, 'vorher ', el('code', {}, JSON.stringify(record.before)), ' → nachher ', el('code', {}, JSON.stringify(record.after))));
}

// ---------------------------------------------------------------------------------------------------------------
// Project links, merging and splitting

/** Shows the queue again (a merge or split changes which items it holds) and puts focus back on the item. */
async function reload(id, message) {
  await page.render();
  const node = [...document.querySelectorAll('.review-item')].find(candidate => candidate.dataset.id === id);
  node?.focus();
  announce(message);
}

function projectsPart(projects) {
  return el('div', { class: 'review-projects' },
    el('h4', {}, 'Projekte'),
    projects.length
      ? el('ul', { class: 'plain-list' }, projects.map(link => el('li', { class: 'project-link', 'data-slug': link.slug },
        el('a', { href: `/projekt/${encodeURIComponent(link.slug)}` }, link.name), ' ',
        el('span', { class: 'badge' }, ORIGINS[link.origin] ?? link.origin),
        link.reason && el('span', { class: 'muted' }, ` – ${link.reason}`), ' ',
        el('button', { type: 'button', class: 'button button--quiet', 'aria-label': `Verknüpfung mit ${link.name} lösen`,
          onclick: event => unlink(event.currentTarget.closest('.review-item'), link) }, 'Verknüpfung lösen'))))
      : el('p', { class: 'muted' }, 'mit keinem Projekt verknüpft'));
}

async function unlink(node, link) {
  try {
    const links = await call('DELETE', `/api/items/${encodeURIComponent(node.dataset.id)}/projects/${encodeURIComponent(link.slug)}`);
    showLinks(node, links, `Verknüpfung mit „${link.name}“ gelöst.`);
  } catch (error) {
    if (!refused(error)) fail(node, error);
  }
}

function showLinks(node, links, message) {
  node.querySelector('.review-projects').replaceWith(projectsPart(links.projects));
  node.querySelector('.review-error').hidden = true;
  announce(message);
  node.focus();
}

/**
 * A search field with its matches as radio buttons, so that an editor picks a project or item by what it shows
 * (name, place, date) and never has to type an id. Enter in the field searches instead of sending the form.
 */
function finder(name, label, query, search) {
  const matches = el('div', { class: 'finder-matches', role: 'group', 'aria-label': `${label}: Treffer` });
  const run = async () => {
    if (!input.value.trim()) return;
    matches.replaceChildren(el('p', { class: 'muted' }, 'Suche läuft …'));
    try {
      const found = await search(input.value.trim());
      matches.replaceChildren(...(found.length
        ? found.map(({ value, text }) => el('label', { class: 'finder-choice' },
          el('input', { type: 'radio', name, value, required: true }), el('span', {}, ...text)))
        : [el('p', { class: 'muted' }, 'Nichts gefunden.')]));
    } catch (error) {
      if (!refused(error)) matches.replaceChildren(el('p', { class: 'notice notice--error', role: 'alert' }, `Die Suche hat nicht geklappt: ${error.message}`));
    }
  };
  const input = el('input', { type: 'search', class: 'finder-query', value: query, autocomplete: 'off', onkeydown: event => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    run();
  } });
  return el('div', { class: 'finder' },
    el('label', {}, label, el('span', { class: 'finder-row' },
      input, el('button', { type: 'button', class: 'button button--quiet', onclick: run }, 'Suchen'))),
    matches);
}

/** The picked match's radio button and its label's headline; a form sent before any search asks for one. */
function chosen(form, name) {
  const choice = form.querySelector(`input[name="${name}"]:checked`);
  if (!choice) throw new Error('Bitte erst suchen und einen Treffer auswählen.');
  return { value: choice.value, title: choice.closest('.finder-choice').querySelector('strong').textContent };
}

function linkEditor(item) {
  const name = `projekt-${item.id}`;
  return el('details', { class: 'review-edit' },
    el('summary', {}, 'Mit Projekt verknüpfen'),
    el('form', { class: 'link-form', onsubmit: async event => {
      event.preventDefault();
      const form = event.currentTarget;
      const node = form.closest('.review-item');
      const reason = form.querySelector('.edit-reason').value.trim() || undefined;
      try {
        const choice = chosen(form, name);
        const links = await call('PUT', `/api/items/${encodeURIComponent(item.id)}/projects/${encodeURIComponent(choice.value)}`,
          reason && { reason });
        form.closest('details').open = false;
        showLinks(node, links, `Mit „${choice.title}“ verknüpft.`);
      } catch (error) {
        if (!refused(error)) fail(node, error);
      }
    } },
      finder(name, 'Projekt suchen (Name, Ort oder Stichwort)', item.place?.name ?? '', async query => {
        const answer = await call('GET', `/api/projects?q=${encodeURIComponent(query)}&size=${FINDER_SIZE}`);
        return answer.projects.map(project => ({ value: project.slug,
          text: [el('strong', {}, project.name),
            ` – ${[project.place?.name, project.statusLabel].filter(Boolean).join(', ')}`] }));
      }),
      reasonField(),
      el('button', { type: 'submit', class: 'button' }, 'Verknüpfen')));
}

function mergedPart(merged) {
  return merged.length > 0 && el('div', { class: 'review-merged' },
    el('h4', {}, 'Zusammengeführte Meldungen'),
    el('ul', { class: 'plain-list' }, merged.map(report => el('li', { class: 'merged-report' },
      el('strong', {}, report.title), ` (${report.source}) `,
      page.webUrl(report.url) && el('a', { href: page.webUrl(report.url), rel: 'noopener noreferrer' }, 'Original'),
      el('p', { class: 'muted' }, report.reason),
      el('button', { type: 'button', class: 'button button--quiet', 'aria-label': `„${report.title}“ abtrennen`,
        onclick: event => split(event.currentTarget.closest('.review-item'), report) }, 'Trennen')))));
}

async function split(node, report) {
  try {
    await call('POST', `/api/items/${encodeURIComponent(node.dataset.id)}/split`, { report: report.url });
    await reload(node.dataset.id, `„${report.title}“ ist wieder eine eigene Meldung.`);
  } catch (error) {
    if (!refused(error)) fail(node, error);
  }
}

function mergeEditor(item) {
  const name = `duplikat-${item.id}`;
  const confirmation = el('div', { class: 'merge-confirm', hidden: true },
    el('p', { class: 'merge-question' }),
    el('button', { type: 'button', class: 'button', onclick: event => merge(event.currentTarget.closest('form'), name) }, 'Ja, zusammenführen'),
    el('button', { type: 'button', class: 'button button--quiet', onclick: event => {
      const form = event.currentTarget.closest('form');
      form.querySelector('.merge-confirm').hidden = true;
      form.querySelector('button[type=submit]').focus();
    } }, 'Abbrechen'));
  return el('details', { class: 'review-edit' },
    el('summary', {}, 'Duplikat zusammenführen'),
    el('form', { class: 'merge-form', onsubmit: event => {
      // A merge takes the other item out of every public read: the editor confirms which one first.
      event.preventDefault();
      const form = event.currentTarget;
      let other;
      try {
        other = chosen(form, name).title;
      } catch (error) {
        fail(form.closest('.review-item'), error);
        return;
      }
      form.querySelector('.merge-question').textContent = `„${other}“ in „${item.title}“ aufnehmen? Die andere Meldung verschwindet `
        + 'aus Suche und Feeds; ihre Quelle bleibt hier genannt. „Trennen“ macht es rückgängig.';
      confirmation.hidden = false;
      confirmation.querySelector('.button').focus();
    } },
      el('p', { class: 'muted' }, 'Dieselbe Meldung einer anderen Quelle, die die Maschine nicht erkannt hat, wird Teil dieser Meldung.'),
      finder(name, 'Duplikat suchen (Titel oder Stichwort)', item.title, async query => {
        const answer = await call('GET', `/api/items?q=${encodeURIComponent(query)}&size=${FINDER_SIZE}`);
        return answer.items.filter(found => found.id !== item.id).map(found => ({ value: found.id,
          text: [el('strong', {}, found.title), ` – ${found.place?.name ?? 'kein Ort'}, `, page.time(found.published),
            `, ${found.sources.join(', ')}`] }));
      }),
      reasonField(),
      el('button', { type: 'submit', class: 'button' }, 'Zusammenführen …'),
      confirmation));
}

async function merge(form, name) {
  const node = form.closest('.review-item');
  const reason = form.querySelector('.edit-reason').value.trim() || undefined;
  try {
    await call('POST', `/api/items/${encodeURIComponent(node.dataset.id)}/merge`, { other: chosen(form, name).value, reason });
    await reload(node.dataset.id, 'Zusammengeführt.');
  } catch (error) {
    if (!refused(error)) fail(node, error);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Suggested project links, on the project's page

/** A section for the project's page: the news the linker suggests for it, each to accept or reject. */
export async function projectSuggestions(slug, signal) {
  const list = el('ol', { class: 'plain-list' });
  const status = el('p', { class: 'visually-hidden', role: 'status' });
  try {
    const suggestions = await call('GET', `/api/projects/${encodeURIComponent(slug)}/suggestions`, undefined, signal);
    list.replaceChildren(...(suggestions.length
      ? suggestions.map(suggestion => suggestionEntry(slug, suggestion, status))
      : [el('li', { class: 'muted' }, 'Keine offenen Vorschläge.')]));
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    if (error.status === 401) sessionStorage.removeItem(KEY);
    list.replaceChildren(el('li', { class: 'notice notice--error', role: 'alert' }, error.status === 401
      ? 'Der Schlüssel wurde nicht angenommen; bitte unter „Redaktion“ neu anmelden.'
      : `Die Vorschläge lassen sich nicht abrufen: ${error.message}`));
  }
  return el('section', { class: 'item__section', 'aria-labelledby': 'vorschlaege' },
    el('h2', { id: 'vorschlaege' }, 'Vorgeschlagene Meldungen (Redaktion)'),
    el('p', { class: 'muted' }, 'Diese Meldungen hat die Maschine dem Projekt zugeordnet. Bestätigte bleiben, abgelehnte ordnet sie nie wieder zu.'),
    status,
    list);
}

function suggestionEntry(slug, suggestion, status) {
  const problem = el('p', { class: 'notice notice--error', role: 'alert', hidden: true });
  const decide = async (event, verb, done) => {
    const entry = event.currentTarget.closest('li');
    try {
      await call('POST', `/api/projects/${encodeURIComponent(slug)}/links/${encodeURIComponent(suggestion.item)}/${verb}`);
      status.textContent = `„${suggestion.title}“ ${done}.`;
      const next = entry.nextElementSibling ?? entry.previousElementSibling;
      entry.remove();
      next?.querySelector('button')?.focus();
    } catch (error) {
      problem.textContent = `Das hat nicht geklappt: ${error.message}`;
      problem.hidden = false;
    }
  };
  return el('li', { class: 'link-suggestion', 'data-item': suggestion.item },
    el('a', { href: `/meldung/${encodeURIComponent(suggestion.item)}` }, suggestion.title), ' ',
    suggestion.published && page.time(suggestion.published),
    el('p', { class: 'muted' }, suggestion.reason),
    el('div', { class: 'review-actions' },
      el('button', { type: 'button', class: 'button', onclick: event => decide(event, 'accept', 'bestätigt') }, 'Bestätigen'),
      el('button', { type: 'button', class: 'button button--quiet', onclick: event => decide(event, 'reject', 'abgelehnt') }, 'Ablehnen')),
    problem);
}

// ---------------------------------------------------------------------------------------------------------------
// Creating and editing projects

const PROJECT_STATUS = { planned: 'geplant', pilot: 'Pilot', running: 'in Betrieb', completed: 'abgeschlossen', discontinued: 'eingestellt' };

/**
 * A project's form: every field of the catalogue, filled with the project's values when one is given (an edit, on its
 * page), empty otherwise (a new project, on /redaktion). The API checks it as it checks the catalogue file; its 400
 * names the field, and the message is shown there.
 */
export function projectForm(labels, project) {
  const id = name => `projekt-${name}`;
  const field = (name, label, control, hint) => el('div', { class: 'project-field', 'data-field': name },
    el('label', { for: id(name) }, label), control, hint && el('p', { class: 'muted' }, hint),
    el('p', { class: 'field-error', id: `${id(name)}-fehler`, hidden: true }));
  const text = (name, value, extra = {}) => el('input', { id: id(name), type: 'text', value: value ?? '', ...extra });
  const lines = (name, values) => el('textarea', { id: id(name), rows: '3' }, (values ?? []).join('\n'));
  const form = el('form', { class: 'project-form', novalidate: true, onsubmit: event => saveProject(event, project) },
    !project && field('slug', 'Kennung (Slug)', text('slug', '', { required: true, spellcheck: 'false' }),
      'Kleinbuchstaben, Ziffern und Bindestriche, z. B. ulm-streuplan; sie steht in der Adresse und ändert sich nie.'),
    field('name', 'Name', text('name', project?.name, { required: true })),
    field('aliases', 'Auch genannt', lines('aliases', project?.aliases), 'Eine Bezeichnung je Zeile, wie Meldungen das Projekt nennen.'),
    field('place', 'Ort', text('place', project?.place?.name, { required: true }), 'Gemeinde, Kreis oder Land, z. B. Hürth oder Landkreis Hof.'),
    el('div', { class: 'project-field', 'data-field': 'themes' },
      el('p', { class: 'project-field__label' }, 'Themen'), themeChoice(labels, project?.themes ?? []),
      el('p', { class: 'field-error', id: `${id('themes')}-fehler`, hidden: true })),
    field('status', 'Status', el('select', { id: id('status') }, Object.entries(PROJECT_STATUS).map(([value, label]) =>
      el('option', { value, selected: value === (project?.status ?? 'planned') }, label)))),
    // Months as the catalogue file writes them; a text field, since not every browser has a month picker.
    field('period', 'Zeitraum von', text('period', project?.period?.from, { inputmode: 'numeric', placeholder: 'JJJJ-MM' }),
      'Erster Monat, z. B. 2026-03; optional.'),
    field('period-to', 'Zeitraum bis', text('period-to', project?.period?.to, { inputmode: 'numeric', placeholder: 'JJJJ-MM' }),
      'Letzter Monat; leer, solange kein Ende feststeht.'),
    field('programme', 'Förderprogramm', text('programme', project?.programme)),
    field('partners', 'Partner', lines('partners', project?.partners), 'Einer je Zeile.'),
    field('description', 'Beschreibung', el('textarea', { id: id('description'), rows: '4', maxlength: '1000', required: true }, project?.description ?? '')),
    field('links', 'Links', lines('links', (project?.links ?? []).map(link => [link.url, link.label].filter(Boolean).join(' '))),
      'Je Zeile eine Adresse (https://…), danach optional die Bezeichnung.'),
    field('reason', 'Begründung (optional)', text('reason', '', { maxlength: '1000' })),
    el('p', { class: 'notice notice--error project-error', role: 'alert', hidden: true }),
    el('button', { type: 'submit', class: 'button' }, project ? 'Änderungen speichern' : 'Projekt anlegen'));
  return el('details', { class: 'review-edit project-edit' },
    el('summary', {}, project ? 'Projekt bearbeiten (Redaktion)' : 'Neues Projekt anlegen'),
    form);
}

/** The form's values as the API takes them: empty optional fields left out, lists one entry per line. */
function projectBody(form, project) {
  const value = name => form.querySelector(`#projekt-${name}`)?.value.trim() ?? '';
  const list = name => value(name).split('\n').map(line => line.trim()).filter(Boolean);
  const from = value('period');
  const to = value('period-to');
  return {
    slug: project ? undefined : value('slug'),
    name: value('name'),
    aliases: list('aliases'),
    place: value('place'),
    themes: checkedThemes(form),
    status: value('status'),
    period: from || to ? { from: from || undefined, to: to || undefined } : undefined,
    programme: value('programme') || undefined,
    partners: list('partners'),
    description: value('description'),
    links: list('links').map(line => {
      const [url, ...label] = line.split(/\s+/);
      return label.length ? { label: label.join(' '), url } : { url };
    }),
    reason: value('reason') || undefined,
  };
}

async function saveProject(event, project) {
  event.preventDefault();
  const form = event.currentTarget;
  for (const error of form.querySelectorAll('.field-error, .project-error')) error.hidden = true;
  for (const invalid of form.querySelectorAll('[aria-invalid]')) invalid.removeAttribute('aria-invalid');
  const body = projectBody(form, project);
  try {
    const saved = project
      ? await call('PUT', `/api/projects/${encodeURIComponent(project.slug)}`, body)
      : await call('POST', '/api/projects', body);
    if (project) await page.render('heading');
    else page.navigate(`/projekt/${encodeURIComponent(saved.slug)}`, 'heading');
  } catch (error) {
    if (error instanceof page.ApiError && error.status === 401) sessionStorage.removeItem(KEY);
    showProjectError(form, error);
  }
}

/** Shows a refusal at the field it names ("Parameter 'period.from': …"), or above the button when it names none. */
function showProjectError(form, error) {
  const named = /^Parameter '([a-z]+)(?:\.([a-z]+))?/.exec(error.message ?? '');
  const name = named && (named[1] === 'period' && named[2] === 'to' ? 'period-to' : named[1]);
  const place = name && form.querySelector(`[data-field="${name}"]`);
  const message = place ? place.querySelector('.field-error') : form.querySelector('.project-error');
  message.textContent = error.status === 401 ? 'Der Schlüssel wurde nicht angenommen; bitte unter „Redaktion“ neu anmelden.' : error.message;
  message.hidden = false;
  const control = place?.querySelector('input, select, textarea');
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', message.id);
    control.focus();
  } else {
    message.setAttribute('tabindex', '-1');
    message.focus();
  }
}
