package lexicon

import (
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
)

// Languages the analysis stems. Any other language is read as English:
// names and numbers, which carry most of a question, still meet.
const (
	English = "en"
	French  = "fr"
)

// stemLang returns the stemmer language for a document language tag
// ("fr", "fr-FR", "French"...).
func stemLang(lang string) string {
	if l := strings.ToLower(lang); strings.HasPrefix(l, "fr") {
		return French
	}
	return English
}

// Stem returns the stem of a folded word in a language. Numbers, concept
// tokens and words of one or two letters are their own stem.
func Stem(word, lang string) string {
	if len(word) < 3 || IsNumber(word) || strings.HasPrefix(word, conceptPrefix) {
		return word
	}
	if stemLang(lang) == French {
		return french.Stem(word, true)
	}
	if base, ok := irregular[word]; ok {
		word = base
	} else if base, ok := irregularNouns[word]; ok {
		word = base
	}
	return english.Stem(britishToAmerican(word), true)
}

// britishToAmerican spells -ise/-isation as -ize/-ization, so that
// "authorised" and "authorized" share a stem (Snowball's English stemmer
// knows only the -ize forms). Index and query are treated alike, so a word
// that merely ends in "ise" ("promise") is changed on both sides and still
// meets itself.
func britishToAmerican(w string) string {
	for _, suf := range []string{"isations", "isation", "ising", "ised", "ises", "ise"} {
		if rest, ok := strings.CutSuffix(w, suf); ok && len(rest) >= 4 {
			return rest + "iz" + suf[2:]
		}
	}
	return w
}

// irregular maps English irregular verb forms that reporting uses to their
// base, which Snowball cannot derive ("led" -> "lead").
var irregular = map[string]string{
	"led": "lead", "paid": "pay", "sent": "send", "held": "hold", "met": "meet", "fought": "fight",
	"took": "take", "taken": "take", "gave": "give", "given": "give", "began": "begin", "begun": "begin",
	"won": "win", "lost": "lose", "made": "make", "struck": "strike", "brought": "bring", "sought": "seek",
	"chose": "choose", "chosen": "choose", "spoke": "speak", "spoken": "speak", "wrote": "write",
	"written": "write", "fled": "flee", "hid": "hide", "hidden": "hide", "rose": "rise", "risen": "rise",
	"fell": "fall", "fallen": "fall", "grew": "grow", "grown": "grow", "drew": "draw", "drawn": "draw",
	"withdrew": "withdraw", "withdrawn": "withdraw", "undertook": "undertake", "undertaken": "undertake",
	"overtook": "overtake", "overseen": "oversee", "oversaw": "oversee", "built": "build", "bought": "buy",
	"caught": "catch", "taught": "teach", "thought": "think", "told": "tell", "spent": "spend", "kept": "keep",
	"left": "leave", "meant": "mean", "ran": "run", "saw": "see", "seen": "see", "went": "go", "gone": "go",
	"came": "come", "became": "become", "shot": "shoot", "stood": "stand", "understood": "understand",
	"sold": "sell", "woke": "wake", "driven": "drive", "drove": "drive", "forbade": "forbid", "forbidden": "forbid",
	"threw": "throw", "thrown": "throw", "arisen": "arise", "arose": "arise", "dealt": "deal", "laid": "lay", "slain": "slay", "swore": "swear", "sworn": "swear",
}

// irregularNouns maps the irregular plurals reporting uses to their
// singular.
var irregularNouns = map[string]string{"children": "child", "women": "woman", "men": "man", "people": "person"}

// IsIrregularVerb reports an irregular verb form of irregular ("threw",
// "took"): a verb, though it has no telling ending.
func IsIrregularVerb(t string) bool {
	_, ok := irregular[t]
	return ok
}

// IsNumber reports whether a folded token is a number.
func IsNumber(t string) bool { return t != "" && t[0] >= '0' && t[0] <= '9' }

// IsYear reports whether a folded token is a year from 1900 to 2099.
func IsYear(t string) bool {
	return len(t) == 4 && (strings.HasPrefix(t, "19") || strings.HasPrefix(t, "20")) && strings.Trim(t, "0123456789") == ""
}

// WrittenAsYear reports whether t, a token of text, is a year as written:
// a year's four digits are never grouped, so "2,000 men" and "1 900
// officers" are counts though their tokens read as years.
func WrittenAsYear(text string, t Token) bool {
	return IsYear(t.Text) && t.End-t.Start == len(t.Text) && !strings.ContainsAny(text[t.Start:t.End], ",. ")
}

// IsMonth reports an English or French month name or its common
// abbreviation, folded.
func IsMonth(t string) bool { return months[t] }

// IsTimeUnit reports a unit a span of time is counted in, English or
// French, folded: "months", "jours".
func IsTimeUnit(t string) bool { return timeUnits[t] }

var timeUnits = set(`hour hours day days week weeks month months year years decade decades
heure heures jour jours semaine semaines mois an ans annee annees decennie decennies`)

// IsSpan reports a count of a unit of time: "six months", "90 days", "a
// year", "un an" (a year is no count: "2024 years" is none).
func IsSpan(count, unit string) bool {
	counts := IsNumber(count) && !IsYear(count) || IsCountWord(count) || spanArticles[count]
	return counts && IsTimeUnit(unit)
}

var spanArticles = set(`a one un une`)

// HoldsSpan reports whether the words word(0) .. word(n-1) of a sentence
// tell a span of time: a count of a unit ("six mois", "90 days", "one
// year"), the two years it ran between ("from June 2004 until October
// 2017"), or the date it runs until ("well resourced until the end of
// September 2025"). It answers "how long"; a date alone does not.
func HoldsSpan(n int, word func(int) string) bool {
	var year string
	for i := 0; i < n; i++ {
		t := word(i)
		if i+1 < n && IsSpan(t, word(i+1)) {
			return true
		}
		if untilWords[t] {
			for j := i + 1; j < min(i+spanEndReach, n); j++ {
				if w := word(j); IsYear(w) || IsMonth(w) {
					return true
				}
			}
		}
		if IsYear(t) {
			if year != "" && year != t {
				return true
			}
			year = t
		}
	}
	return false
}

// untilWords open the date a span of time runs to, and spanEndReach is
// how many words after it that date may stand ("until the end of
// September", "jusqu'au 31 janvier").
var untilWords = set(`until till through jusqu`)

const spanEndReach = 6

// IsCountWord reports a number written as a word, English or French,
// folded ("twelve", "douze", "thousands"); not "one", which is more often
// no count at all.
func IsCountWord(t string) bool { return countWords[t] }

var countWords = set(`two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion dozen dozens
deux trois quatre cinq six sept huit neuf dix onze douze vingt trente quarante cinquante soixante cent cents centaine centaines mille millier milliers million millions milliard`)

// IsWeekday reports an English or French day name, folded.
func IsWeekday(t string) bool { return weekdays[t] }

var months = func() map[string]bool {
	m := map[string]bool{}
	for _, names := range monthNames {
		for _, n := range names {
			m[n] = true
		}
	}
	return m
}()

var weekdays = set(`monday tuesday wednesday thursday friday saturday sunday
lundi mardi mercredi jeudi vendredi samedi dimanche`)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// IsStopWord reports whether a folded word carries no meaning for
// comparison in English or French, or only scaffolds a question ("tell",
// "exactly", "currently").
func IsStopWord(t string) bool {
	return questionScaffold[t] || english.IsStopWord(t) || french.IsStopWord(t) || foldedFrenchStop[t]
}

// foldedFrenchStop holds French stop words as Fold writes them (the
// Snowball list has their accents), the forms of être/avoir, "contre",
// which English says with a stop word ("against"), and the modals and
// the scaffold adverbs English has in questionScaffold ("doit-il", "must";
// "concrètement", "exactly").
var foldedFrenchStop = set(`a ete etre etait etaient sera seront deja apres tres meme aupres des les une aux
ca cela ceci celui celle ceux celles dont ou oui non selon vers chez sans sous entre depuis pendant lors
quel quelle quels quelles comment combien pourquoi quand qui que quoi est sont ont avait avaient fait
il ils elle elles nous vous eux lui avant effectivement reellement vraiment jusqu contre
doit doivent devait devaient devrait devraient pourrait pourraient concretement exactement precisement`)

// questionScaffold are words that frame a question but name nothing in it.
var questionScaffold = set(`tell know please many much get gets got give us let lets want wants wanted say said says rather
part kind type exactly currently actually really approximately roughly anyone anything something
else ever still happen happened happens thing things whats whos would could should might shall must around
per didn hadn wasn weren isn aren doesn don haven hasn couldn wouldn shouldn ll ve`)

// stemCache remembers stems: Snowball costs about a microsecond a word,
// and a corpus repeats its words, so loading 100k passages would otherwise
// spend most of its time stemming the same few thousand words again. A
// plain map under a read lock: sync.Map's lookups cost several times more
// here, and this cache is read far more than written.
type stemCache struct {
	mu     sync.RWMutex
	en, fr map[string]string // word -> stem
}

// maxCachedStems bounds the cache (a few MB); past it words are stemmed
// each time, which is only slower.
const maxCachedStems = 1 << 18

func (c *stemCache) stem(word, lang string) string {
	if len(word) < 3 || IsNumber(word) || strings.HasPrefix(word, conceptPrefix) {
		return word
	}
	french := stemLang(lang) == French
	c.mu.RLock()
	m := c.en
	if french {
		m = c.fr
	}
	s, ok := m[word]
	c.mu.RUnlock()
	if ok {
		return s
	}
	if french {
		lang = French
	}
	// Cloned: word, and so its stem, may be a slice of a large text that
	// the cache must not keep alive.
	s = strings.Clone(Stem(word, lang))
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.en == nil {
		c.en, c.fr = map[string]string{}, map[string]string{}
	}
	m = c.en
	if french {
		m = c.fr
	}
	if len(c.en)+len(c.fr) < maxCachedStems {
		m[strings.Clone(word)] = s
	}
	return s
}

// IsLightVerb reports a folded word that is a light verb: one whose
// meaning is the phrase it opens ("put on hold", "put into the pot", "set
// up", "take charge", "mettre en place"), which the phrase's paraphrase
// group and the words beside it carry. Its own spelling says little, yet
// as a verb the reports seldom use it weighs as a rare word.
func IsLightVerb(t string) bool { return lightVerbs[t] }

var lightVerbs = set(`put puts putting take takes taking took taken make makes making made get gets getting got
gotten set sets keep keeps keeping kept mettre met mis mise mises faire faites prendre prend pris prise`)
