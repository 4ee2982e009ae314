package corpus

import (
	"math"
	"sort"
	"strings"
)

// BM25 finds passages that share words with a question; it cannot tell a
// passage that answers it from one that merely uses the same words in
// different sentences. The rerank below asks a sharper question of the BM25
// candidates: does one sentence hold most of what was asked (weighted by
// rarity), and, when the question asks "how many" or "when", does that
// sentence hold a number or a date?

// Cue is the kind of answer a question asks for.
type Cue int

// Cues.
const (
	CueNone     Cue = iota
	CueQuantity     // "how many", "how much": a count or amount
	CueDate         // "when", "what year": a date
)

// QuestionCue tells what kind of answer a question asks for.
func QuestionCue(question string) Cue {
	// Terms folds case and diacritics: "Cuántos" reads as "cuantos".
	q := " " + strings.Join(Terms(question), " ") + " "
	for _, c := range []string{"how many", "how much", "number of", "how large", "how big", "combien", "cuantos", "cuantas", "cuanto"} {
		if strings.Contains(q, " "+c+" ") {
			return CueQuantity
		}
	}
	for _, c := range []string{"when", "what date", "what year", "which year", "what day", "since when", "quand", "cuando"} {
		if strings.Contains(q, " "+c+" ") {
			return CueDate
		}
	}
	return CueNone
}

// MetBy reports whether a sentence holds the kind of answer asked for.
func (c Cue) MetBy(sentence string) bool { return c.metByTerms(Terms(sentence)) }

func (c Cue) metByTerms(terms []string) bool {
	switch c {
	case CueQuantity:
		// A count, not a date: years and day numbers beside a month do not answer "how many".
		for i, t := range terms {
			if !isNumber(t) || isYear(t) {
				continue
			}
			if (i > 0 && isMonth(terms[i-1])) || (i+1 < len(terms) && isMonth(terms[i+1])) {
				continue
			}
			return true
		}
		return false
	case CueDate:
		for _, t := range terms {
			if isMonth(t) || isYear(t) {
				return true
			}
		}
		return false
	}
	return true
}

// isMonth reports a month name, as Terms gives it (lower case, no accents).
func isMonth(t string) bool {
	switch t {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
		"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre":
		return true
	}
	return false
}

// sentenceCoverage scores one sentence: the weighted share of the concepts
// it holds, halved when it lacks the kind of answer the question asks for.
func sentenceCoverage(sentence string, concepts []concept, cue Cue) float64 {
	var total, got float64
	terms := Terms(sentence)
	have := make(map[string]bool, len(terms))
	for _, t := range terms {
		have[t] = true
	}
	for _, c := range concepts {
		total += c.weight
		if holdsConcept(c, have, terms) {
			got += c.weight
		}
	}
	if total == 0 {
		return 0
	}
	cov := got / total
	if !cue.metByTerms(terms) {
		cov /= 2
	}
	return cov
}

// bestSentence returns the sentence of text that best answers the concepts,
// and its coverage.
func bestSentence(text string, concepts []concept, cue Cue) (string, float64) {
	best, bestScore := "", -1.0
	for _, s := range SplitSentences(text) {
		if sc := sentenceCoverage(s, concepts, cue); sc > bestScore {
			best, bestScore = s, sc
		}
	}
	return best, math.Max(bestScore, 0)
}

// BestSentence returns the sentence of a passage that best supports an
// answer to question (or a claim): the one holding most of its words, with
// a number or date when the question asks for one. Words weigh equally here;
// use it to pick a quote.
func BestSentence(passage, question string) string {
	s, _ := bestSentence(passage, queryConcepts(question), QuestionCue(question))
	return s
}

// bm25Share is how much the passage-level BM25 score counts beside the best
// sentence's coverage, once both are on a 0..1 scale.
const bm25Share = 0.3

// rerank orders BM25 candidates by bm25Share × their BM25 score relative to
// the best candidate plus the coverage of their best sentence.
func rerank(hits []Hit, concepts []concept, cue Cue) {
	if len(hits) == 0 {
		return
	}
	top := 0.0
	for _, h := range hits {
		top = math.Max(top, h.BM25)
	}
	for i := range hits {
		rel := 0.0
		if top > 0 {
			rel = hits[i].BM25 / top
		}
		_, cov := bestSentence(hits[i].Text, concepts, cue)
		hits[i].Score = bm25Share*rel + cov
	}
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].Score > hits[b].Score })
}

func isNumber(t string) bool { return t != "" && t[0] >= '0' && t[0] <= '9' }

func isYear(t string) bool {
	return len(t) == 4 && (strings.HasPrefix(t, "19") || strings.HasPrefix(t, "20")) && strings.Trim(t, "0123456789") == ""
}

func holdsConcept(c concept, have map[string]bool, terms []string) bool {
	for _, f := range c.forms {
		if stem, ok := strings.CutSuffix(f, "*"); ok {
			for _, t := range terms {
				if strings.HasPrefix(t, stem) {
					return true
				}
			}
		} else if have[f] {
			return true
		}
	}
	return false
}
