package corpus

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Terms splits text into lower-cased, diacritic-free index terms the way the
// FTS5 unicode61 tokenizer (remove_diacritics 2) does, so that a term we
// look up in the vocabulary is the term the index holds.
func Terms(text string) []string {
	folded := text
	if !isASCII(text) {
		var err error
		if folded, _, err = transform.String(foldDiacritics(), text); err != nil {
			folded = text
		}
	}
	return strings.FieldsFunc(strings.ToLower(folded), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r))
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func foldDiacritics() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// stopWords carry no meaning for retrieval; dropping them keeps BM25 from
// walking huge posting lists. English, French and Spanish, plus the words
// that only scaffold a question ("part of", "what kind of").
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself
no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that
the their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves s t don shall may might
must also tell know please many much there's what's who's whats whos get got give us let lets want does did say said
le la les une des du de et est en au aux ce ces qui que quoi dans pour par sur avec pas plus ou il elle ils elles
nous vous je tu son sa ses leur leurs été être avoir a ont sont quel quelle quels quelles comment combien pourquoi
el los las y es del al por con para una unos unas su sus qué cuál cuántos cómo
part kind type sort exactly currently actually really approximately roughly`) {
		m[w] = true
	}
	return m
}()

// IsStopWord reports whether a lower-cased term is too common to search for.
func IsStopWord(term string) bool { return stopWords[term] }

// concept is one meaningful word of a question with the forms that count
// as it (the index does not stem, so "officers" also looks for "officer"),
// weighted by how rare it is in the corpus.
type concept struct {
	forms  []string
	weight float64
}

// queryConcepts turns free text into the distinct concepts worth searching
// for, in order of first appearance, without stop words.
func queryConcepts(text string) []concept {
	seen := map[string]bool{}
	var out []concept
	for _, t := range Terms(text) {
		if seen[t] || stopWords[t] {
			continue
		}
		c := concept{forms: []string{t}, weight: 1}
		if len(t) > 4 && strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "ss") {
			single := t[:len(t)-1]
			if strings.HasSuffix(t, "ies") {
				single = t[:len(t)-3] + "y"
			}
			c.forms = append(c.forms, single)
		}
		if stem := stemPrefix(t); stem != "" {
			c.forms = append(c.forms, stem+"*")
		}
		for _, f := range c.forms {
			seen[f] = true
		}
		out = append(out, c)
	}
	return out
}

// minStem is the shortest stem searched as a prefix: shorter ones reach
// unrelated words ("polic*" would find "policy").
const minStem = 6

// stemPrefix strips one common English inflection so that "authorise",
// "authorised" and "authorisation" meet at "authoris*". It returns "" when
// the stem would be too short to be specific.
func stemPrefix(t string) string {
	for _, suffix := range []string{"isations", "izations", "ations", "ation", "ings", "ing", "ed", "es", "s", "e"} {
		if stem, ok := strings.CutSuffix(t, suffix); ok {
			if strings.HasPrefix(suffix, "is") || strings.HasPrefix(suffix, "iz") {
				stem += suffix[:2]
			}
			if len(stem) >= minStem && stem != t {
				return stem
			}
			return ""
		}
	}
	if len(t) >= minStem+1 {
		return t // already a stem: its inflections share it as a prefix
	}
	return ""
}

// matchExpr quotes each term (so that no user text is FTS5 syntax) and ORs
// them: BM25 then rewards passages that hold more of them. A form ending in
// "*" is searched as a prefix.
func matchExpr(terms []string) string {
	quoted := make([]string, len(terms))
	for i, t := range terms {
		if stem, ok := strings.CutSuffix(t, "*"); ok {
			quoted[i] = `"` + strings.ReplaceAll(stem, `"`, `""`) + `"*`
			continue
		}
		quoted[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
	}
	return strings.Join(quoted, " OR ")
}

// queryPhrases returns the pairs of adjacent meaningful words in text, as
// "a b": passages that hold a phrase of the question, not just its words,
// are what the asker means far more often.
func queryPhrases(text string) []string {
	var out []string
	seen := map[string]bool{}
	toks := Terms(text)
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i], toks[i+1]
		if stopWords[a] || stopWords[b] {
			continue
		}
		p := a + " " + b
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}
