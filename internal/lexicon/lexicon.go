// Package lexicon is the one text analysis of the bot: how text becomes the
// terms that are compared, whether for the index, a query, the relevance
// judgement, the choice of a sentence or the grouping of a digest. It folds
// case and accents, joins digit groups ("5,550" = "5 550" = "5550"), stems
// English and French with Snowball, and knows the topic's glossary (names of
// one thing in several languages, from configuration) and general
// paraphrase groups (words readers use for the words reporters use); for a
// word the corpus barely holds, WordNet's synonyms (wordnet.go) as well.
package lexicon

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// version changes whenever IndexTerms would give other terms for the same
// text: a store re-analyses its passages when the fingerprint changes.
const version = "lexicon-9"

// conceptPrefix starts the tokens that stand for a group (a glossary entry
// or a paraphrase group). Tokens never start with it, so it cannot collide
// with a word.
const conceptPrefix = "_"

//go:embed paraphrase.txt
var paraphraseData string

//go:embed places.txt
var placesData string

// IsGroup reports whether an index term stands for a group (a glossary
// entry or a paraphrase group) rather than a word.
func IsGroup(term string) bool { return strings.HasPrefix(term, conceptPrefix) }

// IsGlossaryToken reports whether a term is a glossary entry's token (one
// of the topic's bodies), not a paraphrase group's.
func IsGlossaryToken(term string) bool { return strings.HasPrefix(term, conceptPrefix+"g_") }

// Analyzer turns text into comparable terms. It is safe for concurrent use
// and cheap to share: make one per configuration.
type Analyzer struct {
	// phrases[lang] lists, by first stem, the stem sequences that stand for
	// a group in that language's stemming, longest first.
	phrases     map[string]map[string][]phrase
	glossary    map[string]bool // concept tokens of glossary groups
	fingerprint string
	stems       stemCache
}

type phrase struct {
	stems []string
	token string
}

// New makes an Analyzer with a glossary: groups of names for one thing
// ("GSF", "Gang Suppression Force", "Force de répression des gangs"). The
// built-in paraphrase groups are always included. A nil glossary is fine.
func New(glossary [][]string) *Analyzer {
	a := &Analyzer{phrases: map[string]map[string][]phrase{}, glossary: map[string]bool{}}
	h := sha256.New()
	fmt.Fprintln(h, version)
	for i, g := range glossary {
		tok := groupToken("g", g, i)
		a.glossary[tok] = true
		a.addGroup(tok, g)
		fmt.Fprintln(h, strings.Join(g, "\x1f"))
	}
	for i, g := range ParaphraseGroups() {
		a.addGroup(groupToken("p", g, i), g)
	}
	fmt.Fprintln(h, paraphraseData)
	for _, byFirst := range a.phrases {
		for k := range byFirst {
			list := byFirst[k]
			sort.SliceStable(list, func(i, j int) bool { return len(list[i].stems) > len(list[j].stems) })
		}
	}
	a.fingerprint = hex.EncodeToString(h.Sum(nil))[:16]
	return a
}

// monthNames say each month in English and French, with their common
// abbreviations (IsMonth reads them all).
var monthNames = [][]string{
	{"january", "jan", "janvier", "janv"}, {"february", "feb", "fevrier", "fevr"}, {"march", "mar", "mars"},
	{"april", "apr", "avril", "avr"}, {"may", "mai"}, {"june", "jun", "juin"}, {"july", "jul", "juillet", "juil"},
	{"august", "aug", "aout"}, {"september", "sep", "sept", "septembre"}, {"october", "oct", "octobre"},
	{"november", "nov", "novembre"}, {"december", "dec", "decembre"},
}

// ambiguousMonths are month names more often another word alone: a verb
// and a number (French seven). A question's month is not widened by them.
var ambiguousMonths = map[string]bool{"may": true, "sept": true}

// monthForms returns the stems, in both languages, of every name of the
// month t names (folded), or nil. They are forms of the question's word,
// not a group the index holds: an English report's "January" counts as
// it did, and the French report's "janvier" as much.
func (a *Analyzer) monthForms(t string) []string {
	if ambiguousMonths[t] {
		return nil
	}
	for _, names := range monthNames {
		if !slices.Contains(names, t) {
			continue
		}
		var out []string
		for _, n := range names {
			if !ambiguousMonths[n] {
				out = union(out, []string{a.stems.stem(n, English), a.stems.stem(n, French)})
			}
		}
		return out
	}
	return nil
}

// groupToken names a group by its first member, readably: "_g_gsf".
func groupToken(kind string, g []string, i int) string {
	name := ""
	if len(g) > 0 {
		var parts []string
		for _, t := range Tokens(g[0]) {
			parts = append(parts, t.Text)
		}
		name = strings.Join(parts, "_")
	}
	if name == "" {
		name = fmt.Sprint(i)
	}
	return conceptPrefix + kind + "_" + name
}

func (a *Analyzer) addGroup(token string, members []string) {
	for _, lang := range []string{English, French} {
		if a.phrases[lang] == nil {
			a.phrases[lang] = map[string][]phrase{}
		}
		seen := map[string]bool{}
		for _, m := range members {
			toks := Tokens(m)
			if len(toks) == 0 || (len(toks) == 1 && IsStopWord(toks[0].Text)) {
				continue // a lone stop word ("us", "un") would tag every text
			}
			stems := make([]string, len(toks))
			for i, t := range toks {
				stems[i] = Stem(t.Text, lang)
			}
			key := strings.Join(stems, " ")
			if seen[key] {
				continue
			}
			seen[key] = true
			a.phrases[lang][stems[0]] = append(a.phrases[lang][stems[0]], phrase{stems: stems, token: token})
		}
	}
}

// Stem is the package's Stem, remembered: what a caller comparing many
// words against many texts should use.
func (a *Analyzer) Stem(word, lang string) string { return a.stems.stem(word, lang) }

// Fingerprint identifies what IndexTerms gives: it changes with the
// analysis version, the glossary and the paraphrase groups.
func (a *Analyzer) Fingerprint() string { return a.fingerprint }

// Term is one analysed word of a text: its token and its stem.
type Term struct {
	Token
	Stem string
	Stop bool // a stop word: kept for phrases and quoting, not compared
}

// Analyze returns every word of text with its stem, stop words marked.
func (a *Analyzer) Analyze(text, lang string) []Term {
	toks := Tokens(text)
	out := make([]Term, len(toks))
	for i, t := range toks {
		out[i] = Term{Token: t, Stem: a.stems.stem(t.Text, lang), Stop: IsStopWord(t.Text) && !isAcronym(text[t.Start:t.End])}
	}
	return out
}

// IndexTerms returns the terms a passage is indexed under: the stems of its
// words (stop words left out) and, where a glossary name or a paraphrase
// group's member occurs, the group's token once per occurrence.
func (a *Analyzer) IndexTerms(text, lang string) []string {
	terms := a.Analyze(text, lang)
	out := make([]string, 0, len(terms)+4)
	for _, t := range terms {
		if !t.Stop {
			out = append(out, t.Stem)
		}
	}
	return append(out, a.Groups(terms, lang)...)
}

// Groups returns the tokens of the groups (glossary names, paraphrase
// groups) whose members occur in analysed text, once per occurrence.
func (a *Analyzer) Groups(terms []Term, lang string) []string {
	stems := make([]string, len(terms))
	for i, t := range terms {
		stems[i] = t.Stem
	}
	return append(a.groupTokens(stems, stemLang(lang)), a.spelledAcronymGroups(terms, lang)...)
}

// spelledAcronymGroups returns the groups of each acronym in capitals
// whose lower case is a stop word ("US"), read as its dotted letters
// ("u.s."): the group's phrases leave a lone stop word out, so "US" would
// meet no group and "the US" not "the United States".
func (a *Analyzer) spelledAcronymGroups(terms []Term, lang string) []string {
	var out []string
	for _, t := range terms {
		if t.Stop || !IsStopWord(t.Text) {
			continue
		}
		out = append(out, a.spelledGroups(t.Text, stemLang(lang))...)
	}
	return out
}

// spelledGroups returns the tokens of the paraphrase groups that hold the
// word spelled letter by letter ("us" as "u s").
func (a *Analyzer) spelledGroups(word, lang string) []string {
	letters := make([]string, 0, len(word))
	for _, r := range word {
		letters = append(letters, a.stems.stem(string(r), lang))
	}
	if len(letters) < 2 {
		return nil
	}
	var out []string
	for _, p := range a.phrases[lang][letters[0]] {
		if !a.glossary[p.token] && len(p.stems) == len(letters) && hasPrefix(letters, p.stems) {
			out = append(out, p.token)
		}
	}
	return out
}

// Bag is the set of terms of a short text (a sentence, a title), for
// asking whether a concept occurs in it.
type Bag map[string]bool

// Bag returns the index terms of text as a set. Unlike the index, a
// word of two groups stands for both ("personnel" is troops and staff):
// a sentence is asked whether it holds a concept, not ranked by it.
func (a *Analyzer) Bag(text, lang string) Bag {
	b := Bag{}
	terms := a.Analyze(text, lang)
	stems := make([]string, len(terms))
	for i, t := range terms {
		stems[i] = t.Stem
		if !t.Stop {
			b[t.Stem] = true
		}
	}
	for _, g := range a.everyGroupToken(stems, stemLang(lang)) {
		b[g] = true
	}
	for _, g := range a.spelledAcronymGroups(terms, lang) {
		b[g] = true
	}
	return b
}

// everyGroupToken is groupTokens keeping, at each place, every group whose
// phrase is as long as the longest match there.
func (a *Analyzer) everyGroupToken(stems []string, lang string) []string {
	return a.longestGroupTokens(stems, lang, true)
}

// Has reports whether the bag holds any form of the concept.
func (b Bag) Has(c Concept) bool {
	for _, f := range c.Forms {
		if b[f] {
			return true
		}
	}
	for _, f := range c.Related {
		if b[f] {
			return true
		}
	}
	return false
}

// HasExact reports whether the bag holds the concept's own forms, not
// only a related word.
func (b Bag) HasExact(c Concept) bool {
	for _, f := range c.Forms {
		if b[f] {
			return true
		}
	}
	return false
}

// groupTokens finds the group phrases in a stem sequence, longest match
// first, and returns their tokens.
func (a *Analyzer) groupTokens(stems []string, lang string) []string {
	return a.longestGroupTokens(stems, lang, false)
}

// longestGroupTokens returns, at each place of stems, the token of the
// longest group phrase starting there, or with every, of each phrase as
// long (the phrases are sorted longest first).
func (a *Analyzer) longestGroupTokens(stems []string, lang string, every bool) []string {
	var out []string
	byFirst := a.phrases[lang]
	for i := 0; i < len(stems); i++ {
		longest := 0
		for _, p := range byFirst[stems[i]] {
			if len(p.stems) < longest || longest > 0 && !every {
				break
			}
			if hasPrefix(stems[i:], p.stems) {
				longest = len(p.stems)
				out = append(out, p.token)
			}
		}
	}
	return out
}

func hasPrefix(s, p []string) bool {
	if len(p) > len(s) {
		return false
	}
	for i := range p {
		if s[i] != p[i] {
			return false
		}
	}
	return true
}

// Concept is one thing a question asks about: a word, or a name from the
// glossary, with the index terms that count as it. Forms are the word's
// own stems (in each language a passage may be written in); Related are
// the tokens of the groups it belongs to (a synonym, another name, a
// translation), which count for somewhat less.
type Concept struct {
	Text    string   `json:"text"`
	Forms   []string `json:"forms"`
	Related []string `json:"related,omitempty"`
	// Glossary is set when the concept is a name of the topic's glossary:
	// topic names are what every passage shares, and say little on their own.
	Glossary bool `json:"glossary,omitempty"`
	Number   bool `json:"number,omitempty"`
	// Absent is set by a caller that found no passage holding the concept.
	Absent bool `json:"absent,omitempty"`
	// Inner is set on a word the question uses only inside a phrase begun
	// at an earlier word: a later word of a paraphrase group's phrase
	// ("back" of "pulling back") or a phrasal verb's particle. Alone it is
	// another word ("United Nations-backed"); the phrase is what it says.
	Inner bool `json:"inner,omitempty"`
}

// Query returns the concepts of a question, in order, without stop words.
// A glossary name of several words is one concept; every word is stemmed
// in English and in French, since the question's language need not be
// the passage's.
func (a *Analyzer) Query(text string) []Concept {
	toks := Tokens(text)
	stems := map[string][]string{}
	for _, lang := range []string{English, French} {
		s := make([]string, len(toks))
		for i, t := range toks {
			s[i] = a.stems.stem(t.Text, lang)
		}
		stems[lang] = s
	}
	var out []Concept
	seen := map[string]int{} // first form -> index in out
	add := func(c Concept) {
		key := c.Forms[0]
		if j, ok := seen[key]; ok {
			out[j].Related = union(out[j].Related, c.Related)
			return
		}
		seen[key] = len(out)
		out = append(out, c)
	}
	made := a.newInstrumentRule()
	var pending []string          // groups of a phrase that opens with a stop word
	carried := map[int][]string{} // groups of a phrase that began at an earlier word
	for i := 0; i < len(toks); {
		// A glossary phrase, in either language's stemming.
		if tok, n := a.glossaryAt(stems, i); n > 0 {
			var words []string
			for _, t := range toks[i : i+n] {
				words = append(words, t.Text)
			}
			c := Concept{Text: strings.Join(words, " "), Forms: []string{tok}, Glossary: true}
			made.after = false
			if n == 1 {
				// A one-word name also matches as a word, in a store indexed without the glossary.
				c.Forms = union(c.Forms, []string{stems[English][i], stems[French][i]})
			}
			add(c)
			i += n
			continue
		}
		t := toks[i].Text
		i++
		// Every word of a phrase in a group carries the group ("gang
		// outfits": "outfits" too, else it is a word no passage holds).
		var related []string // the groups of the phrases this word opens
		var opened []string  // those of more than this word
		for _, sp := range a.phrasesAt(stems, i-1) {
			related = union(related, []string{sp.token})
			if sp.n > 1 {
				opened = union(opened, []string{sp.token})
			}
			for j := i; j < i-1+sp.n; j++ {
				carried[j] = union(carried[j], []string{sp.token})
			}
		}
		if (IsStopWord(t) && !isAcronym(text[toks[i-1].Start:toks[i-1].End])) || (len(t) < 2 && !IsNumber(t)) {
			// A phrase may start with a stop word ("on hold", "in charge"):
			// its groups go to the word that follows, unless the word ends
			// a phrase begun before it ("set up to keep" is not "up to").
			// A stop word that is a member alone ("effectivement", stemmed
			// as "effectifs") gives the next word nothing.
			if len(carried[i-1]) == 0 {
				pending = union(pending, opened)
			}
			continue
		}
		c := Concept{Text: t, Forms: union(nil, []string{stems[English][i-1], stems[French][i-1]}), Number: IsNumber(t)}
		if !c.Number {
			c.Forms = union(c.Forms, nameForms(t))
			c.Forms = union(c.Forms, a.cognateForms(t)) // "ceremon" of "ceremony" too
			c.Forms = union(c.Forms, a.monthForms(t))
		}
		c.Related = union(union(pending, related), carried[i-1])
		c.Inner = len(carried[i-1]) > 0 || phrasalParticles[t] && i > 1 && !IsStopWord(toks[i-2].Text)
		if IsStopWord(t) {
			c.Related = union(c.Related, a.spelledGroups(t, English)) // "the US": the United States
		}
		pending = nil
		add(made.next(c))
	}
	return out
}

// phrasalParticles make a phrasal verb of the word before them ("pulling
// back", "scaled down"); the others of the kind are stop words.
var phrasalParticles = set(`back up out off over down`)

// glossaryAt returns the glossary token of the longest glossary phrase
// starting at word i, and its length in words.
func (a *Analyzer) glossaryAt(stems map[string][]string, i int) (string, int) {
	best, bestN := "", 0
	for _, lang := range []string{English, French} {
		s := stems[lang]
		for _, p := range a.phrases[lang][s[i]] {
			if a.glossary[p.token] && len(p.stems) > bestN && hasPrefix(s[i:], p.stems) {
				best, bestN = p.token, len(p.stems)
			}
		}
	}
	return best, bestN
}

// groupSpan is a paraphrase group's phrase found in a text: its token and
// its length in words.
type groupSpan struct {
	token string
	n     int
}

// phrasesAt returns the paraphrase group phrases starting at word i.
func (a *Analyzer) phrasesAt(stems map[string][]string, i int) []groupSpan {
	var out []groupSpan
	for _, lang := range []string{English, French} {
		s := stems[lang]
		for _, p := range a.phrases[lang][s[i]] {
			if !a.glossary[p.token] && hasPrefix(s[i:], p.stems) {
				out = append(out, groupSpan{p.token, len(p.stems)})
			}
		}
	}
	return out
}

func union(a, b []string) []string {
	for _, x := range b {
		found := false
		for _, y := range a {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			a = append(a, x)
		}
	}
	return a
}

// PlaceNames returns the places and peoples written in more than one word
// (places.txt), each as its folded tokens joined by spaces: "sri lanka".
func PlaceNames() map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(placesData, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var words []string
		for _, t := range Tokens(line) {
			words = append(words, t.Text)
		}
		out[strings.Join(words, " ")] = true
	}
	return out
}

// ParaphraseGroups returns the built-in groups of words that readers and
// reporters use for the same thing, English and French together
// (paraphrase.txt: one group a line, members separated by commas).
func ParaphraseGroups() [][]string {
	var out [][]string
	for _, line := range strings.Split(paraphraseData, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var g []string
		for _, m := range strings.Split(line, ",") {
			if m = strings.TrimSpace(m); m != "" {
				g = append(g, m)
			}
		}
		if len(g) > 1 {
			out = append(out, g)
		}
	}
	return out
}

// groupOfMember maps each member of a paraphrase group to its group;
// built once, since the groups are fixed at build time.
var groupOfMember = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	for _, g := range ParaphraseGroups() {
		for _, m := range g {
			out[m] = g
		}
	}
	return out
})

// GroupOf returns the paraphrase group a word is a member of, as written
// in paraphrase.txt ("bahamian" -> bahamas, nassau, bahamian, ...), or nil.
func GroupOf(word string) []string { return groupOfMember()[word] }

// nameForms returns the place name of a demonym and the reverse ("kenyan"
// <-> "kenya", "haitian" <-> "haiti"), since a question about Kenya is
// answered by a sentence on the Kenyan police. A form that is no word
// ("germa") matches nothing and costs nothing.
func nameForms(t string) []string {
	if len(t) < 5 {
		return nil
	}
	switch {
	case strings.HasSuffix(t, "ians"):
		return []string{t[:len(t)-3], t[:len(t)-1]}
	case strings.HasSuffix(t, "ian"):
		return []string{t[:len(t)-2]}
	case strings.HasSuffix(t, "ans"):
		return []string{t[:len(t)-2], t[:len(t)-1]}
	case strings.HasSuffix(t, "an"):
		return []string{t[:len(t)-1]}
	case strings.HasSuffix(t, "a"):
		return []string{t + "n"}
	case strings.HasSuffix(t, "i"):
		return []string{t + "an"}
	}
	return nil
}

// cognateEndings are the spellings an English word and its French cognate
// end with: "ceremony" is "cérémonie", "political" "politique", "member"
// "membre". Each stemmer reads only its language's endings, so the two
// stems differ ("ceremoni", "ceremon") and a question in one language
// missed the report in the other.
var cognateEndings = [][2]string{{"ical", "ique"}, {"ity", "ite"}, {"ary", "aire"}, {"ory", "oire"}, {"ic", "ique"},
	{"ous", "eux"}, {"ism", "isme"}, {"ive", "if"}, {"er", "re"}, {"y", "ie"}}

// cognateForms returns the stems of t's cognate in the other language: the
// French stem of an English word's French spelling, and the reverse. A
// form that is no word matches nothing and costs nothing.
func (a *Analyzer) cognateForms(t string) []string {
	if len(t) < 5 {
		return nil
	}
	var out []string
	// A plural's ending is before its s: "membres" is "members".
	t = strings.TrimSuffix(t, "s")
	// The longest ending only: "military" is "militaire", not "militarie".
	toFrench, toEnglish := false, false
	for _, e := range cognateEndings {
		if w, ok := strings.CutSuffix(t, e[0]); ok && len(w) >= 3 && !toFrench {
			out, toFrench = union(out, []string{a.stems.stem(w+e[1], French)}), true
		}
		if w, ok := strings.CutSuffix(t, e[1]); ok && len(w) >= 3 && !toEnglish {
			out, toEnglish = union(out, []string{a.stems.stem(w+e[0], English)}), true
		}
	}
	if w, ok := spelledApart[t]; ok {
		out = union(out, []string{a.stems.stem(w, English), a.stems.stem(w, French)})
	}
	return union(out, a.verbCognates(t))
}

// spelledApart gives a French word the English it translates where no
// ending tells one from the other ("conseil": "council"), t without its
// plural s. Asked only, not indexed: a group would add its token to every
// report writing "Security Council", lengthening them and so ranking them
// down. French to English only: the French reports write "Conseil" of
// Haiti's transitional council and of the Security Council alike, so an
// English question's "council" would meet either.
var spelledApart = map[string]string{"conseil": "council"}

// verbCognates returns the stems of the other language's form of a verb
// of the news register, which cognateEndings leave out: the French
// participle is the English one ("déployé", "adoptée": "deployed",
// "adopted"; "confirmed": "confirmé"), and the French infinitive the
// English verb ("financer", "voter": "finance", "vote"). t is folded and
// without its plural s; a form that is no word matches nothing.
func (a *Analyzer) verbCognates(t string) []string {
	var out []string
	if w, ok := strings.CutSuffix(t, "ed"); ok && len(w) >= 4 {
		out = union(out, []string{a.stems.stem(w+"e", French)})
	}
	if w, ok := strings.CutSuffix(t, "e"); ok {
		// "adoptée" folds to "adoptee": both e go.
		if w = strings.TrimSuffix(w, "e"); len(w) >= 4 {
			out = union(out, []string{a.stems.stem(w+"ed", English)})
		}
	}
	if w, ok := strings.CutSuffix(t, "er"); ok && len(w) >= 4 {
		out = union(out, []string{a.stems.stem(w, English), a.stems.stem(w+"e", English)})
	}
	return out
}

// StemBag returns the stems of text's words (stop words left out), without
// group tokens: for comparing words where no analyzer is at hand.
func StemBag(text, lang string) Bag {
	b := Bag{}
	for _, t := range Tokens(text) {
		if !IsStopWord(t.Text) {
			b[Stem(t.Text, lang)] = true
		}
	}
	return b
}

// isAcronym reports a word written in capitals ("UN", "US"): a name even
// where its lower-case form is a stop word ("un", "us").
func isAcronym(surface string) bool {
	if len(surface) < 2 {
		return false
	}
	for _, r := range surface {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
