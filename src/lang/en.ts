/**
 * English: what the language-specific stages need to know, as data — the syntax stage's tokeniser
 * rules (as the UD English Web Treebank, EWT, tokenises), the stop words, the slide labels and the
 * compressor's word lists.
 */
import { eng } from 'stopword';
import type { CompressionRules, ConclusionCues, Labels, TokenizerRules } from './types.js';

/** Contractions written without their apostrophe, which EWT still splits: "dont" = "do" + "nt". */
const APOSTROPHE_LESS = ['didnt', 'doesnt', 'dont', 'isnt', 'wasnt', 'arent', 'werent', 'couldnt', 'wouldnt', 'shouldnt', 'havent', 'hasnt', 'hadnt'];

/** English tokenisation as EWT has it. */
export const tokenizer: TokenizerRules = {
  clitics: [
    { suffix: "n't", minStem: 1 },
    { suffix: "'s", minStem: 1 },
    { suffix: "'re", minStem: 1 },
    { suffix: "'ve", minStem: 1 },
    { suffix: "'ll", minStem: 1 },
    { suffix: "'d", minStem: 1 },
    { suffix: "'m", minStem: 1 },
  ],
  wholeWords: new Set(),
  specialWords: new Map<string, readonly number[]>([
    ['cannot', [3, 3]],
    ['gonna', [3, 2]],
    ['wanna', [3, 2]],
    ['gotta', [3, 2]],
    ['cant', [2, 2]],
    ['wont', [2, 2]],
    ...APOSTROPHE_LESS.map((word): [string, number[]] => [word, [word.length - 2, 2]]),
  ]),
  // EWT writes "long-term" as "long", "-", "term", but keeps words with a prefix whole.
  splitHyphens: true,
  hyphenPrefixes: new Set(['anti', 'co', 'counter', 'e', 'ex', 'mid', 'multi', 'non', 'post', 'pre', 'pro', 're', 'semi']),
  abbreviations: new Set([
    'a.m', 'p.m', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'e.u', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp',
    'vs', 'etc', 'no', 'gen', 'gov', 'lt', 'rev', 'sen', 'rep', 'reps', 'ft', 'mt', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
    'sept', 'oct', 'nov', 'dec', 'v', 'mon', 'tue', 'wed', 'thu', 'thur', 'fri', 'sat', 'sun', 'approx', 'dept', 'est', 'fig', 'vol', 'attn',
  ]),
};

/** Function words (the `stopword` package's list), for language detection, titles and ranking. */
export const stopwords: ReadonlySet<string> = new Set(eng);

/** Words ringkas itself puts on slides. */
export const labels: Labels = {
  introduction: 'Introduction',
  overview: 'Overview',
  agenda: 'Agenda',
  continued: 'cont.',
  glossary: 'Glossary',
  conclusion: 'Key takeaways',
  more: (count) => `… and ${count} more sections`,
  sources: 'Source',
  sourceLines: { title: 'Title', author: 'Author', publication: 'Publication', date: 'Date', address: 'URL' },
};

const DAYS_AND_MONTHS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
];

/** What the compressor needs to know of English. */
export const compression: CompressionRules = {
  negators: new Set(['not', "n't", 'no', 'never', 'nor', 'neither', 'none', 'nobody', 'nothing', 'nowhere', 'cannot']),
  connectives: [
    'however', 'but', 'and', 'or', 'so', 'yet', 'also', 'then', 'thus', 'hence', 'therefore', 'moreover', 'furthermore', 'besides',
    'meanwhile', 'instead', 'still', 'indeed', 'likewise', 'similarly', 'otherwise', 'nevertheless', 'nonetheless', 'consequently',
    'accordingly', 'additionally', 'finally', 'lastly', 'plus', 'in addition', 'in fact', 'in contrast', 'in turn', 'as a result',
    'on the other hand', 'for example', 'for instance', 'after all', 'even so', 'at the same time', 'by contrast', 'as well',
    'because', 'although', 'though', 'while', 'whereas', 'which', 'such',
  ],
  commaConnectives: new Set(['first', 'second', 'third', 'fourth', 'firstly', 'secondly', 'thirdly', 'last', 'again', 'now', 'here', 'there', 'today']),
  anaphors: [
    'he', 'she', 'it', 'they', 'him', 'her', 'them', 'his', 'its', 'their', 'hers', 'theirs', 'this', 'that', 'these', 'those',
    'such', 'both', 'the latter', 'the former', 'the same', 'the two', 'one', 'another', 'others', 'the other', 'there',
  ],
  pointingDeterminers: new Set(['this', 'that', 'these', 'those', 'such']),
  possessiveAnaphors: new Set(['his', 'her', 'its', 'their']),
  firstPerson: new Set(['i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves']),
  firstPersonSingular: new Set(['i', 'me', 'my', 'mine', 'myself']),
  sayingVerbs: new Set(['say', 'says', 'said', 'saying']),
  reportingVerbs: new Set([
    'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'add', 'adds', 'added', 'explain', 'explains', 'explained', 'note',
    'notes', 'noted', 'state', 'states', 'stated', 'report', 'reports', 'reported', 'announce', 'announces', 'announced', 'confirm',
    'confirms', 'confirmed', 'write', 'writes', 'wrote', 'continued', 'continues', 'reveal', 'revealed', 'reveals', 'find',
    'finds', 'found', 'show', 'shows', 'showed', 'shown', 'stress', 'stresses', 'stressed', 'emphasize', 'emphasized',
    'emphasised', 'insist', 'insists', 'insisted', 'indicate', 'indicates', 'indicated', 'learned', 'learnt', 'report',
  ]),
  opinionVerbs: new Set(['believe', 'believes', 'believed', 'think', 'thinks', 'thought', 'hope', 'hopes', 'hoped', 'argue', 'argues', 'argued', 'claim', 'claims', 'claimed', 'deny', 'denies', 'denied', 'feel', 'feels', 'felt', 'expect', 'expects', 'expected']),
  fixedPhrases: ['at all', 'so far', 'as well', 'at least', 'at most', 'of course'],
  bareAdjectivePredicates: false,
  adjectivesBeforeNouns: true,
  roleMarkers: new Set(['as']),
  resultVerbs: new Set([]),
  capitalsMarkNames: false,
  copulas: new Set(['is', 'are', 'was', 'were']),
  placeNamePrefixes: new Set(['st.', 'st', 'mt.', 'mt', 'ft.', 'ft', 'saint', 'mount', 'fort', 'port', 'lake', 'cape', 'san', 'santa']),
  attributionMarkers: new Set(['according']),
  sourceFrames: ['according to', 'as reported by', 'as reported in', 'as quoted by', 'as quoted in', 'as cited by', 'citing', 'quoting', 'writing in', 'speaking to', 'speaking on', 'in an interview with'],
  clausePrepositions: new Set(['of', 'for', 'from', 'by', 'with', 'about', 'on', 'against', 'into', 'without', 'in', 'at', 'over', 'toward', 'towards']),
  sequenceMarkers: new Set(['after', 'before', 'until', 'following', 'when', 'since']),
  genitiveMarkers: new Set(['of']),
  focusAdverbs: new Set(['only', 'just', 'even', 'merely', 'solely', 'mostly', 'mainly', 'largely']),
  ordinals: new Set(['first', 'last', 'only', 'next', 'second', 'third', 'latest']),
  purposeMarkers: new Set(['to', 'so', 'in order']),
  complementizers: new Set(['that']),
  conditionMarkers: new Set(['if', 'unless', 'provided', 'providing', 'whether', 'otherwise', 'lest']),
  exampleMarkers: ['such as', 'including', 'like', 'for example', 'for instance', 'e.g.', 'namely', 'among them', 'especially'],
  adjunctMarkers: ['despite', 'in spite of', 'amid', 'amidst', 'following', 'besides', 'because of', 'due to', 'owing to', 'as part of', 'based on', 'in addition', 'in response to', 'in connection with', 'regardless of', 'notwithstanding', 'as a result of', 'in the wake of'],
  agentMarkers: new Set(['by']),
  timeQualifiers: new Set(['early', 'late', 'mid', 'earlier', 'later']),
  timeWords: new Set([
    ...DAYS_AND_MONTHS, 'morning', 'afternoon', 'evening', 'night', 'tonight', 'today', 'yesterday', 'tomorrow', 'now', 'week',
    'weekend', 'month', 'year', 'decade', 'century', 'season', 'hour', 'hours', 'minute', 'minutes', 'day', 'days', 'weeks',
    'months', 'years', 'decades', 'time', 'times', 'moment', 'period', 'date', 'earlier', 'later', 'recently', 'currently',
    'soon', 'ago', 'overnight', 'midnight', 'noon', 'dawn', 'dusk', 'spring', 'summer', 'autumn', 'fall', 'winter', 'am', 'pm',
    'a.m.', 'p.m.', 'last', 'next', 'this',
  ]),
  timeMarkers: new Set(['since', 'during', 'until', 'till', 'before', 'after', 'when', 'while', 'whilst', 'throughout', 'ahead']),
  keptAdverbs: new Set([
    'only', 'just', 'merely', 'solely', 'even', 'almost', 'nearly', 'about', 'around', 'approximately', 'roughly', 'over', 'under',
    'more', 'most', 'less', 'least', 'too', 'very', 'enough', 'far', 'much', 'at', 'least', 'up', 'down', 'out', 'off', 'away',
    'back', 'together', 'apart', 'already', 'still', 'yet', 'ever', 'always', 'often', 'rarely', 'seldom', 'sometimes', 'usually',
    'again', 'once', 'twice', 'probably', 'possibly', 'perhaps', 'maybe', 'likely', 'unlikely', 'allegedly', 'reportedly',
    'partly', 'partially', 'largely', 'mostly', 'fully', 'entirely', 'completely', 'how', 'why', 'where', 'when', 'so', 'as',
    'than', 'further', 'instead', 'else', 'home', 'abroad', 'here', 'there', 'in', 'on', 'through', 'along', 'forward', 'ahead',
    'behind', 'aside', 'apart', 'across', 'alone', 'not', 'well',
    // Adjectives the tagger takes for adverbs after a linking verb ("fell ill", "went missing", "remained silent").
    'ill', 'missing', 'silent', 'asleep', 'awake', 'alive', 'dead', 'free', 'loose', 'short', 'wrong', 'right',
  ]),
  pairs: [
    { first: 'not only', second: ['but also', 'but', 'also'] },
    { first: 'not just', second: ['but also', 'but', 'also'] },
    { first: 'not merely', second: ['but also', 'but', 'also'] },
    { first: 'so', second: ['that'] },
    { first: 'such', second: ['that'] },
    { first: 'too', second: ['to'] },
    { first: 'both', second: ['and'] },
    { first: 'either', second: ['or'] },
    { first: 'neither', second: ['nor'] },
    { first: 'whether', second: ['or'] },
  ],
  contrastCoordinators: new Set(['but', 'yet', 'whereas', 'although', 'though']),
  teaserOpeners: ['watch', 'click', 'find out', 'here is', 'here are', "here 's", 'read', 'see', 'take a look', 'learn', 'discover', 'check out', 'sign up', 'subscribe'],
  teaserPhrases: ['takes a look', 'take a look', 'find out', 'you need to know', 'what you need', 'watch the video', 'click here', 'read more', 'in pictures', 'photos :'],
  questionOpeners: new Set([]),
};

/** How an English article marks its conclusion (see `closingPart` in the condense stage). */
export const conclusionCues: ConclusionCues = {
  headings: new Set(['conclusion', 'conclusions', 'concluding', 'summary', 'outlook']),
  openers: ['in conclusion', 'in short', 'in sum', 'in summary', 'to sum up', 'to conclude', 'all in all', 'overall', 'ultimately'],
  backMatter: new Set(['acknowledgements', 'acknowledgments', 'acknowledgement', 'acknowledgment', 'references', 'bibliography', 'appendix', 'appendices']),
};
