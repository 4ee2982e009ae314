package brief

import (
	"slices"
	"strings"

	"github.com/mss-brief/briefbot/internal/lexicon"
)

// referringWords put a numbered act to a sentence as its ground, not as
// news of it: "the force authorized under UNSC Resolution 2793", "the
// office established by Resolution 2793", "créé par la résolution 2793".
var referringWords = lexiconSet(`under by pursuant per following sous par conformement vertu`)

// labelBodyWords may stand between a referring word and the label, written
// in lower case in a body's name ("by UN security Council Resolution").
var labelBodyWords = lexiconSet(`the un unsc security council nations united general assembly`)

// labelDeterminers open a noun phrase naming the label.
var labelDeterminers = lexiconSet(`the this that its la le les cette`)

// labelDeeds splits the numbers a sentence gives the label (resolution)
// into those it tells of as an act ("the UNSC adopted Resolution 2793")
// and those it only refers to as the ground of something else ("the force
// authorized under Resolution 2793").
func labelDeeds(an *analysis, sentence, lang string, label lexicon.Concept) (deeds, refs []string) {
	toks := lexicon.Tokens(sentence)
	for i := range toks {
		at := labelAt(sentence, toks, i)
		if at < 0 || !lexicon.IsNumber(toks[i].Text) || !an.bag(sentence[toks[at].Start:toks[at].End], lang).meets(label) {
			continue
		}
		j := at - 1
		for j >= 0 && (capitalised(sentence, toks[j]) || labelBodyWords[toks[j].Text]) {
			j--
		}
		// "under the adopted Resolution 2793": a participle after a
		// determiner describes the resolution, it tells no act.
		if j > 0 && strings.HasSuffix(toks[j].Text, "ed") && labelDeterminers[toks[j-1].Text] {
			j -= 2
		}
		if j >= 0 && referringWords[toks[j].Text] {
			refs = append(refs, toks[i].Text)
		} else {
			deeds = append(deeds, toks[i].Text)
		}
	}
	return deeds, refs
}

// deedOverMention answers "what is the most recent resolution authorizing
// the force" from the report of the act, not from a later report that
// names it in passing ("the force authorized under Resolution 2793
// currently deploys ..."): that report is newer, but it is no news of the
// resolution, and it would date the answer to its own day. When the
// first picked sentence that numbers the label only refers to the number,
// the newest primary report's sentence telling that number as an act
// leads instead, and the picked sentences that only refer to it are left
// out.
func deedOverMention(r retrieval, w []float64, slot answerSlot, picked, cands []sentenceCandidate) []sentenceCandidate {
	if !r.present || slot.kind != TypeOther || len(picked) == 0 {
		return picked
	}
	label, ok := askedLabel(r, slot)
	if !ok {
		return picked
	}
	deedsOf := func(c sentenceCandidate) ([]string, []string) {
		return labelDeeds(r.an, c.text, r.hits[c.hit].Doc.Lang, label)
	}
	// The first picked sentence that numbers the label: the answer's.
	first := slices.IndexFunc(picked, func(p sentenceCandidate) bool {
		ds, rs := deedsOf(p)
		return len(ds)+len(rs) > 0
	})
	if first < 0 {
		return picked
	}
	deeds, refs := deedsOf(picked[first])
	if len(deeds) > 0 || len(refs) != 1 {
		return picked
	}
	number := refs[0]
	deed, ok := newestDeed(r, w, cands, func(c sentenceCandidate) bool {
		ds, _ := deedsOf(c)
		return slices.Contains(ds, number)
	})
	if !ok {
		return picked
	}
	out := []sentenceCandidate{deed}
	for _, p := range picked {
		if p.text == deed.text {
			continue
		}
		if ds, rs := deedsOf(p); len(ds) == 0 && slices.Contains(rs, number) {
			continue // a mention in passing dates nothing
		}
		out = append(out, p)
	}
	return out[:min(len(out), maxSentences(r))]
}

// newestDeed returns, of the candidates and then every sentence of the
// hits, the first of the newest primary report's that tells the act
// (tells) and holds a word of the question; false when none does.
func newestDeed(r retrieval, w []float64, cands []sentenceCandidate, tells func(sentenceCandidate) bool) (sentenceCandidate, bool) {
	pool := slices.Clone(cands)
	for i, h := range r.hits {
		sents, bags := r.an.of(h)
		for j := range sents {
			pool = append(pool, sentenceAt(i, j, sents, bags))
		}
	}
	best := -1
	for i, c := range pool {
		d := r.hits[c.hit].Doc
		if isBundled(d) || d.Published.IsZero() || isSourceList(c.text) || askedCoverage(c.bag, r.asked, w) == 0 || !tells(c) {
			continue
		}
		if best < 0 || d.Published.After(r.hits[pool[best].hit].Doc.Published) {
			best = i
		}
	}
	if best < 0 {
		return sentenceCandidate{}, false
	}
	return pool[best], true
}

// askedLabel is the label of the numbered thing a "which" or "what" asks
// for: the slot's, or the question's own label word when the slot's thing
// is the deed ("which resolution currently authorizes the GSF").
func askedLabel(r retrieval, slot answerSlot) (lexicon.Concept, bool) {
	for _, list := range [][]lexicon.Concept{slot.which, r.asked} {
		if i := slices.IndexFunc(list, func(c lexicon.Concept) bool { return numberLabels[c.Text] }); i >= 0 {
			return list[i], true
		}
	}
	return lexicon.Concept{}, false
}

// asksForPerson reports a "who" question that asks for a person, not a
// country or a body: "which country", "which organisation" and "whose
// officers" (whose force, a country's) do not; "who", "which official"
// and "whose idea" do. A quote naming a person does not date the answer
// to the others.
func asksForPerson(r retrieval) bool {
	p := askPhrase(r.question)
	if len(p.cue) == 0 {
		return true
	}
	switch p.cue[0] {
	case "which", "what", "quel", "quels":
		return len(p.cue) > 1 && p.cue[1] == "official"
	case "whose":
		return r.an == nil || !namesForce(r.an.lex, p.head)
	}
	return true
}

// forceGroups are words whose paraphrase groups name a force's members.
var forceGroups = []string{"troops", "police"}

// namesForce reports a word that names a force's members ("officers",
// "soldiers", "contingent"): it shares a paraphrase group with troops or
// police.
func namesForce(lex *lexicon.Analyzer, word string) bool {
	if word == "" {
		return false
	}
	q := lex.Query(word)
	if len(q) == 0 {
		return false
	}
	for _, g := range forceGroups {
		for _, c := range lex.Query(g) {
			if slices.ContainsFunc(q[0].Related, func(g string) bool { return slices.Contains(c.Related, g) }) || slices.Equal(q[0].Forms, c.Forms) {
				return true
			}
		}
	}
	return false
}

// deedNounEnds mark a deed written as a noun: "the resignation of",
// "the appointment of", "the arrival of", "the departure of".
var deedNounEnds = []string{"tion", "sion", "ment", "al", "ure"}

// doerArticles may stand between a deed's "of" and its doer: "the
// resignation of [the] Prime Minister".
var doerArticles = lexiconSet(`the a its their his her le la les l du des`)

// deedOfOtherDoer reports a sentence that tells a deed the question asks
// ("walk away from the job", "resign") only as a noun whose doer, named
// after its "of", is a person or a role the question does not name: "the
// resignation of the Prime Minister of Haiti" is no resignation of the
// Kenyan recruits asked of. The deed must be in the question in other
// words (a verb, a reader's idiom): "the government of Prime Minister
// Conille" is the government asked of, not a deed. own is the question's
// words (wordSet), built once for all its sentences.
func deedOfOtherDoer(an *analysis, sentence, lang string, asked []lexicon.Concept, own map[string]bool) bool {
	toks := lexicon.Tokens(sentence)
	for i := 0; i+2 < len(toks); i++ {
		w := toks[i].Text
		if toks[i+1].Text != "of" && toks[i+1].Text != "de" || own[w] || !deedNoun(w) {
			continue
		}
		if !slices.ContainsFunc(asked, an.bag(sentence[toks[i].Start:toks[i].End], lang).meets) {
			continue
		}
		at := i + 2
		if doerArticles[toks[at].Text] && at+1 < len(toks) {
			at++
		}
		if !capitalised(sentence, toks[at]) {
			continue
		}
		doer := sentence[toks[at].Start:toks[capitalRunEnd(sentence, toks, at)].End]
		if !namesPersonOrRole(doer) || slices.ContainsFunc(asked, an.bag(doer, lang).meets) {
			continue
		}
		return true
	}
	return false
}

// deedNoun reports a folded word shaped as a deed's noun.
func deedNoun(w string) bool {
	return len(w) > 5 && slices.ContainsFunc(deedNounEnds, func(end string) bool { return strings.HasSuffix(w, end) })
}

// namesPersonOrRole reports a capitalised run that names a person ("Ariel
// Henry") or a role ("Prime Minister").
func namesPersonOrRole(run string) bool {
	if hasPersonName(run) {
		return true
	}
	for _, t := range lexicon.Tokens(run) {
		if roleHeads[t.Text] {
			return true
		}
	}
	return false
}
