package brief

import (
	"regexp"
	"slices"
	"strings"

	"github.com/mss-brief/briefbot/internal/document"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// relevance is the verdict on whether retrieved passages can answer a
// question, with the numbers it rests on.
type relevance struct {
	ok       bool
	coverage float64  // weighted share of the question's concepts in the top passages
	topScore float64  // the best hit's score
	missing  []string // concepts no top passage holds
	// missingNames are names in the question that the top passages do not
	// hold (under any alias) within a sentence of another part of the
	// question: "the president of France" is not answered by a passage
	// that names France only among donors.
	missingNames []string
	// slotEmpty is set when no top sentence holds what is asked (the count
	// of wounded, Kenya's ambassador), only what it is about.
	slotEmpty bool
	slot      answerSlot
}

// Gate parameters, tuned on testdata/eval.yaml (see eval_test.go).
const (
	gatePassages = 3   // how many top passages the coverage looks at
	minCoverage  = 0.3 // share of the question's weight they must hold
)

func (a *Answerer) judge(r retrieval) relevance {
	var rel relevance
	if len(r.hits) == 0 || len(r.asked) == 0 {
		rel.missing = r.concepts
		return rel
	}
	rel.topScore = r.hits[0].Score
	w := gateWeights(r)
	top := r.hits[:min(gatePassages, len(r.hits))]
	var bags []termBag // every sentence and title of the top passages
	var windows [][]termBag
	for _, h := range top {
		sents, sb := r.an.of(h)
		bags = append(bags, r.an.title(h))
		bags = append(bags, sb...)
		// A name's context is its sentence and the ones either side; a name
		// in a record line ("Authors : …") is about the whole passage.
		for i := range sb {
			if document.IsFieldLine(sents[i]) {
				windows = append(windows, sb)
				continue
			}
			windows = append(windows, sb[max(i-1, 0):min(i+2, len(sb))])
		}
	}
	// A concept counts as held when a top passage holds it or, for less, a
	// word of its group (a synonym, another name, a translation): the
	// search found the passage through the very same analysis.
	// "According to Ayiti Intel, ...": the outlet is named by the source
	// line of its report, not in its sentences.
	outlet := attribution(r.question)
	for _, part := range subQueries(r.query) {
		outlet = append(outlet, attribution(part)...) // each part's own: "..., and what did AFP say ..."
	}
	for _, h := range top {
		if len(outlet) > 0 && namesOutlet(r, h, outlet) {
			bags = append(bags, r.an.bag(h.Doc.Source, "en"))
		}
	}
	rel.coverage, rel.missing = coverage(bags, r.asked, w)
	for _, n := range r.an.namedTerms(r.question) {
		if slices.Contains(outlet, n) && slices.ContainsFunc(r.hits, func(h document.Hit) bool { return namesOutlet(r, h, []string{n}) }) {
			continue
		}
		if !a.nameInContext(n, r.asked, windows) {
			rel.missingNames = append(rel.missingNames, n)
		}
	}
	// "did brazil send troops to the gsf": the doer of a yes/no deed is
	// named in a top sentence, or one beside it, with what it is asked to
	// have done; a doer typed in lower case is no name to the check above.
	if d := unlinkedDoer(r, windows); d != "" {
		rel.missingNames = append(rel.missingNames, d)
	}
	// "The third Kenyan officer killed": a rank no top passage writes is
	// of another than the ones they tell of (the first, the second).
	// So is an undoing no top passage writes ("when was the freeze
	// lifted", "when did the US resume paying"): a sentence telling the
	// deed undone is a near miss.
	// So is a superlative no top passage writes ("the smallest troop
	// offer", "the deadliest attack"): it singles out one the reports do
	// not.
	rankMissing := slices.ContainsFunc(rel.missing, func(m string) bool { return rankWords[m] || undoWords[m] || superlativeWords[m] })
	rel.ok = rel.coverage >= minCoverage && len(rel.missingNames) == 0 && !rankMissing && rel.topScore >= a.cfg.MinScore && !r.offTopic
	if rel.ok && !speakerHeard(r, r.hits) {
		rel.ok = false
	}
	if rel.ok {
		rel.slot = slotOf(r, w, bags)
		// A deed the passages tell only of others is not told of the one asked.
		if _, held := rel.slot.sentence(r, gatePassages); !held || rel.slot.deedOnlyOfOthers(r, gatePassages) {
			rel.ok, rel.slotEmpty = false, true
		}
	}
	return rel
}

// rankWords place one of a series: "the third officer killed", "la
// troisième victime". ("First" is left out: its paraphrase group says it
// in other words, "the initial batch".)
var rankWords = lexiconSet(`second third fourth fifth sixth seventh eighth ninth tenth deuxieme troisieme quatrieme cinquieme sixieme`)

// superlativeWords single out one of a kind by a quality: "the largest
// contributor", "the deadliest attack". ("Most", "least", "latest",
// "first" and "last" are left out: they ask of a figure or a time the
// reports write in other words, "a maximum of", "the newest".)
var superlativeWords = lexiconSet(`largest biggest smallest deadliest bloodiest strongest weakest highest lowest fewest worst best
longest shortest heaviest costliest toughest greatest oldest youngest richest poorest safest`)

// undoWords undo a deed: "lift the ban", "resume payments", "unfreeze".
var undoWords = lexiconSet(`lift lifts lifted lifting resume resumes resumed resuming resumption unfreeze unfreezes unfroze
unfrozen unfreezing unblock unblocked unblocking reinstate reinstated reinstates overturn overturned overturns reverse reversed
reverses rescind rescinded repeal repealed restart restarted reprendre repris reprise reprend lever leve levee`)

// coverage is the weighted share of the asked concepts that some bag
// holds (a related word for relatedShare), and the concepts none holds.
func coverage(bags []termBag, asked []lexicon.Concept, w []float64) (float64, []string) {
	var total, got float64
	var missing []string
	for i, c := range asked {
		total += w[i]
		switch {
		case anyHolds(bags, c):
			got += w[i]
		case anyRelated(bags, c):
			got += relatedShare * w[i]
		default:
			missing = append(missing, c.Text)
		}
	}
	if total == 0 {
		return 0, missing
	}
	return got / total, missing
}

func anyHolds(bags []termBag, c lexicon.Concept) bool {
	for _, b := range bags {
		if b.holds(c) {
			return true
		}
	}
	return false
}

// anyMeets reports whether some bag holds c or a word of its group.
func anyMeets(bags []termBag, c lexicon.Concept) bool {
	return slices.ContainsFunc(bags, func(b termBag) bool { return b.meets(c) })
}

func anyRelated(bags []termBag, c lexicon.Concept) bool {
	for _, b := range bags {
		if b.Has(c) {
			return true
		}
	}
	return false
}

// nameInContext reports whether some window of sentences holds the name
// (one of its aliases, or a member of its group: "San Salvador" for "El
// Salvador") and, when the question asks about more than the name, another
// of its concepts too.
func (a *Answerer) nameInContext(name string, asked []lexicon.Concept, windows [][]termBag) bool {
	forms := a.nameForms(name)
	var own *lexicon.Concept
	for i, c := range asked {
		if containsPhrase(foldedTokens(c.Text), []string{name}) {
			own = &asked[i]
			break
		}
	}
	for _, win := range windows {
		held := own != nil && len(own.Related) > 0 && anyRelated(win, *own)
		for _, f := range forms {
			if held || hasAll(win, f) {
				held = true
				break
			}
		}
		if !held {
			continue
		}
		if len(asked) < 2 {
			return true
		}
		for _, c := range asked {
			if own != nil && c.Text == own.Text || containsString(forms, c.Text) {
				continue
			}
			if anyMeets(win, c) {
				return true
			}
		}
	}
	return false
}

// nameForms returns the ways a name may be written: itself, and each alias
// of a group it belongs to, as term lists.
func (a *Answerer) nameForms(name string) [][]string {
	forms := [][]string{{name}}
	for _, g := range a.cfg.Aliases {
		inGroup := false
		for _, alias := range g {
			if containsPhrase(foldedTokens(alias), []string{name}) {
				inGroup = true
				break
			}
		}
		if !inGroup {
			continue
		}
		for _, alias := range g {
			if ts := contentTerms(alias); len(ts) > 0 {
				forms = append(forms, ts)
			}
		}
	}
	return forms
}

// hasAll reports whether the bags between them hold every term.
func hasAll(bags []termBag, terms []string) bool {
	for _, t := range terms {
		if !anyHas(bags, t) {
			return false
		}
	}
	return true
}

func containsString(forms [][]string, t string) bool {
	for _, f := range forms {
		for _, x := range f {
			if x == t {
				return true
			}
		}
	}
	return false
}

// containsPhrase reports whether the terms of phrase occur contiguously in
// the terms of text.
func containsPhrase(text, phrase []string) bool {
	return len(phrase) > 0 && runIndex(text, phrase) >= 0
}

// namesOutlet reports a hit whose source line holds one of the words the
// question attributes its answer to.
func namesOutlet(r retrieval, h document.Hit, words []string) bool {
	if h.Doc.Source == "" {
		return false
	}
	src := r.an.bag(h.Doc.Source, "en")
	return slices.ContainsFunc(words, func(w string) bool { return !lexicon.IsStopWord(w) && src.has(w) })
}

// saidAsked matches "what did X say about Y": X is who spoke, Y what of.
var saidAsked = regexp.MustCompile(`(?i)^\s*what\s+(?:did|does|has|have)\s+(.+?)\s+(?:say|said|tell|told|think)\b(.*)$`)

// speechCue marks a sentence that reports words: a verb of saying or a
// quotation mark.
var speechCue = regexp.MustCompile(`(?i)["“”«»]|\b(?:said|says|say|stated|states|told|tells|declared|added|warned|explained|announced|noted|stressed|described|praised|welcomed|called|affirmed|reaffirmed|reiterated|vowed|insisted|acknowledged|hailed|a déclaré|a dit|a affirmé|a expliqué|a annoncé|a ajouté|a souligné)\b`)

// spokenOf opens what words were spoken of ("about the freeze", "when
// Kenya suspended it"), not what was said ("say had to be in place").
var spokenOf = regexp.MustCompile(`(?i)^\s*(?:about|on|of|regarding|concerning|when|at|after|before|during|in)\b`)

// topicOf returns what a question's words were spoken of, or "".
func topicOf(rest string) string {
	if spokenOf.MatchString(rest) {
		return rest
	}
	return ""
}

// speakerHeard reports whether a question asking what someone said is
// one a passage found tells: a sentence there holds each word of the
// speaker, one of them a name, and reports words, and its passage holds
// every word of what was spoken of. A report of the speaker's own (its
// source line names the speaker: "What did Crisis Group say ...") tells
// the speaker's words in its own. "What did Guatemala's president
// say about the gangs" is not told by the Salvadoran president's words,
// nor "what did Rubio say about the drawdown" by his words on the vote.
// A question of another shape is not judged here.
//
// A question in two parts asks each part's speaker of that part: "what did
// Thomas-Greenfield say about the extension, and what did Rubio call the
// resolution" does not ask what Thomas-Greenfield said of "call".
func speakerHeard(r retrieval, top []document.Hit) bool {
	if parts := subQueries(r.query); len(parts) > 1 {
		return !slices.ContainsFunc(parts, func(p string) bool { return !speakerHeardIn(r, p, top) })
	}
	return speakerHeardIn(r, r.question, top)
}

// speakerHeardIn is speakerHeard for one ask of the question.
func speakerHeardIn(r retrieval, ask string, top []document.Hit) bool {
	m := saidAsked.FindStringSubmatch(ask)
	if m == nil {
		return true
	}
	var speaker, topic []lexicon.Concept
	named := false
	for _, c := range r.an.lex.Query(withoutBase(m[1])) {
		if !c.Glossary && !metaHeads[c.Text] { // "the AFP piece": the piece did not speak
			speaker = append(speaker, c) // "Guatemala's president": both
		}
	}
	names := r.an.namedTerms(r.question) // of the whole: a fragment's first word is no name
	for _, n := range names {
		named = named || slices.ContainsFunc(speaker, func(c lexicon.Concept) bool { return c.Text == n })
	}
	for _, c := range r.an.lex.Query(topicOf(m[2])) {
		if !c.Glossary && !c.Number {
			topic = append(topic, c)
		}
	}
	if !named {
		return true // "what did the council say": who spoke is no name
	}
	var rarest *lexicon.Concept
	w, best := gateWeights(r), 0.0
	for i, c := range r.asked {
		if i < len(w) && w[i] > best && slices.ContainsFunc(topic, func(t lexicon.Concept) bool { return t.Text == c.Text }) {
			rarest, best = &r.asked[i], w[i]
		}
	}
	for _, h := range top {
		sents, bags := r.an.of(h)
		title := r.an.title(h)
		all := append([]termBag{title}, bags...)
		source := r.an.bag(h.Doc.Source, "en")
		// Who spoke is named outside the quotation ("... the resignation
		// of the Prime Minister" Ariel Henry, said Korir Sing'oei: the
		// prime minister did not speak); a name saying whose they are
		// ("Kenya's national security adviser") may be the report's
		// title's or its source line's ("KBC (Kenya Broadcasting
		// Corporation)").
		spokeIn := func(x string) bool {
			outside := outsideQuotes(x)
			b := r.an.bag(outside, h.Doc.Lang)
			// "... of Haiti" Ariel Henry, said Korir Sing'oei: a name
			// right after the verb of saying is who spoke, and the one
			// asked must be among its words.
			if by := r.an.bag(saidBy(outside), h.Doc.Lang); len(by.Bag) > 0 && slices.ContainsFunc(speaker, func(c lexicon.Concept) bool {
				return slices.Contains(names, c.Text) && !by.meets(c)
			}) {
				return false
			}
			return !slices.ContainsFunc(speaker, func(c lexicon.Concept) bool {
				return !b.meets(c) && !(slices.Contains(names, c.Text) && (title.meets(c) || source.meets(c)))
			})
		}
		if slices.ContainsFunc(topic, func(c lexicon.Concept) bool { return !anyMeets(all, c) }) {
			continue
		}
		if !slices.ContainsFunc(speaker, func(c lexicon.Concept) bool { return !source.meets(c) }) {
			return true // the report is the speaker's own
		}
		// The rarest word of what was spoken of is in the words reported,
		// the sentence before or after them, or the title: Ruto's
		// "historic" mission, three sentences from the protests, is no
		// word of his on the protests.
		for i, x := range sents {
			if speechCue.MatchString(x) && spokeIn(x) && (rarest == nil || anyMeets(append([]termBag{title}, bags[max(i-1, 0):min(i+2, len(bags))]...), *rarest)) {
				return true
			}
		}
	}
	return false
}

// basedIn matches where a loose description of a speaker says it sits
// ("the Brussels-based think tank", "the Nairobi-based daily"): a place a
// report need not write beside the speaker's words.
var basedIn = regexp.MustCompile(`(?:\p{Lu}[\p{L}.'’]*\s)?[\p{L}.'’]+-based\b`)

// withoutBase returns a speaker's words without where it is based: the
// speaker is who it is ("the think tank"), not the place.
func withoutBase(speaker string) string { return basedIn.ReplaceAllString(speaker, " ") }

// saidByName matches a verb of saying followed by who spoke: "said Korir
// Sing'oei", "a déclaré Linda Thomas-Greenfield". Not "told", whose name
// after it is who was told ("told Nation").
var saidByName = regexp.MustCompile(`\b(?:said|says|added|declared|stated|explained|noted|insisted|affirmed|warned|a déclaré|a dit|a affirmé|a expliqué|a ajouté|a souligné)\s+((?:\p{Lu}[\p{L}'’.-]*\s*)+)`)

// saidBy returns the name after a sentence's verb of saying, or "" when
// none follows it or it only dates the words ("said Wednesday").
func saidBy(sentence string) string {
	m := saidByName.FindStringSubmatch(sentence)
	if m == nil {
		return ""
	}
	for _, t := range lexicon.Tokens(m[1]) {
		if !lexicon.IsStopWord(t.Text) && !lexicon.IsWeekday(t.Text) && !lexicon.IsMonth(t.Text) {
			return strings.TrimRight(m[1], " .")
		}
	}
	return ""
}

// quotation matches words quoted: what was said, not who said it.
var quotation = regexp.MustCompile(`"[^"]*"|“[^”]*”|«[^»]*»`)

// outsideQuotes returns a sentence without what it quotes.
func outsideQuotes(s string) string { return quotation.ReplaceAllString(s, " ") }

// unlinkedDoer returns the doer of a yes/no question opened by a deed's
// helper ("did Brazil send troops to the GSF", "has kenya's high court
// approved ...") when no window of top sentences holds it together with
// a word of what it is asked to have done (the words after it up to a
// preposition or a determiner, common verbs aside); "" when the question
// is of another shape or the doer is linked. A doer opened by a stop word
// ("did any member ...", "did the US ...") is left to the other checks.
func unlinkedDoer(r retrieval, windows [][]termBag) string {
	q := r.question
	if before, _, ok := strings.Cut(q, "?"); ok {
		q = before
	}
	toks := lexicon.Tokens(q)
	yesNo := r.kind == TypeYesNo
	if !yesNo {
		// "how many troops did brazil send", "why did brazil withdraw":
		// a doer after the helper that no top sentence names at all.
		at := slices.IndexFunc(toks[:min(len(toks), helperReach)], func(t lexicon.Token) bool { return deedHelpers[t.Text] })
		if at <= 0 || len(subQueries(r.query)) > 1 {
			return ""
		}
		toks = toks[at:]
	}
	doer, deed := yesNoDoer(q, toks)
	if len(doer) == 0 {
		return ""
	}
	if !yesNo {
		// Only a doer the whole corpus never names: "the earlier
		// operation", "Justice Mwita" (the reports' "Judge") are told in
		// other words the other checks judge.
		if !slices.ContainsFunc(doer, func(w string) bool { return neverNamed(r, w) }) {
			return ""
		}
		deed = nil
	}
	doers, deeds := wordConcepts(r, doer), wordConcepts(r, deed)
	for _, win := range windows {
		meets := func(c lexicon.Concept) bool { return anyMeets(win, c) }
		if !slices.ContainsFunc(doers, meets) {
			continue
		}
		if len(deeds) == 0 || slices.ContainsFunc(deeds, meets) {
			return ""
		}
	}
	return strings.Join(doer, " ")
}

// wordConcepts returns each word as the question's concept of it, or as
// the lexicon reads it alone when the question has none (a stop word the
// query dropped).
func wordConcepts(r retrieval, words []string) []lexicon.Concept {
	out := make([]lexicon.Concept, len(words))
	for i, w := range words {
		if at := slices.IndexFunc(r.asked, func(c lexicon.Concept) bool { return c.Text == w }); at >= 0 {
			out[i] = r.asked[at]
		} else if cs := r.an.lex.Query(w); len(cs) > 0 {
			out[i] = cs[0]
		} else {
			out[i] = lexicon.Concept{Text: w}
		}
	}
	return out
}

// neverNamed reports an asked word that no document of the corpus
// holds in any of its forms or its group's.
func neverNamed(r retrieval, w string) bool {
	if r.corpusDF == nil {
		return false
	}
	for i, c := range r.asked {
		if c.Text == w && i < len(r.corpusDF) {
			return r.corpusDF[i] == 0
		}
	}
	return false
}

// helperReach is how far into a question the helper of its deed may
// stand: "how many more troops did ...".
const helperReach = 6

// yesNoDoer splits a yes/no question opened by a deed's helper into its
// doer (the word after the helper, a place's whole name, or a possessive
// with the word it owns: "kenya's high court" gives kenya and high) and
// the telling words of its deed after it.
func yesNoDoer(q string, toks []lexicon.Token) (doer, deed []string) {
	if len(toks) < 3 || !deedHelpers[toks[0].Text] {
		return nil, nil
	}
	i := 1
	if toks[i].Text == "the" {
		i++
	}
	if i >= len(toks) || lexicon.IsStopWord(toks[i].Text) || determiners[toks[i].Text] {
		return nil, nil
	}
	end := i + 1
	for j := len(toks); j > i+1; j-- {
		if placeNames[strings.Join(tokenTexts(toks[i:j]), " ")] {
			end = j
			break
		}
	}
	doer = tokenTexts(toks[i:end])
	if end < len(toks) && possessive(q, toks[end-1]) {
		doer = append(doer, toks[end].Text)
		end++
	}
	for _, t := range toks[end:] {
		w := t.Text
		if deedEnds[w] || determiners[w] {
			break
		}
		if lexicon.IsStopWord(w) || phraseVerbs[w] {
			continue
		}
		deed = append(deed, w)
	}
	return doer, deed
}
