package brief

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mss-brief/briefbot/internal/document"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// Extraction parameters.
const (
	maxExtracted     = 3    // sentences in an extractive answer
	maxExtractedWide = 4    // for a question about two things, or a reason or a manner, which need more context
	minSentenceWords = 6    // shorter sentences are headings or debris
	followShare      = 0.6  // a further sentence must score this share of the best
	sameDocFactor    = 0.8  // a further sentence from an already quoted document counts less
	missedCueFactor  = 0.6  // a sentence without the kind of answer asked for (a number, a date, a name, a reason) counts less
	glossaryFactor   = 1.0  // a topic name counts this share of a word: every passage shares it
	relatedShare     = 0.7  // a synonym or another name counts this share of the word asked
	rankPrior        = 0.1  // how much the search's order counts
	brevityBonus     = 0.1  // what a short sentence gains over a long one that holds as much
	brevityWords     = 60   // sentences this long or longer gain nothing for brevity
	nameWeight       = 2.0  // a name in the question counts this many times a common word
	announceWords    = 12   // a sentence shorter than this brings the next one along
	presentBonus     = 0.5  // what the newest report gains over the oldest, for a question about the present
	causeBonus       = 0.25 // what a sentence that says "because", "due to" gains for a "why", or "in the town of X" for a "where"
	slotBonus        = 0.15 // what a sentence holding what is asked (the count of the thing, its relation) gains
	// bundledSentenceFactor: our notes summarise, and their sentences drop
	// the figures a primary report gives; for a count or an amount.
	bundledSentenceFactor = 0.7
)

// isSourceList reports a "Sources: ..." line, or a byline ("Jacqueline
// Charles, Miami Herald"): a record of the report, not an answer.
func isSourceList(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "sources:") || strings.HasPrefix(l, "source:") || isByline(s)
}

// isByline reports a line of a few capitalised words with a comma and
// nothing else: an author and an outlet.
func isByline(s string) bool {
	words := strings.Fields(s)
	if len(words) < 3 || len(words) > maxBylineWords || !strings.Contains(s, ",") {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"“‘'("))
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// maxBylineWords bounds a byline: a name, a comma, an outlet.
const maxBylineWords = 6

// extractive answers by quoting the 1 to 3 sentences of the top passages
// that best cover the question, each cited.
func (a *Answerer) extractive(ans Answer, r retrieval, note string) Answer {
	picked := addDisagreeing(r, pickSentences(r))
	var b strings.Builder
	for i, p := range picked {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(quoteCandidate(p, r))
		b.WriteString(" [" + strconv.Itoa(p.hit+1) + "]")
	}
	text, cites, _ := resolveCitations(b.String(), r)
	// An extract quotes what it shows: each source's first sentence in it.
	for i := range cites {
		for _, p := range picked {
			if r.hits[p.hit].DocID == cites[i].DocID {
				cites[i].Quote = quoteCandidate(p, r)
				break
			}
		}
	}
	ans.Text, ans.Citations, ans.Mode, ans.Note = text, cites, ModeExtractive, note
	ans.AsOf = newestPublished(cites, r)
	ans.Conflicts = findConflicts(r, cites)
	for _, c := range ans.Conflicts {
		ans.Text += "\n\nSources disagree. " + c.Note
	}
	return ans
}

// quoteCandidate quotes a candidate's text, a sentence at a time when it
// quotes several: cut as one, "A. B. C." loses C, where the category
// asked for often is ("In the framework, complaints are categorised as
// ...").
func quoteCandidate(c sentenceCandidate, r retrieval) string {
	if c.shown.Bag == nil || c.from == c.to {
		return quoteAnswer(c.text, r.concepts, r.kind)
	}
	sents, _ := r.an.of(r.hits[c.hit])
	var out []string
	for _, s := range sents[c.from : c.to+1] {
		out = append(out, quoteAnswer(s, r.concepts, r.kind))
	}
	return strings.Join(out, " ")
}

type sentenceCandidate struct {
	hit      int    // index into the hits
	at       int    // the sentence's index among the hit's
	text     string // the sentence, with the next one when it only announces it
	score    float64
	bag      termBag
	from, to int     // the hit's sentences text quotes, at among them
	shown    termBag // the terms of all of them
}

// sentenceAt is the candidate quoting sentence j of a hit alone, unscored.
func sentenceAt(hit, j int, sents []string, bags []termBag) sentenceCandidate {
	return sentenceCandidate{hit: hit, at: j, text: sents[j], bag: bags[j], from: j, to: j}
}

// shownBag is what a candidate's text shows: the terms of each sentence
// it quotes, not only of the one scored.
func (c sentenceCandidate) shownBag() termBag {
	if c.shown.Bag == nil {
		return c.bag
	}
	return c.shown
}

// unionBag holds the terms of every bag (at least one).
func unionBag(bags ...termBag) termBag {
	u := termBag{Bag: lexicon.Bag{}, lex: bags[0].lex}
	for _, b := range bags {
		maps.Copy(u.Bag, b.Bag)
	}
	return u
}

// spanned returns c quoting the hit's sentences from..to.
func spanned(c sentenceCandidate, sents []string, bags []termBag, from, to int) sentenceCandidate {
	c.from, c.to = from, to
	c.text = strings.Join(sents[from:to+1], " ")
	c.shown = unionBag(bags[from : to+1]...)
	return c
}

// pickSentences chooses the sentences to quote: the best by weighted
// coverage of the question, then up to two more that score nearly as well
// and add something (another document, or a part of the question the
// earlier ones miss).
func pickSentences(r retrieval) []sentenceCandidate {
	cands := scoreSentences(r)
	if len(cands) == 0 {
		if len(r.hits) == 0 {
			return nil
		}
		s, b := r.an.of(r.hits[0])
		return []sentenceCandidate{{hit: 0, text: s[0], bag: b[0]}}
	}
	w := askedWeights(r)
	slot := slotOf(r, w, topBags(r))
	cands = ofNumberedReports(r, slot, cands)
	picked := pickRest(r, w, cands)
	picked = groundFromLead(r, w, picked, cands)        // "why": the cause its report tells a few sentences on
	picked = namesTheDoer(r, w, slot, picked, cands)    // "who": the name its report gives a few sentences on
	picked = numbersTheLabel(r, w, slot, picked, cands) // "which resolution": its number
	picked = coverParts(r, picked, cands)               // each part of a two-part question answered
	picked = numbersEachPart(r, picked, cands)          // "..., and which one renewed BINUH": its number too
	picked = quotesEachPart(r, picked)                  // "what warning did X give, and ...": the words, told next
	picked = quoteGoesOn(r, picked)                     // "what did X say": "..., he clarified" too
	picked = newestFirst(r, picked)                     // "... now": the newest report first
	picked = deedOverMention(r, w, slot, picked, cands) // "the most recent resolution": the report of the act
	return stateChange(r, w, picked, cands)             // "is X still ...": what changed, before that
}

// ofNumberedReports keeps the candidates of the reports that hold every
// number the question names its thing by ("combien de membres ont voté
// pour la résolution 2751": a report on the 2025 force's vote, "12 des 15
// Etats membres", tells another vote), when one does: the gate let the
// question through on such a report. Only for a count or an amount: a
// "which" or "how long" may name one side by number ("which country
// abstained on the GSF resolution but not on resolution 2699") or be
// told by a report that writes no number ("the resolution gives six
// months"), and a question of several parts has a slot for each.
func ofNumberedReports(r retrieval, slot answerSlot, cands []sentenceCandidate) []sentenceCandidate {
	if len(slot.numbered) == 0 || slot.kind != TypeCount && slot.kind != TypeAmount || len(subQueries(r.query)) > 0 {
		return cands
	}
	held := map[int]bool{}
	var kept []sentenceCandidate
	for _, c := range cands {
		ok, seen := held[c.hit]
		if !seen {
			_, sb := r.an.of(r.hits[c.hit])
			ok = slot.holdsNumbers(r.an.title(r.hits[c.hit]), sb)
			held[c.hit] = ok
		}
		if ok {
			kept = append(kept, c)
		}
	}
	if len(kept) == 0 {
		return cands
	}
	return kept
}

// numbersTheLabel makes sure an answer to "which resolution renewed the
// mandate" gives its number: when the lead report's picked sentences
// number none, its best sentence that does beside the deed ("... adopted
// unanimously as resolution 2814") is added (or, when no picked sentence
// numbers one, another picked report's), in place of the last further
// sentence when the answer is full. (A thing named otherwise, "which
// gang", is told by too many capitalised words beside it to add on that
// alone.)
func numbersTheLabel(r retrieval, w []float64, slot answerSlot, picked, cands []sentenceCandidate) []sentenceCandidate {
	if slot.kind != TypeOther || len(slot.which) == 0 || len(subQueries(r.query)) > 0 {
		return picked
	}
	label := slices.IndexFunc(slot.which, func(c lexicon.Concept) bool { return numberLabels[c.Text] })
	if label < 0 {
		return picked
	}
	asked := map[string]bool{}
	for _, c := range r.asked {
		if c.Number {
			asked[c.Text] = true
		}
	}
	numbered := func(c sentenceCandidate) bool {
		return slices.ContainsFunc(labelNumbers(r.an, c.text, r.hits[c.hit].Doc.Lang, slot.which[label]), func(n string) bool { return !asked[n] })
	}
	// The report that answers best tells its number, when it has one:
	// another picked report's number may be another thing's ("Resolution
	// 2793 ... UNSOH is mandated" beside BINUH's renewal).
	lead := picked[0].hit
	if slices.ContainsFunc(picked, func(p sentenceCandidate) bool { return p.hit == lead && numbered(p) }) {
		return picked
	}
	otherNumbered := slices.ContainsFunc(picked, numbered)
	// Among a report's sentences, the best scored, then any, however
	// short ("Meeting no.: 9,430." of an infobox is no candidate of its
	// own).
	byReport := slices.Clone(cands)
	for _, p := range picked {
		sents, bags := r.an.of(r.hits[p.hit])
		for j := range sents {
			byReport = append(byReport, sentenceAt(p.hit, j, sents, bags))
		}
	}
	slices.SortStableFunc(byReport, func(a, b sentenceCandidate) int {
		return cmp.Compare(reportPlace(picked, a.hit), reportPlace(picked, b.hit))
	})
	for _, c := range byReport {
		h := r.hits[c.hit]
		sents, bags := r.an.of(h)
		if c.hit != lead && otherNumbered {
			break // sorted by report: the lead's sentences have all been seen
		}
		// The sentence right after the lead one may give the number of
		// what it told was done ("... extended the mandate of BINUH. The
		// Council, by adopting resolution 2743, ...").
		follows := c.hit == lead && c.at == picked[0].to+1
		if reportPlace(picked, c.hit) == len(picked) || !numbered(c) || isSourceList(c.text) ||
			!follows && !slot.filledIn(r.an, h, sents, bags, c.at, r.an.title(h)) || nearDuplicate(c, picked) {
			continue
		}
		if len(picked) == maxSentences(r) {
			picked = picked[:len(picked)-1]
		}
		return append(picked, c)
	}
	return picked
}

// numbersEachPart is numbersTheLabel for each part of a question in two
// parts ("which resolution created the GSF, and which one extended
// BINUH's mandate?"): the part's lead is the picked sentence holding most
// of the part, and the number its report gives is added when there is
// room, else in place of the last sentence when that is not the lead.
func numbersEachPart(r retrieval, picked, cands []sentenceCandidate) []sentenceCandidate {
	parts := subQueries(r.query)
	if len(parts) < 2 || len(picked) == 0 {
		return picked
	}
	for _, part := range parts {
		pr := r
		pr.question, pr.query = part, part
		pr.asked, pr.kind = r.an.lex.Query(part), questionType(part)
		w := askedWeights(pr)
		lead := 0
		for i, p := range picked {
			if askedCoverage(p.shownBag(), pr.asked, w) > askedCoverage(picked[lead].shownBag(), pr.asked, w) {
				lead = i
			}
		}
		led := append([]sentenceCandidate{picked[lead]}, slices.Delete(slices.Clone(picked), lead, lead+1)...)
		for _, c := range numbersTheLabel(pr, w, slotOf(pr, w, topBags(pr)), led, cands) {
			if slices.ContainsFunc(picked, func(p sentenceCandidate) bool { return p.text == c.text }) {
				continue
			}
			switch {
			case len(picked) < maxSentences(r):
				picked = append(picked, c)
			case lead != len(picked)-1:
				picked[len(picked)-1] = c
			}
		}
	}
	return picked
}

// reportPlace returns the place of the first picked sentence from hit, or
// len(picked) when none is.
func reportPlace(picked []sentenceCandidate, hit int) int {
	if i := slices.IndexFunc(picked, func(p sentenceCandidate) bool { return p.hit == hit }); i >= 0 {
		return i
	}
	return len(picked)
}

// aptShare is the share of the best picked sentence's coverage of the
// question a newer report's sentence must hold to lead a present-tense
// answer.
const aptShare = 0.4

// holdsEnough reports, of one of bags, whether it holds at least
// aptShare of what the best of them holds of the question (any, where
// the question was not analysed).
func holdsEnough(r retrieval, bags []termBag) func(termBag) bool {
	if r.an == nil || len(r.asked) == 0 || len(r.hits) == 0 {
		return func(termBag) bool { return true }
	}
	w := askedWeights(r)
	best := 0.0
	for _, b := range bags {
		best = max(best, askedCoverage(b, r.asked, w))
	}
	return func(b termBag) bool { return askedCoverage(b, r.asked, w) >= aptShare*best }
}

// newestFirst puts, for a question about the present, the newest report's
// sentences first among those that hold the kind of value asked for: "how
// many are there now" opens with January's figure, not August's.
func newestFirst(r retrieval, picked []sentenceCandidate) []sentenceCandidate {
	if !r.present || len(picked) < 2 {
		return picked
	}
	// A newer sentence that holds little of what the best one holds of
	// the question ("expected to reach full strength by October", for
	// when the first contingents arrive) tells something else.
	var bags []termBag
	for _, p := range picked {
		bags = append(bags, p.shownBag())
	}
	apt := holdsEnough(r, bags)
	holds := func(c sentenceCandidate) bool {
		return (r.kind == TypeOther || meetsType(r.kind, c.text)) && apt(c.shownBag())
	}
	published := func(c sentenceCandidate) time.Time { return r.hits[c.hit].Doc.Published }
	out := slices.Clone(picked)
	slices.SortStableFunc(out, func(a, b sentenceCandidate) int {
		if holds(a) != holds(b) {
			if holds(a) {
				return -1
			}
			return 1
		}
		return published(b).Compare(published(a))
	})
	return out
}

// stateChange answers "Is Kenya still leading the mission?" with what the
// newest report says changed, first: a sentence of the newest document
// among the hits that says a state ended or passed on ("Kenya has handed
// over leadership to the GSF"), when one holds the question's words.
func stateChange(r retrieval, w []float64, picked, cands []sentenceCandidate) []sentenceCandidate {
	if !r.present || r.kind != TypeYesNo || len(picked) == 0 {
		return picked
	}
	// The newest report that says so, among the recent ones: a better
	// ranking may bring a newer report on something else into the hits.
	_, newest := publishedSpan(r.hits)
	byDate := slices.Clone(cands)
	slices.SortStableFunc(byDate, func(a, b sentenceCandidate) int {
		return r.hits[b.hit].Doc.Published.Compare(r.hits[a.hit].Doc.Published)
	})
	for _, c := range byDate {
		if d := r.hits[c.hit].Doc.Published; d.IsZero() || d.Before(newest.Add(-changeRecency)) || !statesChange(c.text) || askedCoverage(c.bag, r.asked, w) == 0 {
			continue
		}
		out := append([]sentenceCandidate{c}, slices.DeleteFunc(slices.Clone(picked), func(p sentenceCandidate) bool { return p.text == c.text })...)
		return out[:min(len(out), maxSentences(r))]
	}
	return picked
}

// changeRecency is how much older than the newest hit a report saying a
// state changed may be and still lead the answer.
const changeRecency = 90 * 24 * time.Hour

// partCoverShare: a part of a two-part question counts as answered when a
// picked sentence scores this share of the best sentence for that part.
const partCoverShare = 0.9

// coverParts makes sure each part of a question in two parts ("which body
// appointed him, and when did he say they would arrive?") has a sentence
// that answers it: the sentences are chosen on the whole question, where
// the part with the rarer words wins every place. A part left without one
// gets its best sentence, scored on the part's own words and kind of
// answer, in place of the last further sentence when the answer is full.
func coverParts(r retrieval, picked, cands []sentenceCandidate) []sentenceCandidate {
	parts := subQueries(r.query)
	if len(parts) < 2 || len(picked) == 0 {
		return picked
	}
	// kept holds the texts of the sentences that answer a part, picked
	// before or added here: a later part's sentence does not push them out.
	kept := map[string]bool{}
	keptDocs := map[string]bool{}      // the reports of the sentences kept so far
	keptFor := map[string]AnswerType{} // what kind of part each kept sentence answers
	ownBodies := partsNameOwnBodies(r.an, parts)
	types := partTypes(parts)
	var persons map[string]bool // the top passages' person names, read when a part names a source
	for pi, part := range parts {
		// "... and how many officers did he say were deployed": a part
		// pointing back is told by the report that answered before it.
		refersBack := len(keptDocs) > 0 && holdsWord(part, backRefs)
		pr := r
		pr.question, pr.query = part, part
		pr.asked, pr.kind = r.an.lex.Query(part), types[pi]
		w := askedWeights(pr)
		increment := holdsRun(part, incrementCues)
		// "..., and how much did Kenya's adviser say ...": the report
		// of that source tells the part's figure.
		source := r.an.lex.Query(strings.Join(sourceWords(part, askPhrase(part).cue), " "))
		// Told by a person ("what did ruto say"), not an outlet or a
		// place: the sentence naming the person tells what was said.
		if len(source) > 0 && persons == nil {
			persons = personWordsFound(r)
		}
		speaker := len(source) > 0 && !slices.ContainsFunc(source, func(c lexicon.Concept) bool { return !persons[c.Text] })
		// The part's own slot: "how many did it send later as
		// reinforcements" is answered by the sentence with the count of
		// reinforcements, not by one with "later" and any count.
		slot := slotOf(pr, w, topBags(pr))
		bySlot := slot.typed()
		filled := func(c sentenceCandidate) bool {
			h := r.hits[c.hit]
			sents, bags := r.an.of(h)
			if !bySlot || !slot.filledIn(r.an, h, sents, bags, c.at, r.an.title(h)) {
				return false
			}
			// "What was the MSS to reach, and what is the GSF's ceiling?":
			// the GSF's figure does not answer for the MSS.
			return !ownBodies || !slot.figureOfRival(r.an, sents[c.at], h.Doc.Lang)
		}
		// "..., and what did the north africa post say ...": the part's
		// outlet is named by the source line of its report.
		bySource := map[int]func(termBag) float64{}
		credit := func(hit int) func(termBag) float64 {
			f, ok := bySource[hit]
			if !ok {
				f = sourceCredit(pr, w, r.hits[hit])
				bySource[hit] = f
			}
			return f
		}
		setting := settingCredit(pr, w, part)
		score := func(c sentenceCandidate, filled bool) float64 {
			sc := askedCoverage(c.bag, pr.asked, w) + credit(c.hit)(c.bag)
			if filled && c.at > 0 && (pr.kind == TypeCount || pr.kind == TypeAmount) {
				// "The strongest commitments at a conference in New York
				// came from African governments. Chad offered 1,500
				// soldiers": the sentence before sets the figure's scene.
				_, bags := r.an.of(r.hits[c.hit])
				sc += referredShare * max(askedCoverage(unionBag(bags[c.at-1], c.bag), pr.asked, w)-sc, 0)
			}
			credit, _ := setting(c)
			sc += credit
			if pr.kind != TypeReason && !meetsType(pr.kind, c.text) {
				sc *= missedCueFactor
			}
			if isBundled(r.hits[c.hit].Doc) && (pr.kind == TypeCount || pr.kind == TypeAmount) {
				sc *= bundledSentenceFactor // as for the whole question: a primary report's own figure
			}
			if filled {
				sc += slotBonus
			}
			if increment && holdsRun(c.text, runningTotals) {
				sc *= missedCueFactor // "how many more": not the total so far
			}
			if refersBack && keptDocs[r.hits[c.hit].DocID] {
				sc += sameReportBonus
			}
			if len(source) > 0 && toldBy(r, c.hit, source) {
				sc += sameReportBonus
				// "what did ruto say about the mission after the second
				// officer died?": of the report's sentences, the one
				// naming him tells what he said.
				if speaker && namesMost(c.bag, source) {
					sc += sameReportBonus
				}
			}
			return sc
		}
		// "..., and what UN News said the mission faced": when the part's
		// best sentence is of the outlet it names, a sentence of another
		// report does not answer for it.
		// "... when Kenya suspended the deployment in 2024": a sentence
		// whose report tells less of the part's setting than the best
		// one's tells of another time.
		placedAs := func(p, best sentenceCandidate) bool {
			_, ph := setting(p)
			_, bh := setting(best)
			return ph >= bh
		}
		outlet := attribution(part)
		ownOutlet := func(c sentenceCandidate) bool {
			return len(outlet) == 0 || namesOutlet(r, r.hits[c.hit], outlet)
		}
		// "How many came first, and how many in the reinforcement?": one
		// count does not answer both.
		answersAnother := func(c sentenceCandidate) bool {
			k, ok := keptFor[c.text]
			return ok && k == pr.kind && pr.kind.valued()
		}
		// The best sentence fills the part's slot, when one does.
		best, bestScore, bestFilled := -1, 0.0, false
		for i, c := range cands {
			if answersAnother(c) {
				continue
			}
			f := filled(c)
			if sc := score(c, f); f && !bestFilled || f == bestFilled && sc > bestScore {
				best, bestScore, bestFilled = i, sc, f
			}
		}
		if best < 0 {
			continue
		}
		// A picked sentence covers the part when it scores nearly as well,
		// and fills the part's slot if the best one does.
		if at := slices.IndexFunc(picked, func(p sentenceCandidate) bool {
			if answersAnother(p) {
				return false
			}
			f := filled(p)
			share := partCoverShare
			if pr.kind == TypeCount || pr.kind == TypeAmount {
				share = 1 // a figure nearly as apt is another figure
			}
			return score(p, f) >= share*bestScore && (f || !bestFilled) && (ownOutlet(p) || !ownOutlet(cands[best])) && placedAs(p, cands[best])
		}); at >= 0 {
			kept[picked[at].text] = true
			keptDocs[r.hits[picked[at].hit].DocID] = true
			keptFor[picked[at].text] = pr.kind
			continue
		}
		if len(picked) >= maxSentences(r) {
			// In place of the last sentence no part asked for; when every
			// one answers a part, the answer is as full as it may be.
			last := -1
			for i, p := range slices.Backward(picked) {
				if !kept[p.text] {
					last = i
					break
				}
			}
			if last < 0 {
				continue
			}
			picked = slices.Delete(picked, last, last+1)
		}
		picked = append(picked, cands[best])
		kept[cands[best].text] = true
		keptDocs[r.hits[cands[best].hit].DocID] = true
		keptFor[cands[best].text] = pr.kind
	}
	return picked
}

// partType is the kind of answer a part of a two-part question asks for:
// its question's, but "what did Chad offer at the conference, vs what is it
// set to deploy" sets one figure against another, so a "what" asking what
// was given (offered, pledged, sent) asks a count; and "how did the
// mission's planned size compare" asks the size, a count.
func partType(part string) AnswerType {
	t := questionType(part)
	p := askPhrase(part)
	if (t == TypeOther || t == TypeManner) && countHeads[p.head] {
		return TypeCount
	}
	if t != TypeOther {
		return t
	}
	if p.head != "" || !slices.Equal(p.cue, []string{"what"}) {
		return t
	}
	if v := countDeed(mainClause(part), p.cue, "", nil, nil); givingVerbs[v] || givingVerbs[lastWord(mainClause(part))] {
		return TypeCount
	}
	return t
}

// partTypes are the kinds the parts of a comparison ask for: a part with
// no question word of its own ("chad's troop offer at the conference vs
// what it is set to send", "the size authorized for the GSF") asks what
// the other part asks, the two sides of one measure.
func partTypes(parts []string) []AnswerType {
	types := make([]AnswerType, len(parts))
	for i, p := range parts {
		types[i] = partType(p)
	}
	for i, p := range parts {
		// "... until it had what" asks its own "what", where it stands.
		if types[i] != TypeOther || len(askPhrase(p).cue) > 0 || holdsWord(p, questionWords) {
			continue
		}
		for j, t := range types {
			if j != i && t.valued() {
				types[i] = t
				break
			}
		}
	}
	return types
}

// lastWord is the last word of text, folded: "what is it set to [send]".
func lastWord(text string) string {
	toks := lexicon.Tokens(text)
	if len(toks) == 0 {
		return ""
	}
	return toks[len(toks)-1].Text
}

// givingVerbs tell what a party gave to a force, which a figure measures.
var givingVerbs = lexiconSet(`offer offered offers pledge pledged pledges commit committed commits contribute contributed contributes
promise promised promises send sent sends deploy deployed deploys provide provided provides`)

// incrementCues ask how many were added: "how many more did they send".
var incrementCues = [][]string{{"how", "many", "more"}, {"how", "many", "additional"}, {"how", "many", "new"}, {"combien", "de", "plus"}}

// runningTotals mark a count of all so far ("as of January, over 500 have
// been deployed"), not of those added.
var runningTotals = [][]string{{"as", "of"}, {"currently"}, {"so", "far"}, {"in", "total"}, {"to", "date"}, {"a", "total", "of"}, {"actuellement"}, {"au", "total"}}

// settingShare is how much of a part's setting words a sentence gains
// when its passage, not the sentence itself, holds them.
const settingShare = 0.5

// settingCredit credits a sentence for the words of the part's setting
// ("after the second officer died", "when kenya suspended the
// deployment") that other sentences of its passage hold: the report that
// tells the setting places what the sentence says, as the setting places
// the question ("Ruto has reaffirmed his country's commitment" beside
// "He is the second Kenyan officer to be killed"). It also returns the
// share of the part's weight that the sentence and its passage hold of
// the setting.
func settingCredit(pr retrieval, w []float64, part string) func(sentenceCandidate) (credit, held float64) {
	none := func(sentenceCandidate) (float64, float64) { return 0, 0 }
	words := settingWords(part)
	if len(words) == 0 {
		return none
	}
	var in []int
	var total float64
	for i, c := range pr.asked {
		total += w[i]
		if slices.ContainsFunc(c.Forms, func(f string) bool { return words[f] }) || words[c.Text] {
			in = append(in, i)
		}
	}
	if total == 0 || len(in) == 0 {
		return none
	}
	passages := map[int]termBag{} // by hit: each candidate of a passage would join its bags again
	return func(c sentenceCandidate) (credit, held float64) {
		passage, ok := passages[c.hit]
		if !ok {
			_, bags := pr.an.of(pr.hits[c.hit])
			passage = unionBag(bags...)
			passages[c.hit] = passage
		}
		var got, all float64
		for _, i := range in {
			if passage.holds(pr.asked[i]) || c.bag.holds(pr.asked[i]) {
				all += w[i]
				if !c.bag.holds(pr.asked[i]) {
					got += w[i]
				}
			}
		}
		return settingShare * got / total, all / total
	}
}

// settingWords are the words of a part's setting, after what it asks
// (beforeSetting: "after the second officer died"), as lexicon.Tokens
// writes them; nil when the part sets none.
func settingWords(part string) map[string]bool {
	asked := beforeSetting(part)
	if len(asked) >= len(part) {
		return nil
	}
	out := map[string]bool{}
	for _, t := range lexicon.Tokens(part[len(asked):]) {
		if !lexicon.IsStopWord(t.Text) && !settingOpeners[t.Text] {
			out[t.Text] = true
		}
	}
	return out
}

// namesMost reports a sentence that names most of a source's concepts
// itself: "Ruto has reaffirmed ...", not "He is the second officer ..."
// beside it.
func namesMost(b termBag, source []lexicon.Concept) bool {
	met := 0
	for _, c := range source {
		if b.meets(c) {
			met++
		}
	}
	return 2*met > len(source)
}

// toldBy reports a hit whose passage or title names most of a source's
// concepts.
func toldBy(r retrieval, hit int, source []lexicon.Concept) bool {
	h := r.hits[hit]
	_, bags := r.an.of(h)
	all := append([]termBag{r.an.title(h)}, bags...)
	met := 0
	for _, c := range source {
		if anyMeets(all, c) {
			met++
		}
	}
	return 2*met > len(source)
}

// partsNameOwnBodies reports parts that each name a body of the topic and
// not the same ones: "the MSS's headcount" and "the GSF's ceiling".
func partsNameOwnBodies(an *analysis, parts []string) bool {
	var seen []string
	for _, part := range parts {
		var bodies []string
		for _, c := range an.lex.Query(part) {
			if c.Glossary {
				bodies = append(bodies, c.Text)
			}
		}
		slices.Sort(bodies)
		key := strings.Join(bodies, "|")
		if key == "" || slices.Contains(seen, key) {
			return false
		}
		seen = append(seen, key)
	}
	return true
}

// sameReportBonus credits, for a part pointing back, a sentence of the
// report that answered the part before.
const sameReportBonus = 0.25

// scoreSentences scores every sentence of the hits as an answer, best
// first.
func scoreSentences(r retrieval) []sentenceCandidate {
	w := askedWeights(r)
	newness := hitNewness(r)
	slot := slotOf(r, w, topBags(r))
	twoPart := len(subQueries(r.query)) > 0
	bySlot := (slot.typed() || len(slot.which) > 0) && !twoPart // each part of a comparison has its own
	facet := facetTells(r.question)
	var placeNoun *lexicon.Concept // "which airport": a sentence naming an airport, in either language
	if cue := askPhrase(r.question).cue; r.kind == TypePlace && namingCue(cue) {
		for i, c := range r.asked {
			if c.Text == cue[len(cue)-1] {
				placeNoun = &r.asked[i]
			}
		}
	}
	asks := mainAsked(r)
	asksDoer := r.kind == TypeWho || slot.person || slot.role // "who resigned": the doer is the answer
	ownWords := wordSet(r.question)                           // deedOfOtherDoer asks it of every sentence
	groups := countedGroups(r.question, r.asked)              // "how many Guatemalan and Salvadoran personnel"
	var cands []sentenceCandidate
	for i, h := range r.hits {
		sents, bags := r.an.of(h)
		title := r.an.title(h)
		scoped := scopedNumbers(r.asked, w, append([]termBag{title}, bags...))
		bySource := sourceCredit(r, w, h)
		for j, s := range sents {
			n := len(strings.Fields(s))
			if n < minSentenceWords || isSourceList(s) {
				continue
			}
			bag := bags[j]
			sc := askedCoverage(bag, r.asked, w)
			pronoun, pointing := opensWithPronoun(s), pointsBack(s)
			leansBack := (pronoun || pointing) && j > 0 && !isSourceList(sents[j-1])
			// "BINUH was renewed ... C'est une mission civile ... Elle a
			// été créée en 2019.": the sentence before leans back too, on
			// the one that names what both are about, when it holds
			// nothing asked itself (else it is what the pronoun is of).
			chained := pronoun && leansBack && j > 1 && opensWithPronoun(sents[j-1]) && !isSourceList(sents[j-2]) &&
				askedCoverage(bags[j-1], r.asked, w) == 0
			if leansBack {
				switch {
				case chained:
					sc = max(sc, askedCoverage(unionBag(bags[j-2], bags[j-1], bag), r.asked, w))
				case pronoun:
					// "He was part of a group dispatched to recover a
					// vehicle" is about the officer the sentence before
					// says was killed: it is quoted with it, and holds
					// what it holds.
					sc = max(sc, askedCoverage(unionBag(bags[j-1], bag), r.asked, w))
				case pointing:
					// "That mission stretched on for more than a decade":
					// what it is about, the sentence before names, for a
					// little less.
					sc += referredShare * max(askedCoverage(unionBag(bags[j-1], bag), r.asked, w)-sc, 0)
				}
			}
			if len(asks) > 0 && !slices.ContainsFunc(asks, func(c lexicon.Concept) bool { return !bag.meets(c) }) {
				// "Right after the premier vowed to take the country
				// back, what did a gang torch": the vow only sets the
				// scene; a sentence answering holds the deed asked.
				sc += slotBonus
			}
			sc += scoped.share(bag)
			sc -= monthOfAnotherYear(r, w, s, bag) // "September 2025" does not place "Sept 2024"
			sc += bySource(bag)                    // "according to Crisis Group": its report
			// Reasons are written in too many ways ("much needed by",
			// "contending with") for a missing cue word to count against.
			if r.kind != TypeReason && !meetsType(r.kind, s) {
				sc *= missedCueFactor
			}
			switch {
			case len(facet) > 0:
				// "what would a UN operation have gained": "which could
				// secure more structured funding"; "under what
				// condition": "only if both countries ...", and not a
				// "because", which tells no condition.
				if holdsRun(s, facet) {
					sc += causeBonus * min(1, askedCoverage(bag, r.asked, w)/causeCoverage)
				}
			case r.kind == TypeReason:
				cov := askedCoverage(bag, r.asked, w)
				if tellsCause(s) && !statesCause(withoutConcession(s)) {
					// "The MSS faced chronic underfunding" is the cause of
					// the replacement a sentence or four before it tells;
					// a shortcoming links itself to no event, as a
					// "due to" does (which tells its own claim).
					credit := claimCredit(r, w, bags, j)
					sc += credit
					cov += credit
				}
				sc += causeGain(s, cov)
			}
			if len(groups) > 0 {
				// Two groups counted together: each has its number ("75
				// Guatemalans and eight Salvadorans"), not a list of the
				// countries that sent them; where no sentence counts
				// both, one counting either ("Chad offered 1,500
				// soldiers") gains its share.
				if n := groupsCounted(r.an, s, h.Doc.Lang, groups); n > 0 {
					sc += causeBonus * float64(n) / float64(len(groups))
				} else {
					sc *= missedCueFactor
				}
			}
			if r.kind == TypePlace && namesPlace(s) {
				sc += causeBonus // "in the town of Pont-Sondé"
			}
			if placeNoun != nil && bag.meets(*placeNoun) {
				sc += causeBonus // "à l'aéroport Toussaint Louverture"
			}
			if bySlot && slot.filledIn(r.an, h, sents, bags, j, title) {
				sc += slotBonus
			}
			if slot.ownerMismatch(r.an, sents, bags, j, h.Doc.Lang, title) {
				sc *= missedCueFactor // "Kenya's parliament has approved" for "what did Haiti's parliament approve"
			}
			// A sentence leaning back holds what the one before holds: its
			// deed's doer too.
			if !asksDoer && (deedOfOtherDoer(r.an, s, h.Doc.Lang, r.asked, ownWords) ||
				leansBack && deedOfOtherDoer(r.an, sents[j-1], h.Doc.Lang, r.asked, ownWords)) {
				sc *= missedCueFactor // "the resignation of the Prime Minister" for "did the Kenyan recruits walk away"
			}
			// A count given with another of the topic's bodies is that
			// body's: "The MSS ... stalled at 970" for "how many personnel
			// does the GSF have". (A question in parts asks it of each
			// part, with the part's own bodies.)
			if slot.countedBody && !twoPart && slot.figureOfRival(r.an, s, h.Doc.Lang) {
				sc *= missedCueFactor
			}
			if slot.kind == TypeCount && countOfOthers(r.an, s, h.Doc.Lang, slot.relation) {
				sc *= missedCueFactor // "a target of 5,500 troops, after nations including Chad offered" for "how many did Chad offer"
			}
			if !slot.numberOfDeed(r.an, s, h.Doc.Lang) {
				sc *= missedCueFactor // the deed told, its number not given: another figure
			}
			if (slot.person || slot.role) && !hasPersonName(s) {
				sc *= missedCueFactor // "who" asks for a person: "the High Court" is not one
			}
			if slot.person && len(slot.owners) > 0 && !namesAny(bag, slot.owners) && !namesAny(title, slot.owners) {
				sc *= missedCueFactor // "the GSF's special representative": a report naming the GSF says whose role it is
			}
			if slot.payer != nil && !bag.meets(*slot.payer) && !title.meets(*slot.payer) && !(leansBack && bags[j-1].meets(*slot.payer)) {
				sc *= missedCueFactor // "how much has Canada paid": not the United States' $15 million
			}
			if isBundled(h.Doc) && (slot.kind == TypeCount || slot.kind == TypeAmount) {
				sc *= bundledSentenceFactor // a primary report's own words, where it holds as much
			}
			sc += rankPrior * (1 - float64(i)/float64(len(r.hits)))
			sc += presentBonus * newness[i]
			sc += brevityBonus * (1 - float64(min(n, brevityWords))/brevityWords)
			c := sentenceCandidate{hit: i, at: j, text: s, score: sc, bag: bag}
			from, to := j, j
			if leansBack {
				// "He is the second Kenyan officer to be killed" says who
				// only with the sentence before it, which names him.
				from = j - 1
				if chained {
					from = j - 2
				}
			}
			switch {
			case n < announceWords && j+1 < len(sents):
				// "Resolution 2793 changes the mission in four main ways."
				// says little without what follows.
				to = j + 1
			case (r.kind == TypeReason && !statesCause(s) || r.kind == TypeManner && !twoPart) && j+1 < len(sents) && !isSourceList(sents[j+1]):
				// A sentence that tells what happened without why, or
				// without how, is often followed by it: "The United
				// States put the draft on hold. China and Russia had
				// threatened a veto."
				to = j + 1
			}
			if from != to {
				c = spanned(c, sents, bags, from, to)
			} else {
				c.from, c.to = j, j
			}
			cands = append(cands, c)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	return cands
}

// mainAsked returns the concepts of the main clause of a question that
// opens with a clause setting the scene ("right after the premier vowed
// ..., what did a gang torch": gang, torch), or nil.
func mainAsked(r retrieval) []lexicon.Concept {
	main := mainClause(r.question)
	if main == r.question {
		return nil
	}
	in := map[string]bool{}
	for _, c := range r.an.lex.Query(main) {
		in[c.Text] = true
	}
	var out []lexicon.Concept
	for _, c := range r.asked {
		if in[c.Text] {
			out = append(out, c)
		}
	}
	return out
}

// opensWithPronoun reports a sentence whose subject is a pronoun ("He
// is", "She said", "Il a"): who it is, the sentence before says.
func opensWithPronoun(s string) bool {
	toks := lexicon.Tokens(s)
	if len(toks) > 0 && toks[0].Text == "est" && toks[0].Start > 0 && strings.ContainsAny(s[:toks[0].Start], "cC") {
		return true // "C'est une mission civile": the elided "ce" is no token
	}
	if len(toks) > 0 && subjectPronouns[toks[0].Text] {
		return true
	}
	// "From 2020 to 2023, he was deputy head of mission": a phrase of
	// time or place set before the subject leaves it the pronoun still.
	if len(toks) < 2 || !frontedLeads[toks[0].Text] {
		return false
	}
	for i := 1; i < min(len(toks), maxFrontedWords+1); i++ {
		if strings.Contains(s[toks[i-1].End:toks[i].Start], ",") {
			return subjectPronouns[toks[i].Text]
		}
	}
	return false
}

// frontedLeads open a phrase of time or place that a sentence may set
// before its subject; maxFrontedWords bound that phrase.
var frontedLeads = lexiconSet(`from in on at after before since during between until by depuis en dans apres avant pendant entre lors`)

const maxFrontedWords = 8

// pointsBack reports a sentence opening with a thing pointed back to
// ("That mission", "Cette force").
func pointsBack(s string) bool {
	toks := lexicon.Tokens(s)
	if len(toks) > 2 && toks[0].Text == "of" && (toks[1].Text == "the" || demonstratives[toks[1].Text]) && strings.Contains(s[:toks[2].End+1], ",") {
		return true // "Of the amount, $85 million had already been received": the amount the sentence before gives
	}
	return len(toks) > 1 && demonstratives[toks[0].Text] && !lexicon.IsStopWord(toks[1].Text)
}

var (
	subjectPronouns = lexiconSet(`he she they il elle ils elles`)
	demonstratives  = lexiconSet(`that this these those cette ces`)
)

// monthOfAnotherYear is the share of the question's weight of a month it
// asks of with a year ("in Sept 2024") that a sentence holds only beside
// other years ("until the end of September 2025"): that month is
// another.
func monthOfAnotherYear(r retrieval, w []float64, sentence string, bag termBag) float64 {
	var total, month float64
	var years []string
	for i, c := range r.asked {
		total += w[i]
		if lexicon.IsYear(c.Text) {
			years = append(years, c.Text)
		}
	}
	if len(years) == 0 || total == 0 {
		return 0
	}
	words := tokenTexts(lexicon.Tokens(sentence))
	otherYear := false
	for _, t := range words {
		if lexicon.IsYear(t) {
			if slices.Contains(years, t) {
				return 0
			}
			otherYear = true
		}
	}
	if !otherYear {
		return 0
	}
	for i, c := range r.asked {
		if lexicon.IsMonth(c.Text) && bag.holds(c) {
			month += w[i]
		}
	}
	return month / total
}

// reasonFacets are what a why or how question may ask of a thing besides
// its cause, each by the wording a reader uses (asks) and the words a
// report tells it with (tells): what it would bring or is for ("what would
// it have gained", "what is the purpose of", "what was the goal"; "which
// could secure", "aims to", "to enable"), the condition it hangs on
// ("under what conditions", "on what terms"; "only if", "subject to",
// "provided"), and the means it works or is paid for by ("by what means",
// "how is it funded", "how did they manage"; "through", "borne by
// voluntary contributions", "grâce à").
var reasonFacets = []struct{ asks, tells [][]string }{
	{asks: [][]string{{"have", "gained"}, {"would", "gain"}, {"would", "it", "gain"}, {"would", "fix"}, {"would", "that", "fix"},
		{"to", "what", "end"}, {"what", "benefit"}, {"what", "benefits"}},
		tells: [][]string{{"to", "ensure"}, {"which", "could"}, {"which", "would"}, {"could", "secure"}, {"would", "secure"},
			{"so", "that"}, {"in", "order", "to"}, {"would", "allow"}, {"to", "enable"}, {"would", "help"}, {"afin"}}},
	{asks: [][]string{{"what", "for"}, {"what", "purpose"}, {"the", "point", "of"}, {"purpose", "of"}, {"goal", "of"}, {"the", "goal"},
		{"its", "goal"}, {"aim", "of"}, {"the", "aim"}, {"its", "aim"}, {"objective"}, {"meant", "to", "achieve"}, {"supposed", "to", "achieve"},
		{"meant", "to", "do"}, {"supposed", "to", "do"}, {"designed", "to"}, {"intended", "to"}, {"set", "up", "to"}, {"objectif"}, {"but", "de"}, {"a", "quoi", "sert"}},
		tells: [][]string{{"to", "ensure"}, {"so", "that"}, {"in", "order", "to"}, {"to", "enable"}, {"afin"},
			{"aims", "to"}, {"aim", "to"}, {"aimed", "at"}, {"aiming", "to"}, {"designed", "to"}, {"intended", "to"}, {"meant", "to"},
			{"tasked", "with"}, {"mandated", "to"}, {"seeks", "to"}, {"objective"}, {"goal"}, {"vise"}, {"visant"}, {"objectif"},
			{"chargee", "de"}, {"charge", "de"}}},
	{asks: [][]string{{"under", "what", "condition"}, {"under", "what", "conditions"}, {"on", "what", "condition"},
		{"on", "what", "conditions"}, {"on", "what", "terms"}, {"under", "what", "terms"}, {"on", "what", "basis"},
		{"a", "quelle", "condition"}, {"a", "quelles", "conditions"}, {"sous", "quelles", "conditions"},
		{"need", "in", "place"}, {"needs", "in", "place"}, {"needed", "in", "place"}, {"what", "would", "it", "take"},
		{"what", "it", "would", "take"}, {"what", "would", "be", "required"}, {"what", "would", "be", "needed"},
		{"what", "is", "required"}, {"what", "was", "required"}},
		tells: [][]string{{"only", "if"}, {"if"}, {"unless"}, {"provided"}, {"providing"}, {"on", "condition"}, {"subject", "to"},
			{"on", "the", "understanding"}, {"as", "long", "as"}, {"so", "long", "as"}, {"requires"}, {"required"},
			{"a", "condition"}, {"sous", "reserve"}, {"pourvu", "que"}}},
	{asks: [][]string{{"by", "what", "means"}, {"what", "means"}, {"par", "quel", "moyen"}, {"manage", "to"}, {"managed", "to"},
		{"funded"}, {"financed"}, {"paid", "for"}, {"pay", "for"}, {"pays", "for"}, {"bankrolled"}, {"bankrolling"}, {"finance", "it"},
		{"costs", "be", "covered"}, {"cost", "be", "covered"}, {"finance"}},
		tells: [][]string{{"through"}, {"via"}, {"by", "means", "of"}, {"thanks", "to"}, {"grace", "a"}, {"using"},
			{"with", "the", "help", "of"}, {"borne", "by"}, {"funded", "by"}, {"financed", "by"}, {"paid", "for", "by"},
			{"voluntary", "contributions"}, {"voluntary", "fund"}, {"par", "le", "biais"}, {"au", "moyen"},
			// "how did the first officers manage to get there": by air.
			{"airplane"}, {"plane"}, {"aircraft"}, {"flight"}, {"flew"}, {"aboard"}, {"avion"}, {"vol"}}},
	// "What were their gripes?": a grievance is told by what it was
	// over ("resigned due to pay delays"), not by the deed it led to.
	{asks: [][]string{{"their", "gripes"}, {"the", "gripes"}, {"their", "grievances"}, {"their", "complaints"}, {"their", "beef"},
		{"complain", "about"}, {"complained", "about"}, {"complaining", "about"}, {"unhappy", "about"}, {"upset", "about"},
		{"leurs", "griefs"}, {"leurs", "plaintes"}, {"se", "plaignaient"}},
		tells: [][]string{{"due", "to"}, {"because", "of"}, {"citing"}, {"complained"}, {"complaining"}, {"protesting"},
			{"in", "protest"}, {"en", "raison"}, {"a", "cause"}}},
	// "How does the MSS sort the complaints": a sorting is told by its
	// classes ("are categorised as either ..."), not by the office that
	// receives them.
	{asks: [][]string{{"sort"}, {"sorts"}, {"classify"}, {"classifies"}, {"categorise"}, {"categorises"}, {"categorize"},
		{"categorizes"}, {"classer"}, {"classe"}},
		tells: [][]string{{"categorised"}, {"categorized"}, {"classified"}, {"categories"}, {"category"}, {"divided", "into"},
			{"grouped", "into"}, {"sorted", "into"}, {"split", "into"}, {"as", "either"}, {"classees"}, {"classes", "en"}}},
}

// facetTells are the words that tell what the question asks of its
// thing besides a cause (reasonFacets), none when it asks nothing so or
// asks "why" outright: "why is the mission funded by states" asks a cause.
func facetTells(question string) [][]string {
	if holdsRun(question, plainWhy) {
		return nil
	}
	var out [][]string
	for _, f := range reasonFacets {
		if holdsRun(question, f.asks) {
			out = append(out, f.tells...)
		}
	}
	return out
}

// plainWhy ask for a cause outright.
var plainWhy = [][]string{{"why"}, {"pourquoi"}, {"how", "come"}}

// causeCoverage is the share of the question a sentence stating a cause
// must hold to gain all of causeBonus.
const causeCoverage = 0.3

// causeGain is what a sentence stating a cause ("due to the urban combat
// nature of it", or by a shortcoming, "faced chronic underfunding") gains
// for a "why", holding the share cov of the
// question: a cause in a sentence holding little of it is another
// thing's ("held due to the presidential directive").
func causeGain(sentence string, cov float64) float64 {
	if !tellsCause(sentence) {
		return 0
	}
	return causeBonus * min(1, cov/causeCoverage)
}

// claimSpan is how many sentences from the claim a cause may stand and
// still be of it; claimShare, the share of the question a sentence must
// hold to be the claim.
const (
	claimSpan  = 4
	claimShare = 0.6
)

// claimCredit is what the sentence at of a passage, which tells a cause,
// gains for a "why" from the claim before it: referredShare of what the
// passage's best sentence up to claimSpan before it adds to its words, when that
// one holds claimShare of the question and it does not. Reports tell the event, then
// what led to it ("authorized a new force to replace the mission ...
// The mission faced chronic underfunding"), and the cause rarely repeats
// the question's words.
func claimCredit(r retrieval, w []float64, bags []termBag, at int) float64 {
	own := askedCoverage(bags[at], r.asked, w)
	if own >= claimShare {
		return 0 // a claim itself: "... referring to the already underfunded force" is no cause of the freeze it reports
	}
	best := 0.0
	for k := max(at-claimSpan, 0); k < at; k++ {
		if askedCoverage(bags[k], r.asked, w) < claimShare {
			continue
		}
		best = max(best, askedCoverage(unionBag(bags[k], bags[at]), r.asked, w)-own)
	}
	return referredShare * best
}

// referredShare is how much of what the sentence before adds a sentence
// pointing back to it is credited with.
const referredShare = 0.5

// pickRest picks the best candidate, then up to two more that score
// nearly as well and add something.
func pickRest(r retrieval, w []float64, cands []sentenceCandidate) []sentenceCandidate {
	picked := []sentenceCandidate{cands[0]}
	covered := func(c lexicon.Concept) bool {
		for _, p := range picked {
			if p.shownBag().Has(c) {
				return true
			}
		}
		return false
	}
	usedDoc := func(id string) bool {
		for _, p := range picked {
			if r.hits[p.hit].DocID == id {
				return true
			}
		}
		return false
	}
	newness := hitNewness(r)
	for _, c := range cands[1:] {
		if len(picked) == maxSentences(r) {
			break
		}
		if c.score < followShare*picked[0].score {
			break // sorted: nothing later scores enough
		}
		// Being newer chose the lead; a further sentence of a newer
		// report must score enough without that edge, else the answer's
		// date is of a report that does not answer.
		if c.score-presentBonus*max(newness[c.hit]-newness[picked[0].hit], 0) < followShare*picked[0].score {
			continue
		}
		if at := slices.IndexFunc(picked, func(p sentenceCandidate) bool { return goesOn(r, p, c) }); at >= 0 && withinBudget(picked, picked[at], c) {
			// A cause or a manner is told over a few sentences of one
			// report ("The court blocked the deployment. ... The judge
			// ruled that the council lacked the authority"): the
			// passage goes on, whatever words it adds.
			picked[at] = joined(r, picked[at], c)
			continue
		}
		doc := r.hits[c.hit].DocID
		if usedDoc(doc) && sameDocFactor*c.score < followShare*picked[0].score {
			continue
		}
		adds := !usedDoc(doc) || r.kind == TypeReason && tellsGround(r, c)
		for i, ac := range r.asked {
			if w[i] > 0 && c.shownBag().Has(ac) && !covered(ac) {
				adds = true
			}
		}
		if !adds || nearDuplicate(c, picked) {
			continue
		}
		if at := slices.IndexFunc(picked, func(p sentenceCandidate) bool { return overlaps(p, c) }); at >= 0 {
			// "A. B." and "B. C." quote "A. B. C.", not B twice; the
			// sentence that answers best still opens the answer, so "Z.
			// A." after "A. B." is left out, not quoted beside it.
			if c.from >= picked[at].from {
				picked[at] = joined(r, picked[at], c)
			}
			continue
		}
		picked = append(picked, c)
	}
	return picked
}

// overlaps reports two candidates of one hit that quote a sentence in
// common.
func overlaps(a, b sentenceCandidate) bool {
	return a.hit == b.hit && a.from <= b.to && b.from <= a.to
}

// maxSpan is the most sentences of one report a quote runs over.
const maxSpan = 4

// goesOn reports, for a "why" or a "how", a candidate that continues a
// picked one's passage: of the same hit, beside or over its sentences,
// with a sentence it lacks.
func goesOn(r retrieval, p, c sentenceCandidate) bool {
	if r.kind != TypeReason && r.kind != TypeManner || p.hit != c.hit {
		return false
	}
	from, to := min(p.from, c.from), max(p.to, c.to)
	return c.from <= p.to+1 && p.from <= c.to+1 && (c.to > p.to || c.from < p.from) && to-from < maxSpan
}

// quoteGoesOn lets, for "what did X say", each picked sentence run on
// into the sentences after it that the same speaker says, told by a
// pronoun ("He added that ...", "... rest", he clarified): what was said
// is the whole of it, not its first sentence.
func quoteGoesOn(r retrieval, picked []sentenceCandidate) []sentenceCandidate {
	if !saidAsked.MatchString(r.question) {
		return picked
	}
	for i, p := range picked {
		sents, bags := r.an.of(r.hits[p.hit])
		for p.to+1 < len(sents) && pronounSaid.MatchString(sents[p.to+1]) && withinBudget(picked, p, spanned(p, sents, bags, p.from, p.to+1)) {
			p = spanned(p, sents, bags, p.from, p.to+1)
			picked[i] = p
		}
	}
	return picked
}

// quotesEachPart lets, for a part of a two-part question that asks what
// a person said or warned ("what warning did conille give the gangs"),
// the picked sentence naming that person run on into the next sentence of
// its passage when it quotes no words itself and the next one does and
// names the person: "... Conille ... issued a warning to those wreaking
// havoc. “We will reclaim control of the country ...,” Conille said".
func quotesEachPart(r retrieval, picked []sentenceCandidate) []sentenceCandidate {
	parts := subQueries(r.query)
	if len(parts) < 2 {
		return picked
	}
	var persons map[string]bool // read once a part asks what was said
	for _, part := range parts {
		if !asksSpeech(part) {
			continue
		}
		if persons == nil {
			persons = personWordsFound(r)
		}
		var speaker []string
		for _, t := range lexicon.Tokens(part) {
			if persons[t.Text] && !lexicon.IsStopWord(t.Text) {
				speaker = append(speaker, t.Text)
			}
		}
		if len(speaker) == 0 {
			continue
		}
		named := func(text string) bool {
			toks := tokenTexts(lexicon.Tokens(text))
			return slices.ContainsFunc(speaker, func(w string) bool { return slices.Contains(toks, w) })
		}
		for i, p := range picked {
			sents, bags := r.an.of(r.hits[p.hit])
			shown := strings.Join(sents[p.from:p.to+1], " ")
			if !named(shown) || quotesWords(shown) || p.to+1 >= len(sents) {
				continue
			}
			if next := sents[p.to+1]; quotesWords(next) && named(next) {
				if c := spanned(p, sents, bags, p.from, p.to+1); withinBudget(picked, p, c) {
					picked[i] = c
				}
			}
			break
		}
	}
	return picked
}

// asksSpeech reports a part asking what was said: "what did X say",
// "what warning did X give".
func asksSpeech(part string) bool {
	if saidAsked.MatchString(part) {
		return true
	}
	toks := tokenTexts(lexicon.Tokens(part))
	return len(toks) > 1 && (toks[0] == "what" || toks[0] == "which") && speechHeads[toks[1]]
}

// speechHeads name words spoken: "what warning", "what message".
var speechHeads = lexiconSet(`warning warnings message messages statement remarks words promise vow appeal plea pledge threat avertissement declaration`)

// quotesWords reports a text with a mark that opens or closes words quoted.
func quotesWords(text string) bool { return strings.ContainsAny(text, `"“”«»`) }

// pronounSaid marks a sentence that a speaker named before goes on
// saying: "he added", "she clarified".
var pronounSaid = regexp.MustCompile(`(?i)\b(?:he|she|il|elle)\s+(?:also\s+)?(?:said|added|clarified|explained|noted|stressed|insisted|continued|a ajouté|a précisé)\b|\b(?:said|added)\s+(?:he|she)\b`)

// maxQuoted is the most sentences an answer quotes in all when a passage
// goes on: a cause told over a few sentences, not the whole report (5
// kept every key fact of 6 and cut why/how answers from 200 to 182 words).
const maxQuoted = 5

// withinBudget reports whether p going on to c's sentences keeps the
// answer within maxQuoted sentences.
func withinBudget(picked []sentenceCandidate, p, c sentenceCandidate) bool {
	n := 0
	for _, q := range picked {
		n += q.to - q.from + 1
	}
	return n+max(p.to, c.to)-min(p.from, c.from)-(p.to-p.from) <= maxQuoted
}

// joined is p quoting c's sentences too, of the same hit.
func joined(r retrieval, p, c sentenceCandidate) sentenceCandidate {
	sents, bags := r.an.of(r.hits[c.hit])
	return spanned(p, sents, bags, min(p.from, c.from), max(p.to, c.to))
}

// asksForTwo reports a question that asks for two things of one kind
// ("both officers", "the two Kenyan officers"): one more sentence.
func asksForTwo(q string) bool {
	return slices.ContainsFunc(lexicon.Tokens(q), func(t lexicon.Token) bool { return twoWords[t.Text] })
}

// twoWords ask for two of a kind: "both officers", "the two figures".
var twoWords = lexiconSet(`both two deux`)

// maxSentences is how many sentences an extractive answer quotes: one
// more where the question asks about two things (each needs its own
// report) or asks why or how (a cause is rarely one sentence).
func maxSentences(r retrieval) int {
	if r.kind == TypeReason || r.kind == TypeManner || len(subQueries(r.query)) > 0 || asksForTwo(r.question) {
		return maxExtractedWide
	}
	return maxExtracted
}

// hitNewness places each hit's document between the oldest (0) and the
// newest (1) dated one retrieved, for a question about the present; for
// other questions, and undated documents, it is 0.
func hitNewness(r retrieval) []float64 {
	out := make([]float64, len(r.hits))
	if !r.present {
		return out
	}
	oldest, newest := publishedSpan(r.hits)
	if !newest.After(oldest) {
		return out
	}
	for i, h := range r.hits {
		if d := h.Doc.Published; !d.IsZero() {
			out[i] = float64(d.Sub(oldest)) / float64(newest.Sub(oldest))
		}
	}
	return out
}

// askedWeights weighs each concept of the question (aligned with
// r.asked) by how rare it is among the sentences of the retrieved passages:
// words every sentence holds say little. Topic names count less; other
// names in the question (people, places, bodies) count more unless most
// passages hold them: "How much did Washington commit" wants the sentence
// about Washington.
func askedWeights(r retrieval) []float64 { return weights(r, false) }

// gateWeights weigh the question's concepts by how rare they are in the
// whole corpus, when the store can count: the relevance gate then does
// not depend on which passages came sixth, and a word every report uses
// ("Kenyan", "police") weighs little against the one that matters.
// Choosing sentences keeps askedWeights, rarity among the passages found,
// which tells them apart better (measured: key fact 0.72 against 0.66).
func gateWeights(r retrieval) []float64 { return weights(r, true) }

func weights(r retrieval, byCorpus bool) []float64 {
	var bags []termBag
	for _, h := range r.hits {
		_, b := r.an.of(h)
		bags = append(bags, b...)
	}
	names := r.an.namedSet(r.question)
	n := float64(len(bags))
	w := make([]float64, len(r.asked))
	for i, c := range r.asked {
		df, hits := 0.0, 0
		for _, b := range bags {
			if b.meets(c) {
				df++
			}
		}
		for _, h := range r.hits {
			_, hb := r.an.of(h)
			for _, b := range hb {
				if b.meets(c) {
					hits++
					break
				}
			}
		}
		all := n
		if byCorpus && r.corpusDF != nil {
			all, df = float64(r.corpusN), float64(r.corpusDF[i])
		}
		w[i] = math.Log(1 + (all-df+0.5)/(df+0.5))
		switch {
		case c.Glossary:
			w[i] *= glossaryFactor
		case names[c.Text] && 2*hits <= len(r.hits):
			w[i] *= nameWeight
		}
	}
	return w
}

// askedCoverage is the weighted share of the question's concepts that a
// sentence holds, a related word counting relatedShare.
func askedCoverage(bag termBag, asked []lexicon.Concept, w []float64) float64 {
	var total, got float64
	for i, c := range asked {
		total += w[i]
		switch {
		case bag.holds(c):
			got += w[i]
		case bag.Has(c):
			got += relatedShare * w[i]
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// scoped is the share of the question's weight that a report's
// identifying numbers hold for each of its sentences: "who drafted
// resolution 2699" is answered by "The resolution was drafted by the
// United States and Ecuador" in the report on 2699.
type scoped struct {
	numbers []lexicon.Concept
	weights []float64
	total   float64
}

// scopedNumbers returns the question's numbers that are not years, of
// those some bag of the report holds.
func scopedNumbers(asked []lexicon.Concept, w []float64, report []termBag) scoped {
	var s scoped
	for i, c := range asked {
		s.total += w[i]
		if lexicon.IsNumber(c.Text) && !lexicon.IsYear(c.Text) && anyHolds(report, c) {
			s.numbers, s.weights = append(s.numbers, c), append(s.weights, w[i])
		}
	}
	return s
}

// share is the weight of the scoped numbers a sentence does not hold
// itself, as a share of the question's.
func (s scoped) share(bag termBag) float64 {
	var got float64
	for i, c := range s.numbers {
		if !bag.holds(c) {
			got += s.weights[i]
		}
	}
	if s.total == 0 {
		return 0
	}
	return got / s.total
}

// nearDuplicate reports a sentence most of whose words an already picked
// sentence holds (two notes telling the same fact the same way).
func nearDuplicate(c sentenceCandidate, picked []sentenceCandidate) bool {
	terms := contentTerms(c.text)
	if len(terms) == 0 {
		return true
	}
	for _, p := range picked {
		n := 0
		for _, t := range terms {
			if p.bag.has(t) {
				n++
			}
		}
		if float64(n) >= 0.7*float64(len(terms)) {
			return true
		}
	}
	return false
}

// maxClosest is how many passages an abstention lists.
const maxClosest = 3

// abstain says the corpus does not hold the answer, lists the closest
// passages found and suggests how to ask again.
func (a *Answerer) abstain(ans Answer, r retrieval, missing []string, note string) Answer {
	ans.Mode, ans.Note, ans.AsOf = ModeAbstained, note, nil
	ans.Citations = []Citation{}
	seen := map[string]bool{}
	for i, h := range r.hits {
		if len(ans.Citations) == maxClosest {
			break
		}
		if seen[h.DocID] {
			continue
		}
		seen[h.DocID] = true
		c := citationFor(h, len(ans.Citations)+1)
		c.Quote = bestQuote(r, map[int]bool{i: true}, nil)
		ans.Citations = append(ans.Citations, c)
	}
	switch {
	case note == NoteNoQuestion:
		ans.Text = fmt.Sprintf("Ask a question about %s.", a.cfg.Topic)
	case len(ans.Citations) > 0:
		ans.Text = "The corpus does not hold the answer to this question. The closest passages found are listed as sources; they do not answer it."
	default:
		ans.Text = "The corpus does not hold the answer to this question: no passage in it matches."
	}
	ans.Suggestions = a.suggestions(missing)
	return ans
}

func (a *Answerer) suggestions(missing []string) []string {
	var out []string
	if len(missing) > 0 {
		quoted := make([]string, 0, 3)
		for _, m := range missing[:min(3, len(missing))] {
			quoted = append(quoted, strconv.Quote(m))
		}
		out = append(out, fmt.Sprintf("No passage found mentions %s: try the words or names the sources would use.", strings.Join(quoted, ", ")))
	}
	if len(a.cfg.Aliases) > 0 && len(a.cfg.Aliases[0]) > 1 {
		out = append(out, fmt.Sprintf("Names change over time: try %s.", strings.Join(a.cfg.Aliases[0], ", ")))
	}
	for _, e := range a.cfg.Examples[:min(2, len(a.cfg.Examples))] {
		out = append(out, fmt.Sprintf("For example: %q", e))
	}
	if len(out) == 0 {
		out = append(out, fmt.Sprintf("Ask about %s, naming the people, places or dates you mean.", a.cfg.Topic))
	}
	return out
}

// attribution is the question's words that name who tells the answer
// ("according to Crisis Group", "per that intel brief", "selon l'ONU"),
// the attributing word first: the outlet a report's source line names,
// not words its sentences must hold.
func attribution(question string) []string {
	from, to := attributionSpan(question)
	if from < 0 {
		return nil
	}
	words := tokenTexts(lexicon.Tokens(question[from:to]))
	if len(words) > 1 && words[0] == "according" && words[1] == "to" {
		words = append(words[:1], words[2:]...)
	}
	return words
}

// attributionSpan returns where the question's attribution runs, from its
// attributing word to the next comma or question mark; -1, -1 when it has
// none.
func attributionSpan(question string) (from, to int) {
	toks := lexicon.Tokens(question)
	words := tokenTexts(toks)
	at := runIndex(words, []string{"according", "to"})
	for _, passive := range passiveTold {
		// "the ceiling reported by UN News": the outlet follows its "by".
		if i := runIndex(words, passive); at < 0 && i >= 0 {
			at = i + 1
		}
	}
	if at < 0 {
		for i, w := range words {
			// "per Crisis Group" opens the question or follows a comma:
			// "officers per contingent", "per month" divide.
			// "displaced per the legalbrief story": a "per" before a
			// determiner names who tells, wherever it stands.
			opens := i == 0 || strings.Contains(question[toks[i-1].End:toks[i].Start], ",") || i+1 < len(words) && determiners[words[i+1]]
			if (w == "per" || w == "selon") && opens && i+1 < len(words) && !lexicon.IsNumber(words[i+1]) && !perUnits[words[i+1]] {
				at = i
				break
			}
		}
	}
	if at < 0 {
		return toldSpan(toks)
	}
	if at+1 >= len(toks) {
		return -1, -1
	}
	from, to = toks[at].Start, len(question)
	if end := strings.IndexAny(question[from:], ",;?？"); end >= 0 {
		to = from + end
	}
	return from, to
}

// toldSpan returns where "what did [the north africa post] say ...",
// "what [un news] said ..." names who tells the answer, from the
// question word (the attributing word) to the verb of telling; -1, -1
// when it does not. After a question of a few words ("how many personnel
// did [the ayiti intel brief] say", "by when did ..."), the span opens at
// the auxiliary.
func toldSpan(toks []lexicon.Token) (from, to int) {
	for i, t := range toks {
		if !joinedQuestionWords[t.Text] || i+2 >= len(toks) {
			continue
		}
		verbs, start, from := toldVerbs, i+1, t.Start // "what un news said"
		for k := i + 1; k < min(len(toks)-1, i+1+maxCueWords); k++ {
			if tellingAuxiliaries[toks[k].Text] {
				verbs, start = tellVerbs, k+1 // "what did the north africa post say"
				if k > i+1 {
					from = toks[k].Start
				}
				break
			}
		}
		for j := start + 1; j < min(len(toks), start+1+maxSourceWords); j++ {
			if verbs[toks[j].Text] {
				return from, toks[j].Start
			}
		}
	}
	return -1, -1
}

// maxCueWords bounds the words of a question before the auxiliary of its
// telling verb: "how many displaced people did".
const maxCueWords = 4

var (
	tellingAuxiliaries = lexiconSet(`did does do`)
	tellVerbs          = lexiconSet(`say report write cite quote estimate`)
	toldVerbs          = lexiconSet(`said reported wrote cited quoted estimated`)
)

// passiveTold name who told a figure after it: "reported by UN News".
var passiveTold = [][]string{{"reported", "by"}, {"cited", "by"}, {"given", "by"}, {"quoted", "by"}}

// perUnits follow a "per" that divides, not one that attributes.
var perUnits = lexiconSet(`cent month months year years day days week weeks officer officers person head capita hour`)

// sourceCredit is the share of the question's weight that a report's
// source line answers for each of its sentences: when the outlet the
// question attributes the answer to is the report's ("International
// Crisis Group"), its words, and the attributing word, count for every
// sentence of it that does not hold them.
func sourceCredit(r retrieval, w []float64, h document.Hit) func(termBag) float64 {
	named := attribution(r.question)
	if len(named) == 0 || h.Doc.Source == "" {
		return func(termBag) float64 { return 0 }
	}
	src := r.an.bag(h.Doc.Source, "en")
	var credited []int
	var total, namedW, metW float64
	for i, c := range r.asked {
		total += w[i]
		if !slices.Contains(named, c.Text) || c.Text == named[0] {
			continue
		}
		namedW += w[i]
		if src.meets(c) {
			metW += w[i]
			credited = append(credited, i)
		}
	}
	if total == 0 || namedW == 0 || 2*metW < namedW {
		return func(termBag) float64 { return 0 }
	}
	if cue := slices.IndexFunc(r.asked, func(c lexicon.Concept) bool { return c.Text == named[0] }); cue >= 0 {
		credited = append(credited, cue)
	}
	return func(bag termBag) float64 {
		var got float64
		for _, i := range credited {
			if !bag.holds(r.asked[i]) {
				got += w[i]
			}
		}
		return got / total
	}
}

// groundCues mark a sentence that tells why a thing happened without a
// word saying so: a shortcoming ("faced chronic underfunding,
// insufficient personnel"), a condition ("can only send officers if both
// countries have a reciprocal agreement"), a threat ("had threatened to
// impose their veto"), an obstacle ("restrictions that prevented direct
// pursuit of armed gangs").
var groundCues = [][]string{{"underfunding"}, {"underfunded"}, {"insufficient"}, {"shortage"}, {"shortages"}, {"shortfall"},
	{"struggled"}, {"constraints"}, {"unable"}, {"failed", "to"}, {"only", "if"}, {"if", "both"}, {"unless"}, {"until", "it", "has"},
	{"threatened"}, {"veto"}, {"challenges"}, {"restrictions"}, {"limitations"}, {"prevented"}, {"hampered"}, {"obstacles"}, {"hurdles"},
	// A deed set in a larger drive ("the funding freeze comes as part of
	// a push to slash overseas aid") has that drive for its cause; the
	// sentence names the claim by a noun, not the question's words.
	{"comes", "as", "part", "of"}, {"came", "as", "part", "of"}, {"coming", "as", "part", "of"}}

// mannerCues mark, more loosely, what those a thing befell were doing or
// what held it back ("dispatched to recover a vehicle", "attacked during
// the recovery", "limited operational capacity"): beside the event, not
// in place of it.
var mannerCues = [][]string{{"limited"}, {"dispatched", "to"}, {"sent", "to", "recover"}, {"during", "the"}, {"ambushed"}, {"ambush"},
	{"in", "an", "attack"}, {"while", "on"}}

// statesGround reports a sentence that tells a cause (for a "why", by a
// cue word too) or a manner, by what it tells (groundCues, mannerCues):
// "because of the dangers they face" is no account of how an officer was
// killed.
func statesGround(kind AnswerType, sentence string) bool {
	sentence = withoutConcession(sentence)
	return kind == TypeReason && statesCause(sentence) || holdsRun(sentence, groundCues) || holdsRun(sentence, mannerCues)
}

// concessionRE matches a conceded clause, from its cue to the next
// comma, semicolon or stop: "delivered results despite financial
// constraints" tells what happened in spite of them, not a cause.
var concessionRE = regexp.MustCompile(`(?i)\b(?:despite|in spite of|notwithstanding|regardless of|malgré|en dépit d[eu'’])[^,;.]*`)

// withoutConcession is the sentence without its conceded clauses and
// shortcomings told as a thing's description (describedShortcomingRE).
func withoutConcession(sentence string) string {
	return describedShortcomingRE.ReplaceAllString(concessionRE.ReplaceAllString(sentence, ""), "")
}

// describedShortcomingRE matches a shortcoming worn as an adjective before
// its noun: "referring to the already underfunded Kenya-led force" names
// the force, and tells no cause of the freeze beside it; "the mission was
// underfunded" still does.
var describedShortcomingRE = regexp.MustCompile(`(?i)\b(?:the|an?|its|their|this|that)\s+(?:already\s+|\w+ly\s+)?under-?funded\b`)

// tellsCause reports a sentence that tells a cause outright or by a
// shortcoming, a condition or a threat (groundCues; not the looser
// mannerCues).
func tellsCause(sentence string) bool {
	sentence = withoutConcession(sentence)
	return statesCause(sentence) || holdsRun(sentence, groundCues)
}

// tellsGround reports a candidate quoting a sentence that tellsCause.
func tellsGround(r retrieval, c sentenceCandidate) bool {
	sents, _ := r.an.of(r.hits[c.hit])
	return slices.ContainsFunc(sents[c.from:c.to+1], tellsCause)
}

// leadGroundSpan is how many sentences before or after the best one a
// cause or a manner may stand and still be quoted with it.
const leadGroundSpan = 3

// groundFromLead answers a "why" or a "how" whose best sentence tells
// the event but not its cause or manner with the sentence of the same
// passage, a few sentences away, that tells it: the cause of a
// replacement is told three sentences after it ("The MSS faced chronic
// underfunding, insufficient personnel ..."), the errand of an officer
// killed two before the death. That sentence rarely repeats the
// question's words, so it scores too little to be picked by itself.
func groundFromLead(r retrieval, w []float64, picked, cands []sentenceCandidate) []sentenceCandidate {
	if r.kind != TypeReason && r.kind != TypeManner || len(picked) == 0 {
		return picked
	}
	lead := picked[0]
	sents, bags := r.an.of(r.hits[lead.hit])
	for i := lead.from; i <= lead.to; i++ {
		if statesGround(r.kind, sents[i]) {
			return picked // the lead tells it
		}
	}
	for _, c := range cands { // best first
		if c.hit != lead.hit || c.at < lead.from-leadGroundSpan || c.at > lead.to+leadGroundSpan || !statesGround(r.kind, c.text) || askedCoverage(c.shownBag(), r.asked, w) == 0 {
			continue
		}
		if slices.ContainsFunc(picked, func(p sentenceCandidate) bool { return p.hit == c.hit && p.from <= c.at && c.at <= p.to }) {
			return picked // quoted already
		}
		if c.from <= lead.to+1 && lead.from <= c.to+1 && max(lead.to, c.to)-min(lead.from, c.from) < maxSpan {
			out := slices.Clone(picked)
			out[0] = spanned(lead, sents, bags, min(lead.from, c.from), max(lead.to, c.to))
			return out
		}
		out := append([]sentenceCandidate{lead, c}, picked[1:]...)
		return out[:min(len(out), maxSentences(r))]
	}
	return groundLeads(r, w, picked)
}

// namesTheDoer answers a "who" whose lead quote names no person with the
// sentence of the lead's passage, a few sentences after it, that names
// one and holds a word of the question: "The MSS says a Kenyan police
// was killed on Tuesday ... After initially being reported as missing,
// the MSS later confirmed that an officer by the name of ... had died".
// Reports tell the deed first and the name after; that sentence rarely
// repeats the question's words, so it scores too little to be picked.
func namesTheDoer(r retrieval, w []float64, slot answerSlot, picked, cands []sentenceCandidate) []sentenceCandidate {
	if len(picked) == 0 || r.kind != TypeWho && r.kind != TypeOther || !slot.person && !slot.role {
		return picked
	}
	lead := picked[0]
	sents, bags := r.an.of(r.hits[lead.hit])
	if slices.ContainsFunc(sents[lead.from:lead.to+1], hasPersonName) {
		return picked // the lead names someone
	}
	for _, c := range cands { // best first
		if c.hit != lead.hit || c.at <= lead.to || c.at > lead.to+leadGroundSpan || !hasPersonName(sents[c.at]) || isSourceList(sents[c.at]) || askedCoverage(bags[c.at], r.asked, w) == 0 {
			continue
		}
		out := append([]sentenceCandidate{lead, c}, picked[1:]...)
		return out[:min(len(out), maxSentences(r))]
	}
	return picked
}

// groundLeads opens a "why" whose best sentence tells no cause, nor does
// its passage nearby, with a further quote that tells one outright or by
// a shortcoming, a condition or a threat (not the looser mannerCues) and
// holds as much of the question as a cause must (causeCoverage): "The United States had decided to put on hold a draft
// resolution ... China and Russia had threatened to impose their veto".
func groundLeads(r retrieval, w []float64, picked []sentenceCandidate) []sentenceCandidate {
	if r.kind != TypeReason {
		return picked // a manner is told in too many ways to tell by a cue which quote holds it
	}
	for i, p := range picked[1:] {
		ps, _ := r.an.of(r.hits[p.hit])
		tells := slices.ContainsFunc(ps[p.from:p.to+1], tellsCause)
		if tells && askedCoverage(p.shownBag(), r.asked, w) >= causeCoverage {
			return append([]sentenceCandidate{p}, slices.Delete(slices.Clone(picked), i+1, i+2)...)
		}
	}
	return picked
}
