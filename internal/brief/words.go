package brief

import (
	"strings"
	"unicode"

	"github.com/mss-brief/briefbot/internal/corpus"
)

// isQuestionFiller reports words that carry no subject in a question but
// are not stop words of the index.
func isQuestionFiller(t string) bool {
	switch t {
	case "anyone", "anything", "something", "else", "ever", "still", "really", "exactly", "actually",
		"happen", "happened", "happens", "thing", "things", "kind", "sort":
		return true
	}
	return false
}

// contentTerms returns the distinct meaningful terms of text in order of
// first appearance: index terms minus stop words and question filler.
func contentTerms(text string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range corpus.Terms(text) {
		if seen[t] || corpus.IsStopWord(t) || isQuestionFiller(t) || (len(t) < 2 && !isDigits(t)) {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}

// concepts returns the content terms of text, one per stem.
func concepts(text string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range contentTerms(text) {
		if s := stem(t); !seen[s] {
			seen[s] = true
			out = append(out, t)
		}
	}
	return out
}

func isDigits(t string) bool {
	return t != "" && strings.Trim(t, "0123456789") == ""
}

// stem strips the common English inflections, so that "funds", "funded"
// and "funding" meet. It is deliberately light: a wrong merge would make
// an unanswerable question look answered.
func stem(t string) string {
	if len(t) <= 3 || isDigits(t) {
		return t
	}
	for _, suf := range []string{"ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "ed", "er", "es", "s"} {
		rest, ok := strings.CutSuffix(t, suf)
		if !ok || len(rest) < 3 {
			continue
		}
		if suf == "s" && (strings.HasSuffix(rest, "s") || strings.HasSuffix(rest, "u") || strings.HasSuffix(rest, "i")) {
			continue // "press", "status", "analysis"
		}
		if suf == "ies" || suf == "ied" {
			rest += "y"
		}
		t = rest
		break
	}
	// "committ" -> "commit", but keep "ll" ("bankroll") and "ss".
	if n := len(t); n > 3 && t[n-1] == t[n-2] && !strings.ContainsRune("aeioulsz", rune(t[n-1])) {
		t = t[:n-1]
	}
	if n := len(t); n > 4 && t[n-1] == 'e' {
		t = t[:n-1]
	}
	return t
}

// termBag is the terms of a text, for asking whether a word occurs in it.
type termBag struct {
	stems map[string]bool
	terms map[string]bool
}

func newTermBag(text string) termBag {
	b := termBag{stems: map[string]bool{}, terms: map[string]bool{}}
	for _, t := range corpus.Terms(text) {
		b.terms[t] = true
		b.stems[stem(t)] = true
	}
	return b
}

// has reports whether the text holds term or a form of it: the same stem,
// or a name with a short ending added ("Kenya"/"Kenyan", "Haiti"/"Haitian").
func (b termBag) has(term string) bool {
	if b.terms[term] || b.stems[stem(term)] {
		return true
	}
	if len(term) < 5 || isDigits(term) {
		return false
	}
	for t := range b.terms {
		if len(t) >= 5 && len(t) != len(term) && absDiff(len(t), len(term)) <= 2 &&
			(strings.HasPrefix(t, term) || strings.HasPrefix(term, t)) {
			return true
		}
	}
	return false
}

func absDiff(a, b int) int {
	if a > b {
		return a - b
	}
	return b - a
}

// analysis holds the sentences of passages and their terms, cut once per
// answer and shared by the relevance gate, extraction and quoting (and by
// every partial text of a streamed answer). Not safe for concurrent use.
type analysis struct {
	sents map[int64][]string
	bags  map[int64][]termBag
}

func newAnalysis() *analysis {
	return &analysis{sents: map[int64][]string{}, bags: map[int64][]termBag{}}
}

// of returns a passage's sentences and their term bags.
func (an *analysis) of(h corpus.Hit) ([]string, []termBag) {
	if s, ok := an.sents[h.ID]; ok {
		return s, an.bags[h.ID]
	}
	s := corpus.SplitSentences(h.Text)
	b := make([]termBag, len(s))
	// The lines of a record ("Authors : …", "Publication Date: …") describe
	// one thing: each is read with all of them, so the date line answers
	// "when was Tishkov's article published".
	var record []string
	for _, x := range s {
		if corpus.IsFieldLine(x) {
			record = append(record, x)
		}
	}
	recordBag := newTermBag(strings.Join(record, "\n"))
	for i, x := range s {
		if corpus.IsFieldLine(x) {
			b[i] = recordBag
			continue
		}
		b[i] = newTermBag(x)
	}
	an.sents[h.ID], an.bags[h.ID] = s, b
	return s, b
}

// containsPhrase reports whether the terms of phrase occur contiguously in
// the terms of text.
func containsPhrase(text, phrase []string) bool {
	if len(phrase) == 0 || len(phrase) > len(text) {
		return false
	}
	for i := 0; i+len(phrase) <= len(text); i++ {
		match := true
		for j, p := range phrase {
			if text[i+j] != p {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// namedTerms returns the content terms of text written with a capital
// letter where a sentence does not start: names of people, places, bodies,
// and acronyms. A passage must hold them to be about the same thing. Text
// in capitals or title case marks nothing.
func namedTerms(text string) []string {
	var out []string
	seen := map[string]bool{}
	words := strings.Fields(text)
	capitalised, inner := 0, 0
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
		for _, t := range contentTerms(core) {
			if !seen[t] {
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
