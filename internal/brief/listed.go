package brief

import (
	"slices"

	"github.com/mss-brief/briefbot/internal/lexicon"
)

// listWords open a list of the members a sentence names among others:
// "nations, including Chad and Bangladesh, offered".
var listWords = lexiconSet(`including include includes such notably among dont notamment parmi comme`)

// listWindow is how far after a list word a member may stand ("including
// Chad and [Bangladesh]").
const listWindow = 3

// countOfOthers reports a sentence answering "how many did Chad offer"
// with a count told before Chad is named, and Chad named only as one of
// a list: "a target of 5,500 troops, after a number of nations, including
// Chad and Bangladesh, offered to deploy soldiers" gives the force's
// number, not Chad's. The one asked of is named in the slot's relation.
func countOfOthers(an *analysis, sentence, lang string, relation []lexicon.Concept) bool {
	if len(relation) == 0 {
		return false
	}
	toks := lexicon.Tokens(sentence)
	words := tokenTexts(toks)
	lastCount, named := -1, false
	for i := range toks {
		if countAt(sentence, toks, words, i) {
			lastCount = i
		}
	}
	if lastCount < 0 {
		return false
	}
	for i := range toks {
		if !slices.ContainsFunc(relation, an.bag(sentence[toks[i].Start:toks[i].End], lang).meets) {
			continue
		}
		listed := slices.ContainsFunc(words[max(i-listWindow, 0):i], func(w string) bool { return listWords[w] })
		if !listed || i < lastCount {
			return false // named on its own, or before a count that may be its own
		}
		named = true
	}
	return named
}
