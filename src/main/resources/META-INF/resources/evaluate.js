// The evaluation page: turns the form into a POST /api/v1/evaluations request, shows one card
// per offering, and puts each 400 problem next to the field it names. No data is ever written
// as HTML: everything the service or the user sent goes in with textContent.
'use strict';

const ENDPOINT = new URL('api/v1/evaluations', document.baseURI).href;
const ANSWERS = [
  ['accredited', 'Accredited'],
  ['credential', 'Credential'],
  ['transfersCredit', 'Transfers credit'],
  ['degreeAdmission', 'Degree admission'],
  ['industryCertification', 'Industry certification'],
];
const POSITIVE = [true, 'YES', 'ELIGIBLE', 'PLATFORM_CERTIFICATE', 'UNIVERSITY_CERTIFICATE', 'DEGREE_AND_TRANSCRIPT'];
const NEGATIVE = [false, 'NO', 'NOT_ELIGIBLE', 'NONE'];
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const INSTITUTIONS = new URL('api/v1/institutions', document.baseURI).href;
const OPTIONS = new URL('api/v1/transfer-options', document.baseURI).href;
const OPTIONS_SHOWN = 10;
const SVG = 'http://www.w3.org/2000/svg';

const form = document.getElementById('evaluation');
const offerings = document.getElementById('offerings');
const template = document.getElementById('offering-template');
const summary = document.getElementById('error-summary');
let offeringCount = 0;

// ---- building the form ----------------------------------------------------------------

function addOffering(offering, record) {
  const fieldset = template.content.firstElementChild.cloneNode(true);
  const prefix = 'offering-' + (++offeringCount) + '-';
  fieldset.querySelectorAll('[data-id]').forEach(control => { control.id = prefix + control.dataset.id; });
  fieldset.querySelectorAll('label[data-for]').forEach(label => { label.htmlFor = prefix + label.dataset.for; });
  fieldset.querySelector('.remove').addEventListener('click', () => removeOffering(fieldset));
  offerings.append(fieldset);
  fieldset.querySelectorAll('[data-path]').forEach(control => { control.value = text(read(offering || {}, control.dataset.path)); });
  fieldset.querySelectorAll('[data-record]').forEach(control => { control.value = text((record || {})[control.dataset.record]); });
  renumber();
  return fieldset;
}

function removeOffering(fieldset) {
  // The problems shown name offerings by their place, which has just changed.
  clearErrors();
  fieldset.remove();
  renumber();
  document.getElementById('add-offering').focus();
}

function renumber() {
  offerings.querySelectorAll('.offering').forEach((fieldset, index) => {
    fieldset.querySelector('.number').textContent = String(index + 1);
    fieldset.querySelector('.remove').textContent = 'Remove offering ' + (index + 1);
  });
}

// ---- receiving institutions: a box per institution in effect, asked about in the order ticked ----

let chosenInstitutions = [];
/** Every institution's name the page has seen (the list, the options), so one added from the options is named. */
const institutionNames = new Map();

async function loadInstitutions() {
  const asOf = document.getElementById('as-of').value.trim();
  let listed = [];
  try {
    const response = await fetch(INSTITUTIONS + (/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? '?asOf=' + asOf : ''));
    if (response.ok) listed = (await response.json()).institutions;
  } catch (error) {
    listed = []; // the evaluation itself reports an unreachable service
  }
  // An institution the form already asks about stays listed, so that what is sent is always shown.
  const ids = [...listed.map(institution => institution.id), ...chosenInstitutions.filter(id => !listed.some(i => i.id === id))];
  listed.forEach(institution => institutionNames.set(institution.id, institution.name));
  const names = institutionNames;
  const choices = document.getElementById('institution-choices');
  const shown = [...choices.querySelectorAll('input')].map(box => box.value);
  if (shown.join() === ids.join()) {
    // The same institutions: keep the boxes (and the keyboard focus), only their names may have changed.
    choices.querySelectorAll('label').forEach((label, index) => { label.textContent = names.get(ids[index]) || ids[index]; });
  } else {
    choices.replaceChildren(...ids.map(id => {
      const box = element('input', { type: 'checkbox', id: 'institution-' + id, value: id });
      box.addEventListener('change', () => {
        chosenInstitutions = box.checked ? [...chosenInstitutions, id] : chosenInstitutions.filter(chosen => chosen !== id);
      });
      return element('div', { class: 'choice' }, box, element('label', { for: box.id }, names.get(id) || id));
    }));
  }
  showChosen();
}

function showChosen() {
  document.querySelectorAll('#institution-choices input').forEach(box => { box.checked = chosenInstitutions.includes(box.value); });
}

function fill(request) {
  latest++; // an answer still on its way is for the form as it was
  clearErrors();
  clearRanking();
  addedSinceShown = [];
  document.getElementById('learner-credential-files').value = '';
  document.getElementById('credential-files-status').textContent = '';
  document.getElementById('answers').hidden = true;
  document.getElementById('result-status').textContent = '';
  document.querySelectorAll('#learner [data-path]').forEach(control => { control.value = text(read(request, control.dataset.path)); });
  document.getElementById('ask-next-steps').checked = request.nextSteps === true;
  document.getElementById('learner-credentials').value = request.learner && request.learner.credentials
    ? JSON.stringify(request.learner.credentials, null, 2) : '';
  chosenInstitutions = [...(request.receivingInstitutions || [])];
  showChosen();
  loadInstitutions(); // as of the request's date
  offerings.replaceChildren();
  const records = (request.learner && request.learner.records) || [];
  for (const offering of request.offerings || []) {
    addOffering(offering, records.find(record => record.offeringId === offering.id));
  }
}

function text(value) {
  return value === undefined || value === null ? '' : String(value);
}

function read(object, path) {
  return path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), object);
}

// ---- reading the form -----------------------------------------------------------------

// What the user typed, as JSON: empty means "not sent"; text that is not a number is sent as
// typed, so the service names the field instead of the page silently dropping it.
function valueOf(control) {
  const raw = control.value;
  if (raw === '') return undefined;
  if (control.dataset.type === 'boolean') return raw === 'true';
  if (control.dataset.type === 'number' && NUMBER.test(raw) && Number.isFinite(Number(raw))) return Number(raw);
  return raw;
}

function write(object, path, value) {
  const keys = path.split('.');
  const last = keys.pop();
  const parent = keys.reduce((node, key) => (node[key] = node[key] || {}), object);
  parent[last] = value;
}

// Returns the request and, for every JSON path in it, the control or group that holds it.
function readForm() {
  const request = {};
  const places = new Map([['learner', document.getElementById('learner')], ['offerings', offerings]]);
  document.querySelectorAll('#learner [data-path]').forEach(control => {
    places.set(control.dataset.path, control);
    const value = valueOf(control);
    if (value !== undefined) write(request, control.dataset.path, value);
  });
  request.learner = request.learner || {};
  const pasted = document.getElementById('learner-credentials').value.trim();
  if (pasted) {
    // A credential pasted alone is a list of one; text that is not JSON is sent as typed, so the service names the field.
    let credentials;
    try {
      credentials = JSON.parse(pasted);
    } catch (error) {
      credentials = pasted;
    }
    request.learner.credentials = credentials !== null && typeof credentials === 'object' && !Array.isArray(credentials)
      ? [credentials] : credentials;
    places.set('learner.credentials', document.getElementById('learner-credentials'));
  }
  const records = [];
  request.offerings = [...offerings.querySelectorAll('.offering')].map((fieldset, index) => {
    const at = 'offerings[' + index + ']';
    const offering = {};
    places.set(at, fieldset);
    fieldset.querySelectorAll('[data-group]').forEach(group => places.set(at + '.' + group.dataset.group, group));
    fieldset.querySelectorAll('[data-path]').forEach(control => {
      places.set(at + '.' + control.dataset.path, control);
      const value = valueOf(control);
      if (value !== undefined) write(offering, control.dataset.path, value);
    });
    const record = {};
    fieldset.querySelectorAll('[data-record]').forEach(control => {
      const value = valueOf(control);
      if (value !== undefined) record[control.dataset.record] = value;
    });
    if (Object.keys(record).length > 0) {
      const recordAt = 'learner.records[' + records.length + ']';
      places.set(recordAt, fieldset.querySelector('[data-group=record]'));
      places.set(recordAt + '.offeringId', fieldset.querySelector('[data-path=id]'));
      fieldset.querySelectorAll('[data-record]').forEach(control => places.set(recordAt + '.' + control.dataset.record, control));
      records.push({ offeringId: offering.id, ...record });
    }
    return offering;
  });
  if (records.length > 0) request.learner.records = records;
  if (document.getElementById('ask-next-steps').checked) {
    request.nextSteps = true;
    places.set('nextSteps', document.getElementById('ask-next-steps'));
  }
  if (chosenInstitutions.length > 0) {
    request.receivingInstitutions = [...chosenInstitutions];
    places.set('receivingInstitutions', document.getElementById('institutions'));
    chosenInstitutions.forEach((id, index) => places.set('receivingInstitutions[' + index + ']', document.getElementById('institution-' + id)));
  }
  return { request, places };
}

// ---- sending and showing --------------------------------------------------------------

// What is on screen and on its way. Each request to the service is numbered: an answer is shown only
// when it is the latest request's, and a ranking only under the answers of the learner it ranks.
let latest = 0;
/** The transfer-options request (JSON) of the learner whose answers are on screen, or null. */
let askedRanking = null;
/** The transfer-options request whose ranking is drawn (JSON), or null. */
let rankedRequest = null;
/** The transfer-options request being fetched (JSON), or null: the same one is never asked for twice at once. */
let rankingOnItsWay = null;
/** Institutions added from the ranking whose answers are not shown yet. */
let addedSinceShown = [];
/** The institution whose "Ask about" had the focus when its row was taken away: its new button gets it back. */
let refocusInstitution = null;
/** The options the chart draws, to draw them again at a new width. */
let chartedOptions = null;

function submit(event) {
  event.preventDefault();
  ask(false);
}

// Sends the form. With `keepFocus` (an institution added from the ranking) the advisor's focus stays where
// it is and the status line says what changed; otherwise the answers are brought into view and focused.
async function ask(keepFocus) {
  const mine = ++latest;
  clearErrors();
  // Emptied first, so that the same answers asked for again are announced again.
  document.getElementById('result-status').textContent = '';
  const { request, places } = readForm();
  // The answers on screen and their ranking stay together until new answers replace both.
  const ranking = JSON.stringify(rankingRequest(request));
  showRequest(request);
  let response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(request),
    });
  } catch (error) {
    if (mine === latest) showProblem({ title: 'The service could not be reached', detail: String(error) }, []);
    return;
  }
  const body = await response.json().catch(() => null);
  if (mine !== latest) return; // a newer request was sent: its answer is the one to show
  if (!response.ok || body === null) {
    showProblem(body !== null && body.title ? body : { title: 'The service answered ' + response.status + ' ' + response.statusText,
      detail: 'Its answer was not the JSON this page expects; try again, or tell whoever runs the service.' },
    (body && body.errors) || [], places);
    return;
  }
  const added = addedSinceShown;
  addedSinceShown = [];
  const addedWords = showAnswers(request, body, added, keepFocus);
  askedRanking = ranking;
  // Said beside the ranking too, where a sighted keyboard user is.
  document.getElementById('options-added').textContent = addedWords.trim();
  if (ranking === rankedRequest) {
    document.getElementById('options').hidden = false;
    markAskedAbout();
    // The cards above grew: the control pressed is brought back into view.
    if (keepFocus && document.activeElement && document.activeElement !== document.body) {
      document.activeElement.scrollIntoView({ block: 'nearest' });
    }
  } else {
    if (keepFocus && document.activeElement && document.activeElement.matches('button.ask')) {
      refocusInstitution = document.activeElement.dataset.institution;
    }
    if (ranking !== rankingOnItsWay) showOptions(ranking);
    else showRankingOnItsWay();
  }
}

function clearRanking() {
  askedRanking = null;
  rankedRequest = null;
  chartedOptions = null;
  const section = document.getElementById('options');
  section.hidden = true;
  section.querySelector('tbody').replaceChildren();
  section.querySelector('figure').hidden = true;
  section.querySelector('.scroll').hidden = true;
  document.getElementById('options-chart').replaceChildren();
  document.getElementById('options-loading').textContent = '';
  document.getElementById('options-considered').textContent = '';
  document.getElementById('options-added').textContent = '';
}

// `added`: the institutions added from the ranking since the last answers; `keepFocus`: asked from the ranking.
// Returns the sentence saying which were added ('' when none).
function showAnswers(request, response, added, keepFocus) {
  const results = document.getElementById('results');
  const names = new Map((response.institutions || []).map(institution => [institution.id, institution.name]));
  results.replaceChildren(...response.results.map((result, index) => card(result, request.offerings[index], index, names)));
  const readings = document.getElementById('readings');
  readings.hidden = !response.credentials;
  const credentials = response.credentials || [];
  const shared = sharedProofNotes(credentials);
  readings.querySelector('.shared-notes').replaceChildren(...[...shared].map(([note, count]) =>
    element('li', { class: 'shared-note' }, 'Of ' + count + ' credentials: ' + note)));
  readings.querySelector('.readings').replaceChildren(...credentials.map(reading => element('li',
    { class: 'reading', 'data-use': reading.use, 'data-path': reading.path },
    element('strong', {}, reading.name || reading.achievementId), reading.issuer ? ' from ' + reading.issuer : '', ': ',
    element('span', { class: 'use' }, readingWords(reading)),
    proofLine(reading.proof),
    element('ul', { class: 'notes' }, ...reading.notes.filter((note, index) => !(index === 0 && shared.has(note) && proofNoted(reading)))
      .map(note => element('li', {}, note))))));
  const totals = document.getElementById('totals');
  totals.hidden = !response.institutions;
  totals.querySelector('tbody').replaceChildren(...(response.institutions || []).map(institution =>
    element('tr', { 'data-institution': institution.id },
      element('th', { scope: 'row' }, institution.name),
      element('td', {}, String(institution.acceptedSemesterHours)),
      element('td', {}, String(institution.expectedSemesterHours)))));
  document.getElementById('decided-by').replaceChildren(
    'Decided as policy stood on ', response.asOf,
    ' by rulebase ', element('code', { class: 'version' }, response.rulebase.version),
    ', loaded ' + response.rulebase.loadedAt.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') + '.');
  const answers = document.getElementById('answers');
  answers.hidden = false;
  const status = document.getElementById('result-status');
  const addedNames = added.map(id => names.get(id) || institutionNames.get(id) || id);
  const addedWords = addedNames.length === 0 ? ''
    : addedNames.join(' and ') + (addedNames.length === 1 ? ' is' : ' are') + ' now asked about: each card has a line for '
      + (addedNames.length === 1 ? 'it' : 'each') + ', and the totals table ' + (addedNames.length === 1 ? 'its' : 'their') + ' hours. ';
  status.textContent = addedWords + resultSummary(request, response, names);
  // Asked from the ranking, the advisor stays where they are (the caller brings the control back into view).
  if (!keepFocus) {
    status.scrollIntoView({ block: 'start' });
    document.getElementById('answers-heading').focus({ preventScroll: true });
  }
  return addedWords;
}

/** One line for the status region: how many answers, as of when, and what each offering's credit does. */
function resultSummary(request, response, names) {
  const count = response.results.length;
  const credit = response.results.map((result, index) =>
    (request.offerings[index].title || result.offeringId) + ': ' + humanize(result.transfersCredit).toLowerCase());
  const shown = credit.length > 3 ? credit.slice(0, 3).join('; ') + '; and ' + (credit.length - 3) + ' more' : credit.join('; ');
  const totals = (response.institutions || []).map(institution =>
    (names.get(institution.id) || institution.id) + ' ' + hours(institution.acceptedSemesterHours) + ' accepted');
  return 'Answers for ' + count + (count === 1 ? ' offering' : ' offerings') + ' as policy stood on ' + response.asOf
    + '. Transfers credit \u2014 ' + shown + '.' + (totals.length > 0 ? ' At ' + totals.join('; ') + '.' : '');
}

/** Whether the reading's first note is about its proof: the service puts it first whenever the proof does not confirm the issuer. */
function proofNoted(reading) {
  return reading.proof && !(reading.proof.status === 'VERIFIED' && reading.proof.issuerAuthenticated) && reading.notes.length > 0;
}

/** The proof notes said of more than one credential, each with how many: shown once above the list instead of under each. */
function sharedProofNotes(readings) {
  const counts = new Map();
  readings.filter(proofNoted).forEach(reading => counts.set(reading.notes[0], (counts.get(reading.notes[0]) || 0) + 1));
  return new Map([...counts].filter(([, count]) => count > 1));
}

/** What became of a credential, in words (LC). */
function readingWords(reading) {
  switch (reading.use) {
    case 'RECORD': {
      const record = reading.record;
      return 'read as the record of ' + reading.offeringId + ': completed on ' + record.completedOn
        + (record.gpa === null ? ', no grade' : ' with a grade of ' + record.gpa)
        + (reading.creditRecommendation ? '; ACE recommends ' + reading.creditRecommendation.semesterHours + ' semester hours' : '') + '.';
    }
    case 'NO_OFFERING': return 'not used: no offering has its achievement id.';
    case 'DUPLICATE': return 'not used: the offering already has a record.';
    case 'NOT_VALID': return 'not used: it is not valid on the date of the answer.';
    case 'INVALID_PROOF': return 'not used: its proof does not hold.';
    default: return reading.use;
  }
}

/** Whether the credential's proof was verified, and whether that confirms its issuer (LC-8, LC-9), in words; the notes say why. */
function proofLine(proof) {
  if (!proof) {
    return '';
  }
  const status = {
    VERIFIED: 'Proof verified', INVALID: 'Proof does not hold', UNVERIFIABLE: 'Proof could not be checked',
    UNSUPPORTED: 'Proof of a kind the service does not check', NONE: 'No proof'
  }[proof.status] || proof.status;
  const mark = proof.status === 'VERIFIED' ? '\u2713 ' : proof.status === 'INVALID' ? '\u2717 ' : '';
  return element('p', { class: 'proof', 'data-status': proof.status },
    element('span', { 'aria-hidden': 'true' }, mark), status
    + (proof.from === 'CLR' ? ' (the CLR holding it)' : '') + ' \u00b7 ',
    element('span', { class: 'issuer-confirmation' }, proof.issuerAuthenticated ? 'issuer confirmed' : 'issuer not confirmed'));
}

/** Credential files chosen: each one's JSON (a credential or a list of them) into the box, as one list. */
async function chooseCredentialFiles(event) {
  const status = document.getElementById('credential-files-status');
  const credentials = [];
  const unread = [];
  for (const file of event.target.files) {
    try {
      const read = JSON.parse(await file.text());
      credentials.push(...(Array.isArray(read) ? read : [read]));
    } catch (error) {
      unread.push(file.name);
    }
  }
  document.getElementById('learner-credentials').value = credentials.length > 0 ? JSON.stringify(credentials, null, 2) : '';
  status.textContent = credentials.length + (credentials.length === 1 ? ' credential' : ' credentials') + ' read'
    + (unread.length > 0 ? '; not JSON: ' + unread.join(', ') : '') + '.';
}

// ---- where would it count most: the same request ranked over every institution (POST /api/v1/transfer-options) ----

/** The ranking's request: the evaluation's learner and offerings, without what only the evaluation uses. */
function rankingRequest(request) {
  const asked = { ...request, limit: OPTIONS_SHOWN };
  delete asked.receivingInstitutions;
  delete asked.nextSteps;
  return asked;
}

/** The section while a ranking is fetched: the previous learner's rows gone, a line saying it is coming (not announced). */
function showRankingOnItsWay() {
  const section = document.getElementById('options');
  section.querySelector('tbody').replaceChildren();
  section.querySelector('figure').hidden = true;
  section.querySelector('.scroll').hidden = true;
  document.getElementById('options-chart').replaceChildren();
  chartedOptions = null;
  rankedRequest = null;
  document.getElementById('options-considered').textContent = '';
  document.getElementById('options-loading').textContent = 'Ranking every institution in effect…';
  section.hidden = false;
}

async function showOptions(sent) {
  const section = document.getElementById('options');
  const considered = document.getElementById('options-considered');
  rankingOnItsWay = sent;
  showRankingOnItsWay();
  let body;
  let failure = null;
  try {
    const response = await fetch(OPTIONS, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: sent,
    });
    body = await response.json().catch(() => null);
    if (!response.ok || body === null) failure = (body && body.title) || 'the service answered ' + response.status + ' ' + response.statusText;
  } catch (error) {
    failure = error.message;
  }
  if (rankingOnItsWay === sent) rankingOnItsWay = null;
  // The answers on screen are another learner's now: that learner's ranking is asked for on its own.
  if (sent !== askedRanking) return;
  document.getElementById('options-loading').textContent = '';
  if (failure !== null) {
    considered.textContent = 'The ranking of institutions is not available: ' + failure + '.';
    return;
  }
  rankedRequest = sent;
  body.options.forEach(option => institutionNames.set(option.id, option.name));
  considered.textContent = 'Ranked: the ' + body.options.length + ' best of ' + body.institutionsConsidered
    + ' institutions in effect on ' + body.asOf + ', most accepted hours first, then expected hours, matches and reviews.';
  section.querySelector('figure').hidden = false;
  section.querySelector('.scroll').hidden = false;
  chart(body.options);
  const cell = (label, value) => element('td', { role: 'cell', 'data-label': label }, String(value));
  section.querySelector('tbody').replaceChildren(...body.options.map(option => {
    const add = element('button', { type: 'button', class: 'ask', 'data-institution': option.id });
    add.addEventListener('click', () => askAbout(option.id));
    return element('tr', { role: 'row', 'data-institution': option.id },
      element('th', { scope: 'row', role: 'rowheader' }, option.name),
      cell('Accepted', option.acceptedSemesterHours),
      cell('Expected', option.expectedSemesterHours),
      cell('Match', option.matches),
      cell('Review', option.reviews),
      cell('Miss', option.misses),
      element('td', { role: 'cell', class: 'ask-cell' }, add));
  }));
  markAskedAbout();
  // The button pressed was in the rows taken away: the same institution's new button takes the focus back.
  const refocus = refocusInstitution && section.querySelector('button.ask[data-institution="' + CSS.escape(refocusInstitution) + '"]');
  refocusInstitution = null;
  if (refocus && (document.activeElement === document.body || document.activeElement === null)) {
    refocus.focus();
  }
}

/** Each "Ask about" button says whether its institution is asked about; one that is stays focusable, so the focus never drops. */
function markAskedAbout() {
  document.querySelectorAll('#options button.ask').forEach(button => {
    const asking = chosenInstitutions.includes(button.dataset.institution);
    const name = institutionNames.get(button.dataset.institution) || button.dataset.institution;
    button.textContent = asking ? 'Asked about' : 'Ask about';
    button.setAttribute('aria-label', (asking ? 'Asked about ' : 'Ask about ') + name);
    if (asking) button.setAttribute('aria-disabled', 'true'); else button.removeAttribute('aria-disabled');
  });
}

/** A bar per institution, its accepted hours and then its expected ones, on one scale, drawn at the width it is shown at. */
function chart(options) {
  chartedOptions = options;
  const svg = document.getElementById('options-chart');
  // Drawn in screen pixels, never scaled: the text stays at its size on a phone. A narrow screen puts each name above its bar.
  const width = Math.max(240, Math.min(680, Math.floor(svg.parentElement.clientWidth)));
  const narrow = width < 520;
  const labelWidth = narrow ? 0 : 230;
  const valueWidth = 90;
  const barWidth = width - labelWidth - valueWidth;
  const row = narrow ? 44 : 26;
  const barTop = narrow ? 22 : 3;
  const most = Math.max(1, ...options.map(option => Number(option.acceptedSemesterHours) + Number(option.expectedSemesterHours)));
  const height = Math.max(1, options.length) * row + 8;
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  const title = svgElement('title', { id: 'options-chart-title' });
  title.textContent = 'Accepted and expected semester hours at the ' + options.length + ' best-ranked institutions';
  const parts = [title];
  const labels = [];
  options.forEach((option, index) => {
    const y = 4 + index * row;
    const accepted = Number(option.acceptedSemesterHours);
    const expected = Number(option.expectedSemesterHours);
    const label = narrow ? svgElement('text', { x: '0', y: String(y + 15) })
      : svgElement('text', { x: String(labelWidth - 8), y: String(y + 17), 'text-anchor': 'end' });
    label.textContent = option.name;
    labels.push(label);
    const acceptedBar = svgElement('rect', { class: 'bar-accepted', 'data-institution': option.id, 'data-hours': String(accepted),
      x: String(labelWidth), y: String(y + barTop), height: '18', width: String(barWidth * accepted / most) });
    const expectedBar = svgElement('rect', { class: 'bar-expected', 'data-institution': option.id, 'data-hours': String(expected),
      x: String(labelWidth + barWidth * accepted / most), y: String(y + barTop), height: '18', width: String(barWidth * expected / most) });
    const value = svgElement('text', { x: String(labelWidth + barWidth * (accepted + expected) / most + 6), y: String(y + barTop + 14) });
    value.textContent = accepted + ' + ' + expected + ' h';
    parts.push(label, acceptedBar, expectedBar, value);
  });
  svg.replaceChildren(...parts);
  // A long name is shortened, as drawn, to fit its room (beside its bar, or the width above it); the whole name is
  // the label's tooltip, and the table below has it.
  const room = (narrow ? width : labelWidth) - 8;
  labels.forEach((label, index) => {
    const name = options[index].name;
    for (let length = name.length; label.getComputedTextLength() > room && length > 1; length--) {
      label.textContent = name.slice(0, length - 1) + '…';
    }
    const whole = svgElement('title', {});
    whole.textContent = name;
    label.append(whole);
  });
}

function svgElement(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** Adds an institution from the ranking to the ones asked about, and asks again: its cards then show its transfers. */
async function askAbout(id) {
  if (chosenInstitutions.includes(id)) return;
  chosenInstitutions = [...chosenInstitutions, id];
  addedSinceShown = [...addedSinceShown, id];
  markAskedAbout();
  await loadInstitutions();
  await ask(true);
}

function card(result, offering, index, names) {
  const headingId = 'result-' + index;
  const heading = element('h3', { id: headingId }, offering.title || result.offeringId);
  heading.append(' ', element('span', { class: 'offering-id' }, result.offeringId));
  const answers = element('dl', { class: 'answers' }, ...ANSWERS.map(([field, label]) => element('div', { 'data-answer': field },
    element('dt', {}, label),
    element('dd', { class: field === 'industryCertification' && result[field] === false ? 'neutral' : tone(result[field]),
      'data-value': String(result[field]) }, humanize(result[field])))));
  const conclusions = element('ol', { class: 'conclusions' }, ...result.conclusions.map(c => conclusion(c, names)));
  const parts = [heading, answers];
  if (result.transfers) {
    parts.push(element('h4', {}, 'Transfer'), element('ul', { class: 'transfers' },
      ...result.transfers.map(transfer => transferLine(transfer, result.conclusions, names))));
  }
  if (result.nextSteps) {
    parts.push(element('h4', {}, 'What would change this'), nextSteps(result.nextSteps, names));
  }
  return element('article', { class: 'result', 'aria-labelledby': headingId, 'data-offering': result.offeringId },
    ...parts, element('h4', {}, 'Why'), conclusions);
}

// The next steps of one offering: each step's reason (the move and grade, then what gets better and worse),
// then each answer it changes, better ones first.
function nextSteps(steps, names) {
  if (steps.length === 0) {
    return element('p', { class: 'steps none' }, 'Nothing the learner can still do changes these answers.');
  }
  const order = { BETTER: 0, WORSE: 1, OTHER: 2 };
  const words = { BETTER: 'Better', WORSE: 'Worse', OTHER: 'Changes' };
  return element('ol', { class: 'steps' }, ...steps.map(step => element('li', {
    class: 'step', 'data-move': step.move.kind, 'data-gpa': step.move.gpa == null ? '' : Number(step.move.gpa).toFixed(1) },
    element('p', { class: 'reason' }, step.reason),
    element('ul', { class: 'changes' }, ...[...step.changes].sort((a, b) => order[a.effect] - order[b.effect]).map(change =>
      element('li', { class: 'change ' + change.effect.toLowerCase(), 'data-effect': change.effect },
        element('strong', {}, words[change.effect] + ': '),
        changeWords(change, names)))))));
}

function changeWords(change, names) {
  const what = change.answer === 'transfer'
    ? 'transfer to ' + (names.get(change.institution) || change.institution)
    : humanize(change.answer.replace(/([A-Z])/g, '_$1').toUpperCase());
  const value = (outcome, semesterHours) => humanize(outcome) + (semesterHours == null ? '' : ', ' + hours(semesterHours));
  return what + ' (' + change.offeringId + '): ' + value(change.now, change.nowSemesterHours) + ' → '
    + value(change.then, change.thenSemesterHours) + ' (' + change.policy + ')';
}

// One institution's answer for the offering: the outcome, the hours and the reason of its TRANSFER conclusion.
function transferLine(transfer, conclusions, names) {
  const backing = conclusions.find(c => c.topic === 'TRANSFER' && c.institution === transfer.institution);
  return element('li', { class: 'transfer', 'data-institution': transfer.institution },
    element('p', {},
      element('span', { class: 'institution' }, names.get(transfer.institution) || transfer.institution), ': ',
      element('strong', { class: 'outcome ' + transferTone(transfer.outcome), 'data-value': transfer.outcome }, humanize(transfer.outcome)),
      ' · ', element('span', { class: 'hours' }, hours(transfer.semesterHours))),
    element('p', { class: 'reason' }, backing ? backing.reason : ''),
    ...(backing ? whyNot(backing) : []));
}

// PR-3: the rules of the topic that also held but were outranked by the one that decided, each with the
// answer and reason it would have given; nothing when none was.
function whyNot(c) {
  if (!c.overruled || c.overruled.length === 0) return [];
  const policies = [...new Set(c.overruled.map(o => o.policy))];
  return [element('div', { class: 'why-not' },
    element('p', {}, element('strong', {}, 'Why not ' + policies.join(', ') + '?'), ' ',
      'A rule before ' + (c.overruled.length === 1 ? 'it' : 'them') + ' in this topic\'s order held, so it decided. '
        + (c.overruled.length === 1 ? 'Outranked:' : 'Outranked, in order:')),
    element('ul', {}, ...c.overruled.map(o => element('li', { class: 'overruled', 'data-policy': o.policy },
      element('a', { href: 'rules.html?q=' + encodeURIComponent(o.policy), class: 'overruled-policy' }, o.policy),
      ' (rule “' + o.rule + '”, ' + o.file + (o.row == null ? ':' + o.line
        : (o.sheet ? ', sheet “' + o.sheet + '”' : '') + ', row ' + o.row) + ') would have answered ',
      element('strong', {}, humanize(o.outcome)), ': ' + o.reason))))];
}

function hours(value) {
  return value + (Number(value) === 1 ? ' semester hour' : ' semester hours');
}

function transferTone(outcome) {
  return outcome === 'ACCEPTED' ? 'positive' : outcome === 'NOT_ACCEPTED' ? 'negative' : 'neutral';
}

function conclusion(c, names) {
  const about = c.institution ? ' (' + (names.get(c.institution) || c.institution) + ')' : '';
  const source = element('p', { class: 'source' },
    'Policy ', element('a', { href: 'rules.html?q=' + encodeURIComponent(c.policy), class: 'policy' }, c.policy),
    ' · rule “', element('span', { class: 'rule-name' }, c.rule), '” in ', element('span', { class: 'file' }, c.file),
    ...(c.row == null ? [] : [', ', element('span', { class: 'row' },
      (c.sheet ? 'sheet “' + c.sheet + '”, ' : '') + 'row ' + c.row + ' of the decision table')]));
  if (c.basedOn && c.basedOn.length > 0) source.append(' · based on ' + c.basedOn.join(', '));
  return element('li', { class: c.topic === 'ADVICE' ? 'conclusion advice' : 'conclusion', 'data-policy': c.policy },
    c.topic === 'ADVICE'
      ? element('p', { class: 'topic' }, 'Advice' + about)
      : element('p', { class: 'topic' }, humanize(c.topic) + about + ': ', element('strong', {}, humanize(c.outcome))),
    element('p', { class: 'reason' }, c.reason),
    ...whyNot(c),
    source);
}

// The answers already on screen stay until a new answer replaces them.
function showProblem(problem, errors, places) {
  const list = element('ul', {});
  const shown = new Set();
  for (const error of errors) {
    const found = placeOf(places, error.field);
    if (found) {
      // A field inside what the control holds (a credential's member) is named after the control: "credential 2 › type".
      const message = (found.rest ? found.rest + ': ' : '') + error.message;
      if (shown.has(found.place.id + '\n' + message)) continue; // one fact named twice (an offering's id and its record's)
      shown.add(found.place.id + '\n' + message);
      const id = markField(found.place, message);
      list.append(element('li', {}, element('a', { href: '#' + id }, describe(found.place) + ': ' + message)));
    } else {
      list.append(element('li', {}, error.field + ': ' + error.message));
    }
  }
  for (const defect of problem.defects || []) list.append(element('li', {}, defect));
  summary.replaceChildren(element('h2', { id: 'error-summary-title' }, problem.title || 'The request failed'),
    element('p', {}, problem.detail || ''));
  if (list.childElementCount > 0) summary.append(list);
  summary.hidden = false;
  summary.focus();
}

// The control or group a problem's field path names, or its nearest enclosing one.
// With `rest`, the part of the path below it in words ("" when the path names the place itself).
function placeOf(places, path) {
  for (let at = path; places && at; at = at.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
    if (places.has(at)) return { place: places.get(at), rest: pathWords(path.slice(at.length), at) };
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(at)) break;
  }
  return null;
}

// "[1].credentialSubject.verifiableCredential[0].validFrom" under "learner.credentials":
// "credential 2 › credentialSubject › verifiableCredential 1 › validFrom".
function pathWords(rest, at) {
  if (!rest) return '';
  const first = /credentials$/.test(at) ? 'credential ' : 'item ';
  return rest.replace(/^\[(\d+)\]/, (match, n) => first + (Number(n) + 1))
    .replace(/\[(\d+)\]/g, (match, n) => ' ' + (Number(n) + 1))
    .replace(/^\./, '').split('.').join(' › ');
}

let messageCount = 0;

// Shows the message at its control or group and returns the id the summary links to: the control, a group's first
// control (the group and that control are described by the message), or the message itself where there is no control.
function markField(place, message) {
  const id = 'problem-' + (++messageCount);
  const note = element('p', { class: 'field-error', id, tabindex: '-1' }, message);
  if (place.tagName === 'FIELDSET') {
    place.querySelector('legend').after(note);
    describeBy(place, id);
    const first = place.querySelector('input, select, textarea');
    if (!first) return id;
    describeBy(first, id);
    return first.id;
  }
  if (place === offerings) {
    place.prepend(note);
    return id;
  }
  const field = place.closest('.field');
  if (field) {
    (field.querySelector('.field-errors') || field.appendChild(element('div', { class: 'field-errors' }))).append(note);
  } else {
    // A control outside a .field (the credentials box, an institution's box, the next-steps box): right after it.
    const anchor = place.closest('.choice') || place;
    const next = anchor.nextElementSibling;
    (next && next.classList.contains('field-errors') ? next : anchor.insertAdjacentElement('afterend', element('div', { class: 'field-errors' })))
      .append(note);
  }
  place.setAttribute('aria-invalid', 'true');
  describeBy(place, id);
  return place.id;
}

function describeBy(place, id) {
  const described = place.getAttribute('aria-describedby');
  place.setAttribute('aria-describedby', described ? described + ' ' + id : id);
}

// "Offering 2 › Provider › Name": where a control or group sits, in the words on the page.
function describe(place) {
  const names = [];
  if (place.labels && place.labels.length > 0) names.push(ownText(place.labels[0]));
  for (let node = place; node && node !== form; node = node.parentElement) {
    if (node.tagName === 'FIELDSET') names.unshift(ownText(node.querySelector('legend')));
  }
  return names.length > 0 ? names.join(' › ') : 'Offerings';
}

// A label's or legend's words without its hint.
function ownText(node) {
  return [...node.childNodes].filter(child => !(child.classList && child.classList.contains('hint')))
    .map(child => child.textContent).join('').replace(/\s+/g, ' ').trim();
}

function clearErrors() {
  summary.hidden = true;
  summary.replaceChildren();
  document.querySelectorAll('.field-errors, .field-error').forEach(note => note.remove());
  document.querySelectorAll('[aria-invalid], [aria-describedby^="problem-"]').forEach(control => {
    control.removeAttribute('aria-invalid');
    control.removeAttribute('aria-describedby');
  });
}

function humanize(value) {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  const words = String(value).toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function tone(value) {
  return POSITIVE.includes(value) ? 'positive' : NEGATIVE.includes(value) ? 'negative' : 'neutral';
}

// ---- the request for portal developers ------------------------------------------------

function showRequest(request) {
  const json = JSON.stringify(request, null, 2);
  document.getElementById('request-json').textContent = json;
  document.getElementById('request-curl').textContent =
    "curl -sS -X POST '" + ENDPOINT + "' \\\n  -H 'Content-Type: application/json' \\\n  --data-binary @- <<'JSON'\n" + json + '\nJSON';
}

async function copy(id, what) {
  const status = document.getElementById('copy-status');
  const block = document.getElementById(id);
  try {
    await navigator.clipboard.writeText(block.textContent);
    status.textContent = what + ' copied.';
  } catch (error) {
    window.getSelection().selectAllChildren(block);
    status.textContent = 'Selected: press Ctrl+C (or Cmd+C) to copy the ' + what + '.';
  }
}

// ---- ready-made learners from the contract examples -----------------------------------

const examples = [];

async function loadPresets() {
  const files = await (await fetch('examples.json')).json();
  examples.push(...await Promise.all(files.map(async file => (await fetch(file)).json())));
  document.getElementById('preset').append(...examples.map((example, index) =>
    element('option', { value: String(index) }, example.request.learner.id + ': ' + example.description)));
}

function loadPreset() {
  const chosen = examples[document.getElementById('preset').value];
  // An example about next steps (it expects them) loads with them asked for, so that it shows them.
  fill(chosen ? { ...chosen.request, nextSteps: chosen.request.nextSteps === true || chosen.expectNextSteps !== undefined }
    : { offerings: [{}] });
}

// A link in the problem summary takes the reader, and the keyboard focus, to the field it names.
function goToProblem(event) {
  const link = event.target.closest('a[href^="#"]');
  if (!link) return;
  event.preventDefault();
  const target = document.getElementById(link.getAttribute('href').slice(1));
  if (!target) return;
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

form.addEventListener('submit', submit);
summary.addEventListener('click', goToProblem);
document.getElementById('load-preset').addEventListener('click', loadPreset);
document.getElementById('add-offering').addEventListener('click', () => addOffering().querySelector('input').focus());
document.getElementById('copy-json').addEventListener('click', () => copy('request-json', 'JSON'));
document.getElementById('copy-curl').addEventListener('click', () => copy('request-curl', 'curl command'));
document.getElementById('as-of').addEventListener('change', loadInstitutions);
document.getElementById('learner-credential-files').addEventListener('change', chooseCredentialFiles);
window.addEventListener('resize', () => { if (chartedOptions) chart(chartedOptions); });
addOffering();
showRequest(readForm().request);
loadPresets();
loadInstitutions();
