package brief

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mss-brief/briefbot/internal/document"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// Every comparison of words here goes through internal/lexicon, the one
// analysis the index uses too: a word the search matched is a word the
// relevance gate and the sentence choice see.

// contentTerms returns the distinct meaningful words of text (folded), in
// order of first appearance: no stop words, no question scaffolding.
func contentTerms(text string) []string {
	seen := map[string]bool{}
	var out []string
	for _, tok := range lexicon.Tokens(text) {
		t := tok.Text
		if seen[t] || lexicon.IsStopWord(t) || (len(t) < 2 && !lexicon.IsNumber(t)) {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}

// foldedTokens returns every word of text, folded, stop words included.
func foldedTokens(text string) []string {
	toks := lexicon.Tokens(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// concepts returns the content words of text, one per stem.
func concepts(text string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range contentTerms(text) {
		if s := lexicon.Stem(t, lexicon.English); !seen[s] {
			seen[s] = true
			out = append(out, t)
		}
	}
	return out
}

func isDigits(t string) bool {
	return t != "" && strings.Trim(t, "0123456789") == ""
}

// tokenTexts returns the folded words of toks.
func tokenTexts(toks []lexicon.Token) []string {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
	}
	return words
}

// wordSet returns the folded words of text as a set.
func wordSet(text string) map[string]bool {
	out := map[string]bool{}
	for _, t := range lexicon.Tokens(text) {
		out[t.Text] = true
	}
	return out
}

// termBag is the analysed terms of a text (a sentence, a title), for asking
// whether a word or a concept occurs in it.
type termBag struct {
	lexicon.Bag
	lex *lexicon.Analyzer // remembers stems; nil: stemmed each time
}

// newTermBag analyses text with stems only (no glossary): for comparing
// words where no answerer is at hand.
func newTermBag(text string) termBag { return termBag{Bag: lexicon.StemBag(text, "")} }

// has reports whether the text holds a form of a (folded) word: its stem
// in English or French, or, for a name, the name with a short ending
// ("Kenya"/"Kenyan").
func (b termBag) has(word string) bool {
	stem := lexicon.Stem
	if b.lex != nil {
		stem = b.lex.Stem // stemming was most of an extractive answer's time
	}
	if b.Bag[stem(word, lexicon.English)] || b.Bag[stem(word, lexicon.French)] {
		return true
	}
	return b.hasNear(word)
}

// hasNear reports, for a name, the name with a short ending ("Kenya" in
// "Kenyan").
func (b termBag) hasNear(word string) bool {
	if len(word) < 5 || isDigits(word) {
		return false
	}
	for t := range b.Bag {
		if len(t) >= 5 && absDiff(len(t), len(word)) <= 2 && (strings.HasPrefix(t, word) || strings.HasPrefix(word, t)) {
			return true
		}
	}
	return false
}

// holds reports whether the text holds the concept itself: one of its
// forms, or for a word of the question, a form of the word as has allows
// ("academy" in "Académie", "Kenyan" in "kényans"), which reaches across
// the stems of two languages.
func (b termBag) holds(c lexicon.Concept) bool {
	// A word's forms are its stems in both languages: what has would
	// compute again.
	return b.HasExact(c) || (!c.Glossary && b.hasNear(c.Text))
}

// meets reports whether the text holds the concept or, for less, a word
// of its group (a synonym, another name, a translation).
func (b termBag) meets(c lexicon.Concept) bool { return b.holds(c) || b.Has(c) }

func absDiff(a, b int) int {
	if a > b {
		return a - b
	}
	return b - a
}

func anyHas(bags []termBag, term string) bool {
	for _, b := range bags {
		if b.has(term) {
			return true
		}
	}
	return false
}

// analysis holds the sentences of passages and their terms, cut once per
// answer and shared by the relevance gate, extraction and quoting (and by
// every partial text of a streamed answer). Not safe for concurrent use.
type analysis struct {
	lex        *lexicon.Analyzer
	sents      map[int64][]string
	bags       map[int64][]termBag
	titles     map[string]termBag  // by document
	titleNames map[string][]string // persons named in the title, by document
}

func newAnalysis(lex *lexicon.Analyzer) *analysis {
	return &analysis{lex: lex, sents: map[int64][]string{}, bags: map[int64][]termBag{}, titles: map[string]termBag{}, titleNames: map[string][]string{}}
}

// title returns the term bag of a passage's document title, analysed once
// per answer: the gate, the slot and each scored sentence ask for it.
func (an *analysis) title(h document.Hit) termBag {
	b, ok := an.titles[h.DocID]
	if !ok {
		b = an.bag(h.Doc.Title, h.Doc.Lang)
		an.titles[h.DocID] = b
	}
	return b
}

// titlePersons returns personNames of a passage's document title, found
// once per answer: the slot asks it of every sentence it tries.
func (an *analysis) titlePersons(h document.Hit) []string {
	n, ok := an.titleNames[h.DocID]
	if !ok {
		n = personNames(h.Doc.Title)
		an.titleNames[h.DocID] = n
	}
	return n
}

// bag analyses a text of a document in its language.
func (an *analysis) bag(text, lang string) termBag {
	return termBag{Bag: an.lex.Bag(text, lang), lex: an.lex}
}

// of returns a passage's sentences and their term bags.
func (an *analysis) of(h document.Hit) ([]string, []termBag) {
	if s, ok := an.sents[h.ID]; ok {
		return s, an.bags[h.ID]
	}
	s := document.SplitSentences(h.Text)
	b := make([]termBag, len(s))
	// The lines of a record ("Authors : …", "Publication Date: …") describe
	// one thing: each is read with all of them, so the date line answers
	// "when was Tishkov's article published".
	var record []string
	for _, x := range s {
		if document.IsFieldLine(x) {
			record = append(record, x)
		}
	}
	recordBag := an.bag(strings.Join(record, "\n"), h.Doc.Lang)
	for i, x := range s {
		if document.IsFieldLine(x) {
			b[i] = recordBag
			continue
		}
		b[i] = an.bag(x, h.Doc.Lang)
	}
	an.sents[h.ID], an.bags[h.ID] = s, b
	return s, b
}

// honorific reports a title or a role written before a name ("Justice",
// "Gen", "Minister"): the person-title and role lists the answer slot
// reads names by.
func honorific(w string) bool {
	f := lexicon.Fold(strings.ToLower(w))
	return personTitles[f] || roleHeads[f]
}

// namedSet is namedTerms as a set.
func (an *analysis) namedSet(text string) map[string]bool {
	set := map[string]bool{}
	for _, n := range an.namedTerms(text) {
		set[n] = true
	}
	return set
}

// namedTerms returns the content words of text written with a capital
// letter where a sentence does not start: names of people, places, bodies,
// and acronyms. Months, weekdays and the topic's own names (the glossary)
// are not names to match: "September" is answered by "Sept. 30", and every
// passage is about the topic. Text in capitals or title case marks nothing.
func (an *analysis) namedTerms(text string) []string {
	var out []string
	seen := map[string]bool{}
	words := strings.Fields(text)
	capitalised, inner := 0, 0
	glossary := map[string]bool{}
	for _, c := range an.lex.Query(text) {
		if c.Glossary {
			for _, t := range lexicon.Tokens(c.Text) {
				glossary[t.Text] = true
			}
		}
	}
	for i, w := range words {
		core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
		if core == "" {
			continue
		}
		r := []rune(core)
		acronym := len(r) >= 2 && strings.ToUpper(core) == core && unicode.IsLetter(r[0])
		initial := i == 0 || strings.ContainsAny(words[i-1][len(words[i-1])-1:], ".?!:;")
		if !initial {
			inner++
		}
		if !unicode.IsUpper(r[0]) || (initial && !acronym) {
			continue
		}
		if !initial {
			capitalised++
		}
		// A title before a name ("Justice Mwita", "Gen. Otunge") is not
		// itself a name: reports write "Judge Enock Chacha Mwita".
		if honorific(core) && i+1 < len(words) {
			if next := []rune(strings.TrimLeft(words[i+1], "\"“‘'(")); len(next) > 0 && unicode.IsUpper(next[0]) {
				continue
			}
		}
		// An acronym that is also a stop word ("UN", "US") is written in too
		// many ways (U.N., United Nations, ONU) to be required as a name.
		for _, t := range contentTerms(capitalParts(core)) {
			if !seen[t] && !lexicon.IsMonth(t) && !lexicon.IsWeekday(t) && !glossary[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	if inner >= 3 && capitalised*2 > inner {
		return nil
	}
	return out
}

// capitalParts keeps, of a hyphened word, the parts written with a
// capital: "Kenyan-led" names Kenya, not "led"; "UN-side" names no side.
func capitalParts(word string) string {
	parts := strings.FieldsFunc(word, func(r rune) bool { return r == '-' || r == '‑' || r == '–' })
	var kept []string
	for _, p := range parts {
		if r, _ := utf8.DecodeRuneInString(p); unicode.IsUpper(r) || unicode.IsNumber(r) {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " ")
}

// capitalised reports a token written with a capital.
func capitalised(sentence string, t lexicon.Token) bool {
	r, _ := utf8.DecodeRuneInString(sentence[t.Start:])
	return unicode.IsUpper(r)
}

// capitalRunEnd is the last token of the run of capitalised words from
// toks[i], with only spaces between them: "Bernard Mevs" in "the Bernard
// Mevs hospital".
func capitalRunEnd(sentence string, toks []lexicon.Token, i int) int {
	end := i
	for end+1 < len(toks) && capitalised(sentence, toks[end+1]) && strings.TrimSpace(sentence[toks[end].End:toks[end+1].Start]) == "" {
		end++
	}
	return end
}
