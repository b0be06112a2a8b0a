// The rule catalogue page: GET /api/v1/rules, grouped by topic (the rule file) in the order the topics
// are decided, each topic with its hit policy and its rules in its order; filtered as the reader types.
// The filter lives in the address (?q=…&topic=…), so a filtered view can be linked.
'use strict';

const textFilter = document.getElementById('filter-text');
const topicFilter = document.getElementById('filter-topic');
const catalogue = document.getElementById('catalogue');
const count = document.getElementById('count');
let rules = [];
let hitPolicies = new Map();

// What each hit policy means, in the words policy-values.yaml uses (PR-1).
const HIT_POLICIES = {
  FIRST: 'First rule that holds decides. For one offering (and, for transfers, one institution) the first rule in '
    + 'this order whose conditions hold decides; the rules below it that also hold are overruled, and answers list '
    + 'them under “Why not”. Rules that derive a fact fire whenever they hold.',
  UNIQUE: 'At most one rule holds. Its rules never hold together for one offering; two that do are a rulebase defect.',
  COLLECT: 'Every rule that holds adds its conclusion.'
};

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
  hitPolicies = new Map((body.topics || []).map(topic => [topic.topic, topic.hitPolicy]));
  document.getElementById('version').replaceChildren('Rulebase ', element('code', { class: 'version' }, body.version));
  const topics = [...new Set(rules.map(rule => rule.topic))];
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
    ...hitPolicy(name),
    element('ol', { class: 'rules' }, ...members.map(card)))));
  count.textContent = shown.length === 0
    ? 'No rule matches this filter.'
    : 'Showing ' + shown.length + ' of ' + rules.length + ' rules.';
  const params = new URLSearchParams();
  if (textFilter.value) params.set('q', textFilter.value);
  if (topic) params.set('topic', topic);
  history.replaceState(null, '', params.size > 0 ? '?' + params : location.pathname);
}

// The topic's hit policy as declared in policy-values.yaml, in words; nothing for a rulebase that states no topics.
function hitPolicy(topic) {
  const policy = hitPolicies.get(topic);
  if (!policy) return [];
  return [element('p', { class: 'hit-policy', 'data-hit-policy': policy },
    element('strong', {}, policy), ' — ', HIT_POLICIES[policy])];
}

function card(rule) {
  return element('li', { class: 'rule', 'data-policy': rule.policy, 'data-rank': rule.rank },
    element('h3', {}, rule.name),
    element('p', { class: 'source' }, element('span', { class: 'rank' }, 'Order ' + rule.rank), ' · ',
      element('span', { class: 'policy' }, rule.policy),
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
