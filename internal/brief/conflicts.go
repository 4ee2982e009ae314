package brief

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mss-brief/briefbot/internal/lexicon"
)

// Sources that report one fact at different times disagree when the fact
// changed (a mandate renewed, a force grown) or when one of them erred. A
// reader must see both and which is newer: the answer then says so.

// conflictShare is the least weighted share of the question that both
// quotes must hold to be about the same fact.
const conflictShare = 0.4

// addDisagreeing adds to the sentences picked for an extractive answer
// one from another dated report that states the asked-for value about the
// same thing (conflictShare of the question, its names) and disagrees with
// the first pick: the newest such report, or failing one newer, the
// oldest. A reader then sees both, and findConflicts says which is newer.
func addDisagreeing(r retrieval, picked []sentenceCandidate) []sentenceCandidate {
	if len(picked) == 0 || !conflictKind(r) {
		return picked
	}
	first := picked[0]
	firstDoc := r.hits[first.hit].Doc
	firstValues := valuesOf(r, first.text)
	if firstDoc.Published.IsZero() || len(firstValues) == 0 {
		return picked
	}
	w := askedWeights(r)
	names := r.an.namedTerms(r.question)
	var best *sentenceCandidate
	var bestDate time.Time
	for i, h := range r.hits {
		d := h.Doc.Published
		if d.IsZero() || h.DocID == firstDoc.ID || sameDay(d, firstDoc.Published) {
			continue
		}
		sents, bags := r.an.of(h)
		for j, sent := range sents {
			if !meetsType(r.kind, sent) || askedCoverage(bags[j], r.asked, w) < conflictShare || !holdsAll(bags[j], names) {
				continue
			}
			v := valuesOf(r, sent)
			if len(v) == 0 || shareValue(r.kind, v, firstValues) {
				continue
			}
			// The newest report newer than the first pick wins; failing
			// any, the oldest.
			newer, bestNewer := d.After(firstDoc.Published), bestDate.After(firstDoc.Published)
			better := best == nil || (newer && d.After(bestDate)) || (!newer && !bestNewer && d.Before(bestDate))
			if better {
				c := sentenceAt(i, j, sents, bags)
				best, bestDate = &c, d
			}
		}
	}
	if best == nil {
		return picked
	}
	for _, p := range picked {
		if r.hits[p.hit].DocID == r.hits[best.hit].DocID {
			return picked // already quoted
		}
	}
	return append(picked, *best)
}

// conflictKind reports a question whose sources can disagree: one value
// (a count, an amount, a date, who holds a role) about one thing. A
// question about two things ("how many came first, and how many in
// January?") expects two values, which do not contradict each other.
func conflictKind(r retrieval) bool {
	one := r.kind == TypeCount || r.kind == TypeAmount || r.kind == TypeDate || r.kind == TypeWho && roleHeads[askPhrase(r.question).head]
	return one && len(subQueries(r.query)) == 0
}

func sameDay(a, b time.Time) bool {
	return a.UTC().Format(time.DateOnly) == b.UTC().Format(time.DateOnly)
}

// findConflicts compares the quotes of cited documents published on
// different days: where both are about the question (conflictShare) and
// state its kind of answer (a count, an amount, a date) with no value in
// common, the older and the newer are reported.
func findConflicts(r retrieval, cites []Citation) []Conflict {
	if !conflictKind(r) {
		return nil
	}
	w := askedWeights(r)
	type stated struct {
		c      Citation
		values []string
	}
	names := r.an.namedTerms(r.question)
	var found []stated
	for _, c := range cites {
		if c.Published == nil || c.Quote == "" || !meetsType(r.kind, c.Quote) {
			continue
		}
		bag := r.an.bag(c.Quote, "")
		if askedCoverage(bag, r.asked, w) < conflictShare || !holdsAll(bag, names) {
			continue // about something else: Chad's 800 are not Kenya's
		}
		if v := valuesOf(r, c.Quote); len(v) > 0 {
			found = append(found, stated{c, v})
		}
	}
	slices.SortStableFunc(found, func(a, b stated) int { return a.c.Published.Compare(*b.c.Published) })
	var out []Conflict
	for i := 0; i+1 < len(found); i++ {
		older, newer := found[i], found[len(found)-1]
		if !newer.c.Published.After(*older.c.Published) || shareValue(r.kind, older.values, newer.values) {
			continue
		}
		out = append(out, Conflict{
			Fact:  r.question,
			Older: older.c.N,
			Newer: newer.c.N,
			Note: fmt.Sprintf("A report of %s [%d] says %s; a newer one, of %s [%d], says %s.",
				longDate(*older.c.Published), older.c.N, strings.Join(older.values, ", "),
				longDate(*newer.c.Published), newer.c.N, strings.Join(newer.values, ", ")),
		})
		break // the oldest against the newest says what changed
	}
	return out
}

func longDate(t time.Time) string { return t.Format("2 January 2006") }

// statedValues returns the values of a kind that a sentence states: its
// counts (not years, days of a month or labels such as "resolution 2793"),
// or its dates as "Month Year".
func statedValues(kind AnswerType, sentence string) []string {
	toks := lexicon.Tokens(sentence)
	words := tokenTexts(toks)
	var out []string
	add := func(v string) {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	switch kind {
	case TypeCount, TypeAmount:
		for i, t := range toks {
			// "DEVELOPMENT 3:" numbers a heading, it counts nothing.
			if isCountAt(words, i) && !strings.HasPrefix(sentence[t.End:], ":") {
				add(sentence[t.Start:t.End])
			}
		}
	case TypeDate:
		for i, w := range words {
			if m, ok := monthNumbers[w]; ok && i+1 < len(words) && lexicon.IsYear(words[i+1]) {
				add(fmt.Sprintf("%s %s", time.Month(m), words[i+1]))
			} else if ok && i+2 < len(words) && lexicon.IsYear(words[i+2]) {
				add(fmt.Sprintf("%s %s", time.Month(m), words[i+2]))
			}
		}
	}
	return out
}

// valuesOf returns the values of the question's kind a sentence states:
// for a role asked ("who is the force commander"), the one person named
// with the role beside the name.
func valuesOf(r retrieval, sentence string) []string {
	if r.kind != TypeWho {
		return statedValues(r.kind, sentence)
	}
	head := askPhrase(r.question).head
	deputy := holdsWord(r.question, lesserRoles)
	var holders []string
	seen := 0 // where the names already found end: a name written twice is found twice
	for _, name := range personFullNames(sentence) {
		at := strings.Index(sentence[seen:], name)
		if at < 0 {
			continue
		}
		at += seen
		seen = at + len(name)
		// The role is written just before the name or just after it:
		// "Force Commander Godfrey Otunge", "Carlos Ruiz Massieu, the
		// special representative".
		around := sentence[max(at-roleReach, 0):min(at+len(name)+roleReach, len(sentence))]
		toks := lexicon.Tokens(around)
		if !slices.ContainsFunc(toks, func(t lexicon.Token) bool { return namesRole(t.Text, head) }) {
			continue
		}
		if !deputy && slices.ContainsFunc(toks, func(t lexicon.Token) bool { return lesserRoles[t.Text] }) {
			continue // the deputy force commander is not the force commander
		}
		if ownedByAnother(r, toks, head) {
			continue // the GSF's special representative is not the UN's
		}
		if !slices.ContainsFunc(holders, func(h string) bool { return sameHolder(h, name) }) {
			holders = append(holders, name)
		}
	}
	if len(holders) != 1 {
		return nil // several people named with the role: whose is it?
	}
	return holders
}

// sameHolder reports two names of one person, by the last word: "Carlos
// Ruiz Massieu" and "Ruiz Massieu".
func sameHolder(a, b string) bool {
	last := func(n string) string { f := strings.Fields(n); return lexicon.Fold(f[len(f)-1]) }
	return last(a) == last(b)
}

// shareValue reports two lists of values of a kind with one in common; the
// holders of a role are compared as names, by sameHolder.
func shareValue(kind AnswerType, a, b []string) bool {
	if kind != TypeWho {
		return shareAny(a, b)
	}
	return slices.ContainsFunc(a, func(x string) bool {
		return slices.ContainsFunc(b, func(y string) bool { return sameHolder(x, y) })
	})
}

// ownedByAnother reports a role written with a body the question does not
// name just before it: "GSF Special Representative" for the UN's.
func ownedByAnother(r retrieval, toks []lexicon.Token, head string) bool {
	asked := r.an.bag(r.question, "")
	for i, t := range toks {
		if !namesRole(t.Text, head) {
			continue
		}
		for _, b := range toks[max(i-3, 0):i] {
			for term := range r.an.bag(b.Text, "").Bag {
				if lexicon.IsGlossaryToken(term) && !asked.Bag[term] {
					return true
				}
			}
		}
	}
	return false
}

// namesRole reports a word that is the role's head or a form of it:
// sameWordFamily alone vetoes a stem the head shares with another word,
// and holds for any word when there is none.
func namesRole(word, head string) bool {
	return newTermBag(word).has(head) && sameWordFamily(word, head)
}

// roleReach is how far (in bytes) from a name its role is written.
const roleReach = 40

// lesserRoles make a role another one: "deputy force commander".
var lesserRoles = lexiconSet(`deputy vice assistant acting adjoint adjointe interim`)

// isCountAt reports whether word i is a number that counts something, by
// the rule hasCount uses.
func isCountAt(words []string, i int) bool {
	w := words[i]
	if !lexicon.IsNumber(w) || lexicon.IsYear(w) {
		return false
	}
	if i > 0 && (numberLabels[words[i-1]] || lexicon.IsMonth(words[i-1])) {
		return false
	}
	return i+1 >= len(words) || !lexicon.IsMonth(words[i+1])
}

func holdsAll(bag termBag, words []string) bool {
	for _, w := range words {
		if !bag.has(w) {
			return false
		}
	}
	return true
}

func shareAny(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}
