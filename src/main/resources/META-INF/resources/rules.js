// The rule catalogue page: GET /api/v1/rules, grouped by topic (the rule file), filtered as the
// reader types. The filter lives in the address (?q=…&topic=…), so a filtered view can be linked.
'use strict';

const textFilter = document.getElementById('filter-text');
const topicFilter = document.getElementById('filter-topic');
const catalogue = document.getElementById('catalogue');
const count = document.getElementById('count');
let rules = [];

async function load() {
  const params = new URLSearchParams(location.search);
  textFilter.value = params.get('q') || '';
  let response;
  try {
    response = await fetch(new URL('api/v1/rules', document.baseURI));
  } catch (error) {
    count.textContent = 'The service could not be reached: ' + error;
    return;
  }
  const body = await response.json();
  if (!response.ok) {
    count.textContent = body.title + ': ' + body.detail;
    return;
  }
  rules = body.rules;
  document.getElementById('version').replaceChildren('Rulebase ', element('code', { class: 'version' }, body.version));
  const topics = [...new Set(rules.map(rule => rule.topic))].sort();
  topicFilter.append(...topics.map(topic => element('option', { value: topic }, title(topic))));
  topicFilter.value = topics.includes(params.get('topic')) ? params.get('topic') : '';
  show();
}

function show() {
  const words = textFilter.value.trim().toLowerCase();
  const topic = topicFilter.value;
  const shown = rules.filter(rule => (topic === '' || rule.topic === topic)
    && (words === '' || [rule.policy, rule.name, rule.description, rule.file].join(' ').toLowerCase().includes(words)));
  const groups = new Map();
  for (const rule of shown) {
    if (!groups.has(rule.topic)) groups.set(rule.topic, []);
    groups.get(rule.topic).push(rule);
  }
  catalogue.replaceChildren(...[...groups].map(([name, members]) => element('section', { class: 'topic-group', 'data-topic': name },
    element('h2', {}, title(name) + ' ', element('span', { class: 'hint' }, members.length + (members.length === 1 ? ' rule' : ' rules'))),
    element('ol', { class: 'rules' }, ...members.map(card)))));
  count.textContent = shown.length === 0
    ? 'No rule matches this filter.'
    : 'Showing ' + shown.length + ' of ' + rules.length + ' rules.';
  const params = new URLSearchParams();
  if (textFilter.value) params.set('q', textFilter.value);
  if (topic) params.set('topic', topic);
  history.replaceState(null, '', params.size > 0 ? '?' + params : location.pathname);
}

function card(rule) {
  return element('li', { class: 'rule', 'data-policy': rule.policy },
    element('h3', {}, rule.name),
    element('p', { class: 'source' }, element('span', { class: 'policy' }, rule.policy),
      ' · ', element('span', { class: 'file' }, place(rule))),
    element('p', { class: 'description' }, rule.description));
}

// A DRL rule by file and line; a decision table's rule by file, sheet (of a workbook) and row.
function place(rule) {
  if (rule.row == null) return rule.file + ':' + rule.line;
  return rule.file + (rule.sheet ? ', sheet “' + rule.sheet + '”' : '') + ', row ' + rule.row;
}

function title(topic) {
  const words = topic.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

textFilter.addEventListener('input', show);
topicFilter.addEventListener('change', show);
document.getElementById('filters').addEventListener('submit', event => event.preventDefault());
load();
