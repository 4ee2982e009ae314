package corpus

import (
	"cmp"
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"

	"github.com/mss-brief/briefbot/internal/lexicon"
)

// BM25 finds passages that share words with a question; it cannot tell a
// passage that answers it from one that merely uses the same words in
// different sentences. The rerank below asks a sharper question of the BM25
// candidates: does one sentence hold most of what was asked (weighted by
// rarity, and better still in the question's own word order), and, when
// the question asks "how many" or "when", does that sentence hold a number
// or a date?

// Cue is the kind of answer a question asks for.
type Cue int

// Cues.
const (
	CueNone     Cue = iota
	CueQuantity     // "how many", "how much": a count or amount
	CueDate         // "when", "what year": a date
	CueSpan         // "how long": a span of time ("six months", "90 days")
)

// QuestionCue tells what kind of answer a question asks for.
func QuestionCue(question string) Cue {
	// Tokens fold case and diacritics: "Cuántos" reads as "cuantos".
	// Compared token by token, not as a joined string: a search asks
	// this of every question, and a token holds no space.
	toks := lexicon.Tokens(question)
	if holdsPhrase(toks, [][]string{{"combien", "de", "temps"}}) { // not "combien", a count
		return CueSpan
	}
	if holdsPhrase(toks, [][]string{{"how", "many"}, {"how", "much"}, {"number", "of"}, {"how", "large"}, {"how", "big"},
		{"size"}, {"headcount"}, {"strength"}, {"ceiling"}, {"effectif"}, {"taille"},
		{"combien"}, {"cuantos"}, {"cuantas"}, {"cuanto"}}) {
		return CueQuantity
	}
	if asksWhen(toks) || holdsPhrase(toks, [][]string{{"what", "date"}, {"what", "year"}, {"which", "year"}, {"what", "day"}}) {
		return CueDate
	}
	if holdsPhrase(toks, [][]string{{"how", "long"}, {"timeframe"}, {"time", "frame"}, {"quel", "delai"}}) {
		return CueSpan
	}
	return CueNone
}

// asksWhen reports a "when" that asks: one that opens the question, or a
// second question ("..., and when did ..."), or follows a word that is no
// question word. After the question's own question word it opens a
// clause: "Which country chaired the Council when 2793 was adopted?" asks
// which, and is answered by "chaired by South Korea", which holds no date.
func asksWhen(toks []lexicon.Token) bool {
	for i, t := range toks {
		if t.Text != "when" && t.Text != "quand" && t.Text != "cuando" {
			continue
		}
		if i == 0 || !openingQuestionWords[toks[0].Text] || toks[i-1].Text == "and" || toks[i-1].Text == "et" {
			return true
		}
	}
	return false
}

// openingQuestionWords open a question that asks for something else than
// a date.
var openingQuestionWords = wordSet(`who whom whose which what where why how qui quel quelle quels quelles pourquoi comment combien`)

// holdsPhrase reports whether toks hold one of phrases, word after word.
func holdsPhrase(toks []lexicon.Token, phrases [][]string) bool {
	for _, p := range phrases {
		for i := 0; i+len(p) <= len(toks); i++ {
			j := 0
			for j < len(p) && toks[i+j].Text == p[j] {
				j++
			}
			if j == len(p) {
				return true
			}
		}
	}
	return false
}

// foldedWords is text's tokens, folded, joined by spaces.
func foldedWords(text string) string {
	toks := lexicon.Tokens(text)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
	}
	return strings.Join(words, " ")
}

// MetBy reports whether a sentence holds the kind of answer asked for.
func (c Cue) MetBy(sentence string) bool {
	if c == CueNone {
		return true
	}
	return c.metByWords(strings.Fields(foldedWords(sentence)))
}

func (c Cue) metByWords(words []string) bool {
	return c.metBy(len(words), func(i int) string { return words[i] })
}

// metBy is metByWords over n folded words that word(i) gives.
func (c Cue) metBy(n int, word func(int) string) bool {
	switch c {
	case CueQuantity:
		// A count, not a date: years and day numbers beside a month do not answer "how many".
		for i := range n {
			if t := word(i); !lexicon.IsNumber(t) || lexicon.IsYear(t) {
				continue
			}
			if (i > 0 && lexicon.IsMonth(word(i-1))) || (i+1 < n && lexicon.IsMonth(word(i+1))) {
				continue
			}
			return true
		}
		return false
	case CueDate:
		for i := range n {
			if t := word(i); lexicon.IsMonth(t) || lexicon.IsYear(t) {
				return true
			}
		}
		return false
	case CueSpan:
		return lexicon.HoldsSpan(n, word)
	}
	return true
}

// relatedShare is how much a related word counts beside the word asked. A
// passage in the other language than the question's holds the question's
// words only as their translations, the members of their groups
// ("policiers" is "police officers" in an English report): there a
// translation is the word, else a French question finds the French
// reports first, for their words alone, whoever answers it.
func relatedShare(translated bool) float64 {
	if translated {
		return 1
	}
	return relatedWeight
}

// translatedFor reports an English passage asked in French. Only that
// way: an English question's words are mostly the reports' own, and
// counting their translations fully put the few French reports on the
// same events above the English answer (real_holdout key fact 1.00 ->
// 0.88, real_fresh13 0.91 -> 0.84).
func translatedFor(questionLang, passageLang string) bool {
	return questionLang == lexicon.French && passageLang == lexicon.English
}

// phraseShare is how much holding the question's adjacent words in the
// same order counts, beside the coverage of its concepts.
const phraseShare = 0.15

// sentenceScore scores one analysed sentence: the weighted share of the
// concepts it holds (a related word counts relatedWeight of the word
// asked, or all of it in a passage translated from the question's
// language), plus a bonus for the question's word pairs it holds in order,
// halved when it lacks the kind of answer the question asks for.
func sentenceScore(st sentenceTerms, concepts []concept, cue Cue, translated bool) float64 {
	var total, got float64
	related := relatedShare(translated)
	for _, c := range concepts {
		total += c.weight
		switch {
		case st.bag.HasExact(c.Concept):
			got += c.weight
		case st.bag.Has(c.Concept):
			got += related * c.weight
		}
	}
	if total == 0 {
		return 0
	}
	score := got / total
	if pairs, held := phrasePairs(concepts, st.stems); pairs > 0 {
		score += phraseShare * float64(held) / float64(pairs)
	}
	if cue != CueNone && !cue.metByWords(st.words) {
		score /= 2
	}
	return score
}

// phrasePairs counts the question's adjacent concept pairs and how many of
// them occur as adjacent content words of the sentence.
func phrasePairs(concepts []concept, stems []string) (pairs, held int) {
	for i := 0; i+1 < len(concepts); i++ {
		a, b := concepts[i], concepts[i+1]
		if a.Glossary || b.Glossary {
			continue
		}
		pairs++
		for j := 0; j+1 < len(stems); j++ {
			if hasForm(a.Concept, stems[j]) && hasForm(b.Concept, stems[j+1]) {
				held++
				break
			}
		}
	}
	return pairs, held
}

func hasForm(c lexicon.Concept, stem string) bool {
	for _, f := range c.Forms {
		if f == stem {
			return true
		}
	}
	return false
}

// bestScore is the score of the passage's sentence that best answers the
// concepts.
func (s *Store) bestScore(h Hit, concepts []concept, cue Cue, lang string) float64 {
	best := 0.0
	translated := translatedFor(lang, h.Doc.Lang)
	for _, st := range s.sentences(h.Text, h.Doc.Lang) {
		best = math.Max(best, sentenceScore(st, concepts, cue, translated))
	}
	return best
}

// bm25Share is how much the passage-level BM25 score counts beside the best
// sentence's score, once both are on a 0..1 scale.
const bm25Share = 0.3

// rerank orders BM25 candidates by bm25Share × their BM25 score relative to
// the best candidate plus the score of their best sentence.
func (s *Store) rerank(hits []Hit, concepts []concept, cue Cue, lang string) {
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
		hits[i].Score = bm25Share*rel + s.bestScore(hits[i], concepts, cue, lang)
	}
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].Score > hits[b].Score })
}

// conceptMasks tell, for the term ids of one query, which of its concepts
// (bit i for concept i) a term is a form of, or related to: the rerank
// over the index's sentences compares ids, never strings. Most ids of a
// sentence are no term of the query, and a bit filter on the id says so
// before any search of the query's few ids.
type conceptMasks struct {
	maybe  [maskFilterWords]uint64 // bit id mod 512: the id may be one of ids
	ids    []uint32                // sorted
	masks  [][2]uint64             // ids[i]'s {forms, related}
	pairs  uint64                  // bit i: concepts i and i+1 are a phrase pair
	nPairs int
	total  float64 // the concepts' weights, summed in order
}

// maskFilterWords is the size of conceptMasks' filter in 64-bit words: a
// question's few dozen ids set about a tenth of its bits.
const maskFilterWords = 8

// of returns the {forms, related} masks of a term id.
func (m *conceptMasks) of(id uint32) [2]uint64 {
	if m.maybe[(id>>6)%maskFilterWords]&(1<<(id&63)) == 0 {
		return [2]uint64{}
	}
	for i, x := range m.ids { // a few dozen at most
		if x >= id {
			if x == id {
				return m.masks[i]
			}
			break
		}
	}
	return [2]uint64{}
}

// maxMaskedConcepts is how many concepts a conceptMasks can hold; a
// question with more is reranked from its passages' text.
const maxMaskedConcepts = 64

// conceptMasks maps the concepts' forms and related terms to the index's
// term ids. The caller holds the index's read lock.
func (ix *index) conceptMasks(concepts []concept) (conceptMasks, bool) {
	if len(concepts) > maxMaskedConcepts {
		return conceptMasks{}, false
	}
	type mark struct {
		id   uint32
		mask [2]uint64
	}
	var marks []mark
	add := func(terms []string, bit uint64, kind int) {
		for _, t := range terms {
			if id, ok := ix.terms[t]; ok {
				mk := mark{id: id}
				mk.mask[kind] = bit
				marks = append(marks, mk)
			}
		}
	}
	var m conceptMasks
	for i, c := range concepts {
		m.total += c.weight
		add(c.Forms, 1<<i, 0)
		add(c.Related, 1<<i, 1)
		// As phrasePairs counts them.
		if i+1 < len(concepts) && !c.Glossary && !concepts[i+1].Glossary {
			m.pairs |= 1 << i
			m.nPairs++
		}
	}
	slices.SortFunc(marks, func(a, b mark) int { return cmp.Compare(a.id, b.id) })
	for _, mk := range marks {
		if n := len(m.ids); n > 0 && m.ids[n-1] == mk.id {
			m.masks[n-1][0] |= mk.mask[0]
			m.masks[n-1][1] |= mk.mask[1]
			continue
		}
		m.ids = append(m.ids, mk.id)
		m.masks = append(m.masks, mk.mask)
		m.maybe[(mk.id>>6)%maskFilterWords] |= 1 << (mk.id & 63)
	}
	return m, true
}

// maskedScore is sentenceScore of one sentence as the index holds it:
// the uvarint ids of its content stems (the first nStems) and groups.
func maskedScore(ids []byte, nStems int, flags uint8, m *conceptMasks, concepts []concept, cue Cue, translated bool) float64 {
	var exact, some, held, prev uint64
	for i, at := 0, 0; at < len(ids); i++ {
		// uvarint written out: a call per id costs more than the rest.
		var id uint32
		if b := ids[at]; b < 0x80 {
			id, at = uint32(b), at+1
		} else if at+1 < len(ids) && ids[at+1] < 0x80 {
			id, at = uint32(b&0x7f)|uint32(ids[at+1])<<7, at+2
		} else {
			v, n := binary.Uvarint(ids[at:])
			id, at = uint32(v), at+n
		}
		v := m.of(id)
		exact |= v[0]
		some |= v[0] | v[1]
		if i < nStems {
			// Concept b follows concept b-1 in the sentence's words.
			held |= prev & (v[0] >> 1)
			prev = v[0]
		}
	}
	if some == 0 || m.total == 0 {
		return 0 // most sentences of a candidate: nothing asked for
	}
	// The concepts held, in order (the sums of sentenceScore, bit for bit).
	var got float64
	related := relatedShare(translated)
	for b := some; b != 0; b &= b - 1 {
		i := bits.TrailingZeros64(b)
		if exact&(1<<i) != 0 {
			got += concepts[i].weight
		} else {
			got += related * concepts[i].weight
		}
	}
	score := got / m.total
	if m.nPairs > 0 {
		score += phraseShare * float64(bits.OnesCount64(held&m.pairs)) / float64(m.nPairs)
	}
	if (cue == CueQuantity && flags&sentQuantity == 0) || (cue == CueDate && flags&sentDate == 0) || (cue == CueSpan && flags&sentSpan == 0) {
		score /= 2
	}
	return score
}

// ranked is a BM25 candidate with its rerank score, and the hash of the
// text the index analysed.
type ranked struct {
	scored
	rank float64
	hash uint64
}

// rerankIndexed is rerank over the sentences the index holds, for BM25
// candidates the index just returned: no text read, no analysis. It
// reports false when the question has more concepts than a mask holds,
// and the caller reranks from the text. The caller holds the index's read
// lock.
func (ix *index) rerankIndexed(top []scored, concepts []concept, cue Cue, lang string) ([]ranked, bool) {
	m, ok := ix.conceptMasks(concepts)
	if !ok {
		return nil, false
	}
	best := 0.0
	for _, t := range top {
		best = math.Max(best, t.score)
	}
	out := make([]ranked, len(top))
	for i, t := range top {
		o := t.ord
		bestSentence := 0.0
		translated := translatedFor(lang, ix.meta[o].lang)
		for d := ix.sentencesOf(o); len(d) > 0; {
			flags := d[0]
			stems, n := uvarint(d[1:])
			size, n2 := uvarint(d[1+n:])
			d = d[1+n+n2:]
			end := int(size)
			bestSentence = math.Max(bestSentence, maskedScore(d[:end], int(stems), flags, &m, concepts, cue, translated))
			d = d[end:]
		}
		rel := 0.0
		if best > 0 {
			rel = t.score / best
		}
		out[i] = ranked{scored: t, rank: bm25Share*rel + bestSentence, hash: ix.textHash[o]}
	}
	slices.SortStableFunc(out, func(a, b ranked) int { return cmp.Compare(b.rank, a.rank) })
	return out, true
}

// uvarint decodes one uvarint id, the one-byte case inline.
func uvarint(b []byte) (uint32, int) {
	if b[0] < 0x80 {
		return uint32(b[0]), 1
	}
	v, n := binary.Uvarint(b)
	return uint32(v), n
}

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
