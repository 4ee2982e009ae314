package brief

import (
	"context"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/mss-brief/briefbot/internal/document"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// retrieval is what one question found in the corpus.
type retrieval struct {
	question string            // as asked, trimmed
	query    string            // the text sent to the store
	concepts []string          // the question's content words, one per stem
	asked    []lexicon.Concept // what the question asks about, analysed
	kind     AnswerType        // the kind of answer it asks for
	present  bool              // it asks about the present state of things
	hits     []document.Hit    // best first
	an       *analysis         // their sentences
	dense    map[int64]bool    // passages the dense list found (dense_gate.go)
	offTopic bool              // the question is about nothing the corpus covers (topical.go)
	corpusDF []int             // per asked concept, the passages of the whole corpus that hold one of its forms
	topicDF  []int             // or one of its forms or groups
	corpusN  int               // and how many passages there are (0: not counted)
	rewrites []string          // the model's search queries for the question (rewrite.go)
	readAs   string            // the question respelled from the corpus, when it was
}

// Retrieve returns the k passages an answer to req would draw on (k <= 0:
// the configured K), for evaluation and debugging.
func (a *Answerer) Retrieve(ctx context.Context, req Request, k int) ([]document.Hit, error) {
	if k <= 0 {
		k = a.cfg.K
	}
	r, err := a.retrieveAt(ctx, req, k)
	return r.hits, err
}

func (a *Answerer) retrieve(ctx context.Context, req Request) (retrieval, error) {
	return a.retrieveAt(ctx, req, a.cfg.K)
}

// retrieveAt finds the k passages for a question and what the answer needs
// to know of them.
func (a *Answerer) retrieveAt(ctx context.Context, req Request, k int) (retrieval, error) {
	r, err := a.retrieveK(ctx, req, k)
	if err != nil {
		return r, err
	}
	a.corpusCounts(ctx, &r)
	// A word no passage holds may be a slip of the keyboard
	// ("deplyoment"): asked again in the passages' spelling.
	if fixed, ok := a.spellFixed(ctx, r); ok {
		again := req
		again.Question = fixed
		if r2, err := a.retrieveK(ctx, again, k); err == nil {
			a.cfg.Log.Debug("question respelled from the passages", "question", r.question, "as", fixed)
			r = r2
			r.readAs = fixed
			a.corpusCounts(ctx, &r)
		}
	}
	a.meanByDense(ctx, r)
	r.offTopic = !onTopic(r)
	return r, nil
}

// Ranking parameters beyond the store's own.
const (
	poolFactor     = 4    // candidates fetched per query, in multiples of k
	minPool        = 24   // and at least this many
	rrfK           = 60.0 // reciprocal rank fusion's constant
	bundledFactor  = 0.55 // our own notes rank below a primary report that holds as much
	recencyWeight  = 1.25 // how much newness counts for a question about the present
	recencySpan    = 5    // the candidates whose dates newness runs between
	hybridLead     = 2    // places the lexical list keeps before fused hits come in
	maxPerDocument = 3    // places one document may take before others get theirs
)

func (a *Answerer) retrieveK(ctx context.Context, req Request, k int) (retrieval, error) {
	q := withoutPreamble(strings.TrimSpace(req.Question))
	r := retrieval{question: q, an: newAnalysis(a.lex), dense: map[int64]bool{}}
	asked := q
	if prev := lastUserTurn(req.History); prev != "" && isFollowUp(q) {
		// "and who pays for it?" means little alone: the turn before says
		// what "it" is, its "how come" read as the question's was.
		asked = q + " " + howComeAsWhy(prev)
	}
	// "these days", "so far", "currently": how the question asks about
	// the present, which newness weighs; as words they would match "two
	// days before".
	asked = withoutRuns(asked, presentCues)
	asked = withoutPastBack(asked)
	// "At what time did they board": the time is what is asked, not a
	// word the answer holds ("for the first time").
	asked = withoutRuns(asked, timeFrames)
	asked = withoutLabelNumber(asked)
	r.query = asked
	r.concepts = concepts(asked)
	r.asked = a.lex.Query(asked)
	r.kind = questionType(q)
	r.present = asksAboutPresent(q)

	// The store is not asked for the words that say a name is wanted.
	searched := withoutRuns(asked, nameFrames)
	// "In what year was BINUH set up?": the year is what is asked for, not
	// a word the answer holds ("for one year"); the store reads "when".
	searched = replaceRuns(searched, dateFrames, "when")
	// Each part is searched for in its own words: a vote's part read as a
	// tally (voteAsTally) would find only reports counting votes, not the
	// one that says it was unanimous.
	queries := append([]string{searched}, splitParts(searched)...)
	rewrites := a.rewrite(ctx, q, req.History)
	r.rewrites = rewrites
	pool := max(poolFactor*k, minPool)
	lang := askedLanguage(q)
	outlets := a.outletDocs(ctx, r.an, queries[1:])
	search := func(docIDs []string) ([]document.Hit, error) {
		var lists [][]document.Hit
		for i, text := range queries {
			hits, err := a.search.Search(ctx, document.Query{Text: text, K: pool, DocIDs: docIDs})
			if err != nil {
				return nil, err
			}
			if i == 0 {
				// One embedding per question: the parts of a comparison
				// keep to the lexical search. The rewrites' lists join
				// the question's (rewrite.go).
				more, err := a.searchRewrites(ctx, rewrites, pool, docIDs)
				if err != nil {
					return nil, err
				}
				if dense := a.dense(ctx, document.Query{Text: text, K: pool, DocIDs: docIDs}); len(dense) > 0 {
					more = append(more, dense)
					for _, h := range dense {
						r.dense[h.ID] = true
					}
				}
				if len(more) > 0 {
					lists = append(lists, a.hybrid(hits, more, r.present, r.kind))
					continue
				}
			}
			hits = a.adjust(hits, r.present, r.kind)
			if i > 0 {
				hits = rivalsLast(a.lex, a.lex.Query(text), hits)
				// "..., and what did UN News say ...": the part's
				// outlet is its report's source line, which no passage
				// text holds; that report's passages come first.
				if ids := outlets[i-1]; len(ids) > 0 && docIDs == nil {
					own, err := a.search.Search(ctx, document.Query{Text: text, K: pool, DocIDs: ids})
					if err != nil {
						return nil, err
					}
					hits = mergeHits(a.adjust(own, r.present, r.kind)[:min(1, len(own))], hits, len(hits)+1)
				}
			}
			lists = append(lists, hits)
		}
		var ordered []document.Hit
		if len(lists) > 1 {
			// Each part's best passages first, in turn, then the fused
			// rest: fusion alone favours a passage that names both sides
			// (a summary) over the two reports that answer them.
			ordered = interleave(append(lists[1:], fuse(lists)))
		} else {
			ordered = rivalsLast(a.lex, r.asked, lists[0])
		}
		if lang != "" {
			ordered = languageFirst(ordered, lang)
		}
		return diversify(ordered, k), nil
	}
	var preferred []document.Hit
	if len(req.PreferDocs) > 0 {
		var err error
		if preferred, err = search(req.PreferDocs); err != nil {
			return r, err
		}
	}
	hits, err := search(nil)
	if err != nil {
		return r, err
	}
	r.hits = mergeHits(preferred, hits, k)
	// Slack questions are often typed in lower case: names are told from
	// the passages found, as they write them ("who is kenya's ambassador"
	// asks of Kenya).
	r.question = recase(r.question, r.hits)
	return r, nil
}

// outletDocs returns, for each part of a question, the documents whose
// source line names the outlet the part attributes its answer to ("what
// did the Haiti Chronicle say ...", "how many did UN News cite ..."):
// each word of it, or all but one of three or more ("the report", "the
// piece" aside). Nil for a part naming none, or a store that lists none.
func (a *Answerer) outletDocs(ctx context.Context, an *analysis, parts []string) [][]string {
	l, ok := a.search.(DocumentLister)
	if !ok || len(parts) == 0 {
		return make([][]string, len(parts))
	}
	type outlet struct {
		name termBag
		docs []string
	}
	var outlets []outlet // each source line once, listed at the first part naming one
	out := make([][]string, len(parts))
	for i, part := range parts {
		named := attribution(part)
		var words []string
		for _, w := range named[min(1, len(named)):] {
			if !lexicon.IsStopWord(w) && !metaHeads[w] && !tellingAuxiliaries[w] {
				words = append(words, w)
			}
		}
		if len(words) == 0 {
			continue
		}
		if outlets == nil {
			docs, err := l.Documents(ctx, document.DocFilter{})
			if err != nil {
				return out
			}
			at := map[string]int{}
			outlets = []outlet{}
			for _, d := range docs {
				if d.Source == "" {
					continue
				}
				j, ok := at[d.Source]
				if !ok {
					j = len(outlets)
					at[d.Source] = j
					outlets = append(outlets, outlet{name: an.bag(outletName(d.Source), "en")})
				}
				outlets[j].docs = append(outlets[j].docs, d.ID)
			}
		}
		for _, o := range outlets {
			missed := 0
			for _, w := range words {
				if !o.name.has(w) {
					missed++
				}
			}
			if missed == 0 || missed == 1 && len(words) >= 3 {
				out[i] = append(out[i], o.docs...)
			}
		}
	}
	return out
}

// outletName is the name a source line gives its outlet: its words before
// a bracket, and an agency in capitals within it ("APP / UrduPoint (AFP)"),
// not the place that qualifies it ("Capital FM (Kenya)": "what did Kenya
// say" asks of no outlet).
func outletName(source string) string {
	head, rest, ok := strings.Cut(source, "(")
	if !ok {
		return source
	}
	for _, w := range strings.FieldsFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) > 1 && strings.ToUpper(w) == w {
			head += " " + w
		}
	}
	return head
}

// hybrid merges the question's lexical hits with other lists of them (the
// dense list, the rewritten queries'): fused by reciprocal rank, then,
// after the lexical list's first hybridLead places, taken in turn with
// the lexical list, so what lexical search found first keeps its place
// and the fused list adds what it alone found. Taken in turn from the
// first place, a dense neighbour took the second and pushed the lexical
// second to fifth down: the same passages, reordered, lost key facts the
// lexical answer held (real.yaml: key fact 0.82 hybrid, 0.87 lexical).
// The fused order is scored with the lexical list's scores rank by rank:
// reciprocal rank scores span a factor of 1.4 over the pool, so the
// recency and bundled-notes factors would otherwise outweigh rank.
func (a *Answerer) hybrid(hits []document.Hit, more [][]document.Hit, present bool, kind AnswerType) []document.Hit {
	fused, _ := fuseScored(append([][]document.Hit{hits}, more...))
	scores := make([]float64, len(hits))
	for i, h := range hits {
		scores[i] = h.Score
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(scores)))
	if len(scores) == 0 {
		scores = []float64{1}
	}
	fused = a.adjustBy(fused, present, kind, func(j int) float64 { return scores[min(j, len(scores)-1)] })
	lexical := a.adjust(slices.Clone(hits), present, kind)
	lead := min(hybridLead, len(lexical))
	rest := interleave([][]document.Hit{lexical[lead:], fused})
	return interleave([][]document.Hit{append(lexical[:lead:lead], rest...)})
}

// DenseSearcher finds passages by meaning (an embedding's nearest
// neighbours); *corpus.Vectors is one. When the Answerer's searcher is one
// too, lexical and dense lists are fused.
type DenseSearcher interface {
	DenseSearch(ctx context.Context, q document.Query) ([]document.Hit, error)
}

// dense returns the dense list for q, or nil when the searcher has none or
// it fails: the search is then lexical (the searcher logs an outage once).
func (a *Answerer) dense(ctx context.Context, q document.Query) []document.Hit {
	ds, ok := a.search.(DenseSearcher)
	if !ok {
		return nil
	}
	hits, err := ds.DenseSearch(ctx, q)
	if err != nil {
		a.cfg.Log.Debug("dense search failed: lexical only", "err", err)
		return nil
	}
	return hits
}

// adjust re-scores one query's hits: our bundled notes count a little less
// than primary reports, and for a question about the present a newer
// report counts more. Scores stay comparable for the relevance gate: the
// adjustment reorders, the hit keeps its store score.
func (a *Answerer) adjust(hits []document.Hit, present bool, kind AnswerType) []document.Hit {
	return a.adjustBy(hits, present, kind, func(i int) float64 { return hits[i].Score })
}

// adjustBy is adjust over other scores than the store's: score(i) is hit
// i's (a fused list's reciprocal rank scores).
func (a *Answerer) adjustBy(hits []document.Hit, present bool, kind AnswerType, score func(i int) float64) []document.Hit {
	if len(hits) == 0 {
		return hits
	}
	// Newness runs from the oldest to the newest of the strongest
	// candidates, not of the whole pool: a pool reaching back to the first
	// resolution left four months between two reports of 2025 worth
	// little, and the present is in the newest report that answers.
	// Candidates outside that span count as its oldest or its newest.
	oldest, newest := publishedSpan(hits[:min(recencySpan, len(hits))])
	if !newest.After(oldest) {
		// The strongest share one date (or one alone is dated): the pool's
		// span still lets a newer report below them rise.
		oldest, newest = publishedSpan(hits)
	}
	// A count "so far" is the newest report's figure: our notes, dated
	// when they were written and not when what they tell happened, gain
	// no newness for it ("how many Kenyan officers have been killed so
	// far": a note of October 2025 rose over the March report telling the
	// second death). Not for an amount: a fund's total "so far" is often
	// only in a note, which sums what the reports give in parts.
	notesUndated := kind == TypeCount
	if present {
		oldest, newest = recentWindow(hits, score, oldest, newest)
	}
	type scored struct {
		h document.Hit
		s float64
	}
	out := make([]scored, len(hits))
	for i, h := range hits {
		s := score(i)
		if isBundled(h.Doc) {
			s *= bundledFactor
		}
		if present && newest.After(oldest) && !(notesUndated && isBundled(h.Doc)) {
			if d := h.Doc.Published; !d.IsZero() {
				f := float64(d.Sub(oldest)) / float64(newest.Sub(oldest))
				s *= 1 + recencyWeight*max(0, min(f, 1))
			}
		}
		out[i] = scored{h, s}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].s > out[j].s })
	for i := range out {
		hits[i] = out[i].h
	}
	return hits
}

// For a question about the present, a candidate scoring strongShare of the
// best may be the present's report, and newness then reaches back
// recencyWindow from it.
const (
	strongShare   = 0.7
	recencyWindow = 365 * 24 * time.Hour
)

// recentWindow widens newness, for a question about the present, to the
// newest strong candidate when it is newer than the strongest five, and
// then runs it over the year before that report. The five often stop
// short of the newest report that answers ("Is Kenya still leading...":
// the February drawdown report, 0.81 of the best, came sixth to ninth),
// and their span, reaching back to 2023, left the reports of September
// 2025 almost as new as it. When the five hold the newest strong report,
// the span stays theirs: narrowed then, it changed which further sentences
// the answers quoted (a French one, of the newest report, joined "who is
// the current head of the un political office", as of 0.91 -> 0.82).
func recentWindow(hits []document.Hit, score func(i int) float64, oldest, newest time.Time) (time.Time, time.Time) {
	top := 0.0
	for i := range hits {
		top = max(top, score(i))
	}
	latest := newest
	for i, h := range hits {
		if d := h.Doc.Published; score(i) >= strongShare*top && d.After(latest) {
			latest = d
		}
	}
	if !latest.After(newest) {
		return oldest, newest
	}
	if from := latest.Add(-recencyWindow); from.After(oldest) {
		oldest = from
	}
	return oldest, latest
}

// publishedSpan returns the oldest and newest publication dates among
// hits (zero when none is dated).
func publishedSpan(hits []document.Hit) (oldest, newest time.Time) {
	for _, h := range hits {
		if d := h.Doc.Published; !d.IsZero() {
			if oldest.IsZero() || d.Before(oldest) {
				oldest = d
			}
			if d.After(newest) {
				newest = d
			}
		}
	}
	return oldest, newest
}

func isBundled(d document.Document) bool { return strings.HasPrefix(d.Origin, document.BundledOrigin) }

// fuse merges ranked lists by reciprocal rank: a passage high in any list
// ranks high, one found by several lists higher still.
func fuse(lists [][]document.Hit) []document.Hit {
	if len(lists) == 1 {
		return lists[0]
	}
	out, _ := fuseScored(lists)
	return out
}

// fuseScored is fuse, with each fused hit's reciprocal rank score.
func fuseScored(lists [][]document.Hit) ([]document.Hit, []float64) {
	score := map[int64]float64{}
	first := map[int64]document.Hit{}
	var order []int64
	for _, l := range lists {
		for rank, h := range l {
			if _, ok := first[h.ID]; !ok {
				first[h.ID] = h
				order = append(order, h.ID)
			}
			score[h.ID] += 1 / (rrfK + float64(rank+1))
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return score[order[i]] > score[order[j]] })
	out := make([]document.Hit, len(order))
	scores := make([]float64, len(order))
	for i, id := range order {
		out[i], scores[i] = first[id], score[id]
	}
	return out, scores
}

// interleave takes the lists' hits in turn, rank by rank, each passage
// once.
func interleave(lists [][]document.Hit) []document.Hit {
	seen := map[int64]bool{}
	var out []document.Hit
	for rank := 0; ; rank++ {
		more := false
		for _, l := range lists {
			if rank >= len(l) {
				continue
			}
			more = true
			if h := l[rank]; !seen[h.ID] {
				seen[h.ID] = true
				out = append(out, h)
			}
		}
		if !more {
			return out
		}
	}
}

// languageRuns name the language of the reporting a question asks about:
// "what does the French-language press call the GSF" is answered in the
// French reports, whose words the question does not share.
var languageRuns = map[string][][]string{
	lexicon.French: {{"french", "language"}, {"french", "press"}, {"french", "media"}, {"french", "speaking"},
		{"french", "outlets"}, {"french", "reports"}, {"french", "reporting"}, {"french", "sources"}, {"french", "coverage"},
		{"in", "french"}, {"francophone"}, {"francophones"}},
	lexicon.English: {{"english", "language"}, {"english", "press"}, {"english", "media"}, {"english", "speaking"},
		{"english", "outlets"}, {"english", "reports"}, {"english", "reporting"}, {"english", "sources"}, {"english", "coverage"},
		{"in", "english"}, {"anglophone"}, {"anglophones"}, {"presse", "anglophone"}, {"en", "anglais"}},
}

// askedLanguage returns the language of the reporting q asks about, or "".
func askedLanguage(q string) string {
	for _, lang := range []string{lexicon.French, lexicon.English} {
		if holdsRun(q, languageRuns[lang]) {
			return lang
		}
	}
	return ""
}

// languageFirst puts the passages in lang first, each part in its order.
func languageFirst(hits []document.Hit, lang string) []document.Hit {
	var in, out []document.Hit
	for _, h := range hits {
		if h.Doc.Lang == lang {
			in = append(in, h)
		} else {
			out = append(out, h)
		}
	}
	return append(in, out...)
}

// rivalsLast moves below the rest, each in its order, the passages that
// name another of the topic's bodies and not the one the question (or a
// part of it) names: "the 2023 MSS resolution" is not answered by the
// report of the GSF vote, nor "the GSF's ceiling" by the MSS's. A passage
// that names no body keeps its place, and so does one holding a number
// the question names that is no year ("resolution 2699 had two
// abstentions; which country abstained on the GSF one ...").
func rivalsLast(lex *lexicon.Analyzer, asked []lexicon.Concept, hits []document.Hit) []document.Hit {
	var bodies, ids []lexicon.Concept
	askedForms := map[string]bool{}
	for _, c := range asked {
		if c.Number && !lexicon.IsYear(c.Text) {
			ids = append(ids, c)
		}
		if c.Glossary {
			bodies = append(bodies, c)
			for _, f := range c.Forms {
				askedForms[f] = true
			}
		}
	}
	if len(bodies) == 0 {
		return hits
	}
	var kept, rivals []document.Hit
	for _, h := range hits {
		if bag := lex.Bag(h.Text, h.Doc.Lang); namesRivalBody(bag, bodies, askedForms) && !slices.ContainsFunc(ids, bag.Has) {
			rivals = append(rivals, h)
		} else {
			kept = append(kept, h)
		}
	}
	return append(kept, rivals...)
}

// namesRivalBody reports a passage that lacks a body asked for and names
// another.
func namesRivalBody(bag lexicon.Bag, bodies []lexicon.Concept, askedForms map[string]bool) bool {
	if !slices.ContainsFunc(bodies, func(c lexicon.Concept) bool { return !bag.Has(c) }) {
		return false
	}
	for t := range bag {
		if lexicon.IsGlossaryToken(t) && !askedForms[t] {
			return true
		}
	}
	return false
}

// diversify keeps the order but lets no document take more than
// maxPerDocument of the first k places while others have passages to
// offer; the passages it holds back follow.
func diversify(hits []document.Hit, k int) []document.Hit {
	perDoc := map[string]int{}
	var out, held []document.Hit
	for _, h := range hits {
		if perDoc[h.DocID] >= maxPerDocument && len(out) < k {
			held = append(held, h)
			continue
		}
		perDoc[h.DocID]++
		out = append(out, h)
	}
	out = append(out, held...)
	if len(out) > k {
		out = out[:k]
	}
	return out
}

// mergeHits puts the preferred hits first, then the others not already
// there, up to k.
func mergeHits(preferred, others []document.Hit, k int) []document.Hit {
	seen := map[int64]bool{}
	out := make([]document.Hit, 0, k)
	for _, list := range [][]document.Hit{preferred, others} {
		for _, h := range list {
			if len(out) == k {
				return out
			}
			if !seen[h.ID] {
				seen[h.ID] = true
				out = append(out, h)
			}
		}
	}
	return out
}

// oneAsLeftHead writes the "one" of a right part's "which one" as the
// thing the left part asks for ("which resolution ..."), when it asks for
// one.
func oneAsLeftHead(left, right string) string {
	head := askPhrase(left).head
	if head == "" {
		return right
	}
	for _, w := range []string{"which one", "what one"} {
		if i := strings.Index(right, w); i >= 0 {
			return right[:i] + w[:strings.IndexByte(w, ' ')+1] + head + right[i+len(w):]
		}
	}
	return right
}

// settingSwapped returns the left part with its closing setting ("in
// the first batch") in place of the right part, when the right part is a
// noun phrase that stands in its place: "how many kenyan cops in the
// first batch vs the 2025 reinforcement" asks "how many kenyan cops in
// the 2025 reinforcement", not of the first batch again. "" when the
// left part does not close on a preposition's noun phrase.
func settingSwapped(left, right string) string {
	rt := lexicon.Tokens(right)
	if len(rt) == 0 || !determiners[rt[0].Text] {
		return ""
	}
	lt := lexicon.Tokens(left)
	for i := len(lt) - 2; i >= 1; i-- {
		if !settingPreps[lt[i].Text] {
			continue
		}
		if !determiners[lt[i+1].Text] || cueType(tokenTexts(lt[:i])) == TypeOther {
			return ""
		}
		return strings.TrimSpace(left[:lt[i].End]) + " " + strings.TrimSpace(right)
	}
	return ""
}

// settingPreps open the setting a question closes on: "in the first
// batch", "at the renewal", "during the freeze".
var settingPreps = lexiconSet(`in at on during for with under after before from dans lors pendant`)

// subjectSwapped returns the left part with the right part's noun phrase
// in place of the left's of as many words after the same determiner, and
// the right's setting after it, without the left's outlet: "when was the
// mss authorized vs the gsf" asks "when was the gsf authorized"; "how many
// personnel does the gsf deploy per ayiti intel vs the mss at the 2751
// renewal" asks "how many personnel does the mss deploy at the 2751
// renewal". "" when the right part is no such phrase ("the 2025 GSF one"
// leaves the frame to frameOf) or the left holds none to swap.
func subjectSwapped(question, left, right string) string {
	rt := lexicon.Tokens(right)
	if len(rt) < 2 || !determiners[rt[0].Text] {
		return ""
	}
	n := 1 // the words of the right's phrase, to its setting
	for n < len(rt) && !settingPreps[rt[n].Text] {
		if t := rt[n].Text; lexicon.IsNumber(t) || proForms[t] || lexicon.IsStopWord(t) {
			return ""
		}
		n++
	}
	if n == 1 || n > 3 {
		return ""
	}
	lt := lexicon.Tokens(left)
	// "... per ayiti intel": the left's outlet closes it and is not the
	// right's.
	for i, t := range lt {
		if (t.Text == "per" || t.Text == "according") && i+1 < len(lt) && !lexicon.IsNumber(lt[i+1].Text) {
			left, lt = strings.TrimSpace(left[:t.Start]), lt[:i]
			break
		}
	}
	// The thing counted right after the cue ("how many personnel") is
	// what both sides measure, not the side.
	p := askPhrase(left)
	measure := ""
	if at := runIndex(tokenTexts(lt), p.cue); at >= 0 && at+len(p.cue) < len(lt) && lt[at+len(p.cue)].Text == p.head {
		measure = p.head
	}
	for i := 0; i+n-1 < len(lt); i++ {
		if lt[i].Text != rt[0].Text {
			continue
		}
		swap := lt[i+1 : i+n]
		if slices.ContainsFunc(swap, func(t lexicon.Token) bool {
			return t.Text == measure || lexicon.IsStopWord(t.Text) || lexicon.IsNumber(t.Text)
		}) {
			continue
		}
		out := left[:lt[i].Start] + right[:rt[n-1].End] + left[lt[i+n-1].End:]
		if n < len(rt) {
			out += " " + right[rt[n].Start:]
		}
		return strings.TrimSpace(out)
	}
	return ""
}

// oneAsLeftNoun writes a right part's "one" ("the one creating the gsf")
// as the left's noun found between the same two words ("the resolution
// creating the mss"); the right part unchanged when there is none.
func oneAsLeftNoun(left, right string) string {
	rt, lt := lexicon.Tokens(right), lexicon.Tokens(left)
	for i := 1; i+1 < len(rt); i++ {
		if !proForms[rt[i].Text] {
			continue
		}
		for j := 1; j+1 < len(lt); j++ {
			if lt[j-1].Text == rt[i-1].Text && lt[j+1].Text == rt[i+1].Text && !proForms[lt[j].Text] && !lexicon.IsStopWord(lt[j].Text) {
				return right[:rt[i].Start] + lt[j].Text + right[rt[i].End:]
			}
		}
	}
	return right
}

// subQueries splits a question that asks about several things (a
// comparison, two dates, "X and Y") into one query per part, each keeping
// the words the parts share, so that one side cannot take every place. A
// part asking how a vote went comes back as a count of its votes
// (voteAsTally); the search itself asks each part as written (splitParts).
func subQueries(q string) []string {
	parts := splitParts(q)
	for i, p := range parts {
		parts[i] = voteAsTally(p)
	}
	return parts
}

// votedHow is a part asking how a vote went: "how did the security
// council vote on the gsf resolution", "how did the vote on 2699 go", "the
// vote that first authorized the mss" (a side with no question word of
// its own, set against the other).
var votedHow = regexp.MustCompile(`^(?:how did (?:[a-z0-9'.-]+ ){1,4}vote|how did the vote|(?:what was )?the (?:[a-z]+ )?vote) (on|for|to|in|over|that|which|creating|authorizing|authorising|establishing) `)

// voteAsTally writes a part asking how a vote went as a count of its
// votes ("how many votes were cast in the vote on the gsf resolution"): set against
// another vote, what tells it is its tally ("12 in favour, with three
// abstentions"), not a sentence saying the resolution passed. Other
// parts come back unchanged.
func voteAsTally(part string) string {
	m := votedHow.FindStringSubmatchIndex(part)
	if m == nil {
		return part
	}
	return "how many votes were cast in the vote " + part[m[2]:]
}

// splitParts is subQueries before a vote asked is read as its tally.
func splitParts(q string) []string {
	// "How was he killed — what was his group doing?": a dash joins two
	// questions as "and" does (a semicolon more often ends a premise:
	// "2699 had two abstentions; which country ...").
	q = questionsJoined(questionJoins.Replace(q))
	lower := " " + strings.ToLower(q) + " "
	if parts := ordinalParts(lower); parts != nil {
		return parts
	}
	if parts := rivalSourceParts(q); parts != nil {
		return parts
	}
	// "how is the GSF's job different from what the MSS did": one side
	// set against the other, whatever else the question holds.
	parts := differingSides(lower)
	if parts == nil && !isComparison(q) {
		return nil
	}
	if parts == nil {
		parts = comparedSides(lower)
	}
	for _, sep := range []string{" compared with ", " compared to ", " compare with ", " compare to ", " compares with ", " compares to ",
		" versus ", " vs ", " and then ", " than ", " and ", " or ", " et ", " ou "} {
		if parts != nil {
			break
		}
		if i := strings.Index(lower, sep); i > 0 {
			left, right := strings.TrimSpace(lower[:i]), strings.TrimSpace(lower[i+len(sep):])
			if len(contentTerms(left)) >= 1 && len(contentTerms(right)) >= 1 {
				parts = []string{left, right}
			}
		}
	}
	if len(parts) == 0 {
		return nil
	}
	// "A vs B — what are the two numbers?": the closing ask names what both
	// sides give, not a third thing to look for.
	if i := strings.LastIndex(parts[1], ", and "); i > 0 && asksOnlyMeasure(parts[1][i+len(", and "):]) {
		parts[1] = strings.TrimSpace(parts[1][:i])
	}
	// "BINUH got renewed in Jan 2026 — until when, and what's the
	// resolution number?": a statement, then two asks of it.
	if asks := premisedAsks(parts[0], parts[1]); asks != nil {
		return asks
	}
	// The frame of the question ("How did the force's size change between
	// ...") goes with each side: the left part holds it, so the right part
	// borrows the left's words before "between" / "from" when there are any.
	frame := parts[0]
	for _, w := range []string{" between ", " from ", " entre ", " de la "} {
		if i := strings.LastIndex(" "+frame, w); i > 0 {
			frame = strings.TrimSpace((" " + frame)[:i])
			return []string{parts[0], frame + " " + parts[1]}
		}
	}
	// "how big was the MSS when the council renewed it vs when it got
	// folded into the GSF?": a right part that is only another setting
	// ("when ...") asks the left's question in it; so does one that is
	// the left's question word and another setting ("who spoke for the
	// us when the mss got renewed, and who when the gsf was approved").
	right := withoutAskedWord(parts[0], parts[1])
	if frame := settingFrame(parts[0], right); frame != "" {
		return []string{parts[0], frame + " " + right}
	}
	// "how did the 2023 MSS resolution pass versus the 2025 GSF one?": a
	// right part that is only what tells it apart (a year, a name) borrows
	// the left's frame, without what tells the left apart.
	if elliptical(parts[1]) {
		if frame := settingSwapped(parts[0], parts[1]); frame != "" {
			parts[1] = frame
		} else if frame := subjectSwapped(q, parts[0], parts[1]); frame != "" {
			parts[1] = frame
		} else if frame := frameOf(q, parts[0]); frame != "" {
			parts[1] = frame + " " + parts[1]
		}
	}
	// "what resolution renewed BINUH in January 2026, and until what
	// year?": a right part that is only its question asks it of what the
	// left names.
	if bareQuestion(parts[1]) {
		if rest := askedOf(parts[0]); rest != "" {
			parts[1] += " " + rest
		}
	}
	// "which resolution created the GSF, and which one extended BINUH's
	// mandate?": "one" stands for what the left part asks for.
	parts[1] = oneAsLeftHead(parts[0], parts[1])
	// "the vote on the resolution creating the MSS compare with the vote
	// on the one creating the GSF": "one" stands for the left's noun
	// written between the same words.
	parts[1] = oneAsLeftNoun(parts[0], parts[1])
	// "what did Chad offer ..., and how many is it now set to deploy?":
	// "it" is the left's subject, which the right part then names.
	if name := leftSubject(q, parts[0], parts[1]); name != "" {
		parts[1] += " " + name
	}
	// "..., and how many with the January reinforcement?" asks about the
	// left's thing again: the right part borrows it when it names none.
	if right := askPhrase(parts[1]); right.head == "" && countCue(right.cue) && !ownSubject(parts[1], right.cue) {
		if left := askPhrase(parts[0]); left.head != "" {
			parts[1] += " " + strings.Join(append(slices.Clone(left.modifiers), left.head), " ")
		}
	}
	return []string{parts[0], parts[1]}
}

// comparedSides splits a question opening with "compare" into the two
// sides it sets side by side: "compare what kenya's PS said held the MSS
// back with what UN News said it faced" asks what each said. Nil when it
// opens otherwise or has no second side.
func comparedSides(lower string) []string {
	rest, ok := strings.CutPrefix(strings.TrimSpace(lower), "compare ")
	if !ok {
		return nil
	}
	for _, sep := range []string{" with ", " against ", " and ", " to "} {
		if i := strings.Index(rest, sep); i > 0 {
			left, right := strings.TrimSpace(rest[:i]), strings.TrimSpace(rest[i+len(sep):])
			if len(contentTerms(left)) >= 1 && len(contentTerms(right)) >= 1 {
				return []string{left, right}
			}
		}
	}
	return nil
}

// differingVerbs set one side against the other: "how does the GSF's job
// differ from what the MSS was tasked with".
var differingVerbs = []string{" differ from ", " differs from ", " differed from ", " different from ", " differ to "}

// differingSides splits "how does A differ from B" into what each side
// is: "what is the gsf's assigned job" and "what the original 2023
// mission was tasked with". The left's "how does" asks the manner of
// the difference, which no report tells: each side's own thing answers
// it. Nil when the question sets no two sides so.
func differingSides(lower string) []string {
	for _, sep := range differingVerbs {
		i := strings.Index(lower, sep)
		if i <= 0 {
			continue
		}
		left, right := strings.TrimSpace(lower[:i]), strings.TrimSpace(lower[i+len(sep):])
		words := strings.Fields(left)
		if len(words) < 3 || words[0] != "how" || !auxiliaries[words[1]] || len(contentTerms(right)) == 0 {
			return nil
		}
		return []string{"what is " + strings.Join(words[2:], " "), right}
	}
	return nil
}

// withoutAskedWord returns a right part that opens with a question of
// the left part and then a setting ("who when the gsf was approved", "how
// many when the gsf took over") as that setting alone; the part unchanged
// otherwise.
func withoutAskedWord(left, right string) string {
	toks := lexicon.Tokens(right)
	cue := askPhrase(right).cue
	n := len(cue)
	if n == 0 || len(toks) <= n || !slices.Equal(tokenTexts(toks[:n]), cue) || !clauseOpeners[toks[n].Text] {
		return right
	}
	if runIndex(tokenTexts(lexicon.Tokens(left)), cue) < 0 {
		return right
	}
	return strings.TrimSpace(right[toks[n].Start:])
}

// bareQuestion reports a part that holds nothing but its question for a
// value: "until what year?", "and when?". ("Which official said so?" asks
// who said it: the left's words found reports on the deed, not the
// speaker.)
func bareQuestion(part string) bool {
	if k := questionType(part); !k.valued() || k == TypeWho {
		return false
	}
	cue := askPhrase(part).cue
	for _, t := range contentTerms(part) {
		if !slices.Contains(cue, t) && !joinedQuestionWords[t] {
			return false
		}
	}
	return len(cue) > 0 || holdsWord(part, joinedQuestionWords)
}

// askedOf returns a part's words less its question ("what resolution"):
// what it asks about ("renewed binuh in january 2026").
func askedOf(part string) string {
	p := askPhrase(part)
	var drop [][]string
	for _, w := range append(slices.Clone(p.cue), p.head) {
		if w != "" {
			drop = append(drop, []string{w})
		}
	}
	return strings.Join(contentTerms(withoutRuns(part, drop)), " ")
}

// rivalSourceParts splits "The UN and Kenya gave different figures for
// the money held back by the freeze. What were the two figures?" into the
// figure each source gave: "how much did the un say was the money held
// back by the freeze", and "how much did kenya say was ...". Nil when the
// question sets no two sources against each other.
func rivalSourceParts(q string) []string {
	t := twoFiguresType(tokenTexts(lexicon.Tokens(q)))
	if t == TypeOther {
		return nil
	}
	lower := strings.ToLower(q)
	at := strings.Index(lower, " different ")
	if at < 0 {
		return nil
	}
	// What the figures are of: after "different figures for", to the end
	// of its sentence.
	rest := strings.Fields(lower[at+len(" different "):])
	if len(rest) < 3 || !figureNouns[strings.Trim(rest[0], ",.")] || !figureOf[rest[1]] {
		return nil
	}
	of := strings.Join(rest[2:], " ")
	if end := strings.IndexAny(of, ".?;:"); end >= 0 {
		of = of[:end]
	}
	// Who gave them: the sentence's subject, "A and B", before its verb.
	start := strings.LastIndexAny(lower[:at], ".?:") + 1
	subject := strings.Fields(lower[start:at])
	if len(subject) < 4 {
		return nil
	}
	sources := strings.SplitN(strings.Join(subject[:len(subject)-1], " "), " and ", 2)
	if len(sources) != 2 || strings.TrimSpace(of) == "" {
		return nil
	}
	cue := "how many"
	if t == TypeAmount {
		cue = "how much"
	}
	var parts []string
	for _, src := range sources {
		parts = append(parts, cue+" did "+strings.TrimSpace(src)+" say was "+strings.TrimSpace(of))
	}
	return parts
}

// figureOf join figures to what they are of: "different figures for".
var figureOf = lexiconSet(`for on of about`)

// premisedAsks returns, for a left part that only states ("binuh got
// renewed in jan 2026") and a right one of two asks ("until when, and
// what's the resolution number?"), each ask with the statement; nil
// otherwise.
func premisedAsks(left, right string) []string {
	words := tokenTexts(lexicon.Tokens(left))
	if len(words) == 0 || yesNoStarts[words[0]] || len(askPhrase(left).cue) > 0 || cueType(words) != TypeOther {
		return nil
	}
	i := strings.Index(right, ", and ")
	if i <= 0 {
		return nil
	}
	premise := strings.TrimRight(strings.TrimSpace(left), ",")
	first, second := strings.TrimSpace(right[:i]), strings.TrimSpace(right[i+len(", and "):])
	if len(askPhrase(first).cue) == 0 || len(askPhrase(second).cue) == 0 {
		return nil
	}
	return []string{first + " " + premise, second + " " + premise}
}

// settingFrame returns the words of left before its setting ("how big
// was the mss" before "when the council renewed it") when right opens with
// the same clause word ("when it got folded into the gsf"); "" otherwise.
func settingFrame(left, right string) string {
	toks := lexicon.Tokens(right)
	if len(toks) == 0 || !clauseOpeners[toks[0].Text] {
		return ""
	}
	i := strings.LastIndex(" "+left, " "+toks[0].Text+" ")
	if i <= 0 {
		return ""
	}
	frame := strings.TrimSpace(left[:i-1])
	if cueType(tokenTexts(lexicon.Tokens(frame))) == TypeOther {
		return "" // the left's words before it ask nothing
	}
	return frame
}

// asksOnlyMeasure reports an ask naming only a measure ("what are the two
// numbers?", "what were both figures?", "the two amounts").
func asksOnlyMeasure(ask string) bool {
	terms := contentTerms(ask)
	if len(terms) == 0 {
		return false
	}
	for _, t := range terms {
		if !metaHeads[t] && !figureNouns[t] && !lexicon.IsCountWord(t) && !twoWords[t] {
			return false
		}
	}
	return true
}

// maxEllipticalWords bounds the words other than numbers of a right part
// that leaves its frame to the left: "the 2025 GSF one", "the vote on its
// 2024 renewal".
const maxEllipticalWords = 2

// elliptical reports a part that asks nothing itself (no question word)
// and names little beside numbers: the rest is understood from the left.
func elliptical(part string) bool {
	if holdsWord(part, joinedQuestionWords) {
		return false
	}
	words := 0
	for _, t := range contentTerms(part) {
		if !lexicon.IsNumber(t) && !proForms[t] {
			words++
		}
	}
	return words <= maxEllipticalWords
}

// proForms stand for the noun of the other part: "the 2025 one".
var proForms = lexiconSet(`one ones`)

// frameOf is the left part's words less what tells it apart from the right:
// its numbers and the names written in capitals in the question ("MSS"),
// and the words that ask for the comparison.
func frameOf(question, left string) string {
	names := map[string]bool{}
	for _, t := range lexicon.Tokens(question) {
		if w := question[t.Start:t.End]; len(w) > 1 && strings.ToUpper(w) == w && !lexicon.IsNumber(t.Text) {
			names[t.Text] = true
		}
	}
	var kept []string
	for _, t := range lexicon.Tokens(left) {
		if lexicon.IsNumber(t.Text) || names[t.Text] || comparisonWords[t.Text] {
			continue
		}
		kept = append(kept, t.Text)
	}
	return strings.Join(kept, " ")
}

// leftSubject is the name the right part points back to with a pronoun
// ("its money", "they send"): the first name written with a capital in the
// left part, when the right part names none itself (its "he" may be its
// own "GSF special representative").
func leftSubject(question, left, right string) string {
	if !holdsWord(right, backRefs) {
		return ""
	}
	toks := lexicon.Tokens(question)
	split := min(len(lexicon.Tokens(left)), len(toks))
	isName := func(t lexicon.Token) bool {
		return capitalised(question, t) && len(t.Text) > 1 && !lexicon.IsStopWord(t.Text) &&
			!joinedQuestionWords[t.Text] && !lexicon.IsMonth(t.Text)
	}
	if slices.ContainsFunc(toks[split:], isName) {
		return ""
	}
	if i := slices.IndexFunc(toks[:split], isName); i >= 0 {
		return toks[i].Text
	}
	// Typed in lower case, a left part in a statement's order ("chad
	// offered how many soldiers") has its subject before its deed.
	ltoks := lexicon.Tokens(left)
	if at := runIndex(tokenTexts(ltoks), askPhrase(left).cue); at >= 2 && inSituDeed(left, ltoks, at) != "" && !lexicon.IsStopWord(ltoks[at-2].Text) {
		return ltoks[at-2].Text
	}
	return ""
}

// backRefs point back to what an earlier part of a question named.
var backRefs = lexiconSet(`it its they them their he him his she her il elle ils elles lui leur`)

var comparisonWords = lexiconSet(`compare compared comparison versus vs comparer`)

var questionJoins = strings.NewReplacer(" — ", ", and ", " – ", ", and ", " - ", ", and ")

// questionsJoined joins a question to the one typed after its question
// mark, as "and" would: "is there any channel for that? what kinds of
// grievances does it sort into" asks both.
func questionsJoined(q string) string {
	at := strings.IndexAny(q, "?？")
	if at < 0 {
		return q
	}
	rest := q[at+len(string([]rune(q[at:])[0])):]
	if next := lexicon.Tokens(rest); len(next) > 0 && joinedQuestionWords[next[0].Text] {
		return strings.TrimRight(q[:at], " ") + ", and " + strings.TrimLeft(rest, " ")
	}
	return q
}

// ownSubject reports a part whose cue is followed by a clause of its own,
// "how much had the UN trust fund received", "how many did it send later
// as reinforcements": it asks of that, not of the left part's thing.
func ownSubject(part string, cue []string) bool {
	words := tokenTexts(lexicon.Tokens(part))
	at := runIndex(words, cue)
	if at < 0 || at+len(cue)+1 >= len(words) {
		return false
	}
	return auxiliaries[words[at+len(cue)]]
}

// countCue reports a cue that asks for a number without naming what it
// counts ("how many", "combien"); "which town" names its thing.
func countCue(cue []string) bool {
	c := strings.Join(cue, " ")
	return c == "how many" || c == "how much" || c == "combien"
}

// ordinals pair up in "the first and second officers killed".
var ordinals = []string{"first", "second", "third", "fourth", "last", "latest", "previous", "current", "premier", "deuxieme", "dernier"}

// ordinalParts splits "who were the first and second officers killed" into
// a question about each: "who were the first officers killed", "who were
// the second officers killed".
func ordinalParts(lower string) []string {
	for _, a := range ordinals {
		for _, b := range ordinals {
			for _, join := range []string{" and ", " and the ", " et ", " et le "} {
				pair := " " + a + join + b + " "
				if a != b && strings.Contains(lower, pair) {
					return []string{strings.TrimSpace(strings.Replace(lower, pair, " "+a+" ", 1)),
						strings.TrimSpace(strings.Replace(lower, pair, " "+b+" ", 1))}
				}
			}
		}
	}
	return nil
}

// isComparison reports a question about two things at once: it names a
// comparison, or two different years or numbers. "Kenya and Haiti" alone
// is one subject, not two questions.
func isComparison(q string) bool {
	toks := lexicon.Tokens(q)
	// "..., and how many ...", "..., and in which town ...", "..., et dans
	// quelle ville ...": a second question joined to the first.
	for i, t := range toks {
		if t.Text != "and" && t.Text != "et" {
			continue
		}
		for _, next := range toks[i+1 : min(i+3, len(toks))] {
			if joinedQuestionWords[next.Text] {
				return true
			}
		}
	}
	var nums []string
	for _, t := range toks {
		switch t.Text {
		case "between", "compare", "compared", "comparison", "versus", "vs", "differ", "differs", "difference", "change",
			"changed", "changes", "both", "entre", "comparer", "evolue", "evolution":
			return true
		}
		if lexicon.IsNumber(t.Text) && !slices.Contains(nums, t.Text) {
			nums = append(nums, t.Text)
		}
	}
	return len(nums) >= 2
}

// joinedQuestionWords open a second question after "and" / "et" (as
// lexicon.Tokens writes them: lower case, accents folded).
var joinedQuestionWords = lexiconSet(`how when who which what until where why whom whose
comment quand qui quel quelle quels quelles ou combien pourquoi lequel laquelle`)

// withoutRuns returns text without the word runs given (as lexicon.Tokens
// writes them), the rest of it as written.
func withoutRuns(text string, runs [][]string) string { return replaceRuns(text, runs, "") }

// replaceRuns writes with in place of each of runs found in text.
func replaceRuns(text string, runs [][]string, with string) string {
	toks := lexicon.Tokens(text)
	words := tokenTexts(toks)
	drop := make([]bool, len(toks))
	starts := make([]bool, len(toks))
	for _, run := range runs {
		for i := 0; i+len(run) <= len(words); i++ {
			if slices.Equal(words[i:i+len(run)], run) {
				starts[i] = true
				for j := i; j < i+len(run); j++ {
					drop[j] = true
				}
			}
		}
	}
	var b strings.Builder
	last := 0
	for i, t := range toks {
		if drop[i] {
			b.WriteString(text[last:t.Start])
			if starts[i] {
				b.WriteString(with)
			}
			last = t.End
		}
	}
	b.WriteString(text[last:])
	return b.String()
}

// withoutPastBack drops the word that only places a question in time:
// "back" of "back then" and "back in March 2024", and a lead before a
// clause opener ("back when", "right after", "just before"). As words
// they match "backers", "back on track", "human rights".
func withoutPastBack(text string) string {
	toks := lexicon.Tokens(text)
	var b strings.Builder
	last := 0
	for i := 0; i+1 < len(toks); i++ {
		t, next := toks[i].Text, toks[i+1].Text
		dated := t == "back" && next == "in" && i+2 < len(toks) && (lexicon.IsMonth(toks[i+2].Text) || lexicon.IsYear(toks[i+2].Text))
		if clauseLeads[t] && clauseOpeners[next] || t == "back" && next == "then" || dated {
			b.WriteString(text[last:toks[i].Start])
			last = toks[i].End
		}
	}
	b.WriteString(text[last:])
	return b.String()
}

// asksAboutPresent reports a question about how things stand now: "now",
// "currently", "still", "latest", "as of", "today", and their French forms;
// "next" and "upcoming" too, since what comes next is what the newest
// reports plan ("the next contingents": the January report's April).
func asksAboutPresent(q string) bool {
	// "names of both officers killed so far": "so far" bounds a set whose
	// members each have their own date, not a state the newest report
	// tells.
	if asksForTwo(q) && !holdsRun(withoutRuns(q, cumulativeCues), presentCues) {
		return false
	}
	return holdsRun(q, presentCues)
}

// cumulativeCues ask for all up to now rather than for the present state.
var cumulativeCues = [][]string{{"so", "far"}, {"to", "date"}, {"yet"}}

var presentCues = [][]string{{"now"}, {"currently"}, {"current"}, {"still"}, {"latest"}, {"as", "of"}, {"today"}, {"at", "present"},
	{"presently"}, {"recently"}, {"lately"}, {"these", "days"}, {"nowadays"}, {"most", "recent"}, {"newest"}, {"so", "far"}, {"to", "date"}, {"yet"},
	{"at", "the", "moment"}, {"right", "now"}, {"next"}, {"upcoming"}, {"en", "ce", "moment"}, {"actuellement"}, {"aujourd", "hui"}, {"maintenant"}, {"toujours"}, {"encore"}, {"dernier"}, {"derniere"}, {"actuel"}, {"actuelle"},
	// How things stand, said in other words: "as things stand", "at this
	// point", "anymore", "no longer", "the present strength", "à ce jour".
	{"as", "things", "stand"}, {"as", "it", "stands"}, {"where", "things", "stand"}, {"at", "this", "point"}, {"at", "this", "stage"}, {"at", "this", "time"},
	{"anymore"}, {"any", "longer"}, {"no", "longer"}, {"the", "present"}, {"incumbent"}, {"a", "ce", "jour"}, {"desormais"}}

// nameFrames say that what is asked for is a name: "what was the name of
// the first officer killed" asks who he was. As a word, "name" is rare in
// the reports and led the search to "an officer by the name of ...", the
// second officer killed.
var nameFrames = [][]string{{"name", "of"}, {"names", "of"}}

// timeFrames ask for a time of day by its unit.
var timeFrames = [][]string{{"what", "time"}, {"which", "time"}, {"what", "hour"}, {"quelle", "heure"}, {"moment", "de", "la", "journee"}}

// dateFrames ask for a date by its unit.
var dateFrames = [][]string{{"what", "year"}, {"which", "year"}, {"what", "month"}, {"which", "month"}, {"what", "date"}, {"which", "date"}}

// isFollowUp reports whether a question leans on the turn before it: it is
// short, or starts with a word that continues a conversation, or points
// back with a pronoun.
func isFollowUp(q string) bool {
	if len(contentTerms(q)) < 3 {
		return true
	}
	toks := lexicon.Tokens(q)
	if len(toks) > 0 {
		switch toks[0].Text {
		case "and", "but", "also", "so", "then", "et", "mais", "y", "pero":
			return true
		}
	}
	for _, t := range toks {
		switch t.Text {
		case "it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "this", "these", "those":
			return true
		}
	}
	return false
}

func lastUserTurn(history []Turn) string {
	for i := len(history) - 1; i >= 0; i-- {
		if history[i].Role != "assistant" && strings.TrimSpace(history[i].Text) != "" {
			return strings.TrimSpace(history[i].Text)
		}
	}
	return ""
}

func lastTurns(history []Turn, n int) []Turn {
	if len(history) > n {
		return history[len(history)-n:]
	}
	return history
}
