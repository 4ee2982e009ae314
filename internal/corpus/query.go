package corpus

import (
	"container/list"
	"sync"

	"github.com/mss-brief/briefbot/internal/lexicon"
)

// Every comparison of words in the corpus (the index, a query, the rerank
// of sentences) goes through the store's lexicon.Analyzer: the terms a
// passage is indexed under are the terms a question is looked up by.

// relatedWeight is how much a related term (a synonym, another name of the
// same body, a translation) counts beside the question's own word.
const relatedWeight = 0.7

// queryTerm is one index term a query scores, with the share of its idf
// it earns.
type queryTerm struct {
	term   string
	weight float64
}

// concept is one thing a question asks about, weighted by how rare it is
// in the corpus.
type concept struct {
	lexicon.Concept
	weight float64
}

// queryConcepts analyses a question into the concepts worth searching for.
func (s *Store) queryConcepts(text string) []concept {
	cs := s.lex.Query(text)
	out := make([]concept, len(cs))
	for i, c := range cs {
		out[i] = concept{Concept: c, weight: 1}
	}
	return out
}

// sentenceTerms is what the rerank needs of a sentence: its set of index
// terms, its content stems in order (for phrases) and its folded words
// (for the cue: a month is a month before stemming).
type sentenceTerms struct {
	bag   lexicon.Bag
	stems []string
	words []string
}

func (s *Store) analyseSentence(text, lang string) sentenceTerms {
	terms := s.lex.Analyze(text, lang)
	st := sentenceTerms{bag: make(lexicon.Bag, len(terms)), words: make([]string, len(terms))}
	for i, t := range terms {
		st.words[i] = t.Text
		if !t.Stop {
			st.stems = append(st.stems, t.Stem)
			st.bag[t.Stem] = true
		}
	}
	for _, g := range s.lex.Groups(terms, lang) {
		st.bag[g] = true
	}
	return st
}

// analysisCache keeps the sentence analysis of recently reranked passages:
// analysing a passage's words costs far more than scoring them, and the
// same passages come back (the parts of one question, its follow-ups, the
// questions of a busy week). Least recently used entries go first.
type analysisCache struct {
	mu    sync.Mutex
	max   int
	items map[int64]*list.Element
	order *list.List // of *analysedPassage, most recent first
}

type analysedPassage struct {
	id    int64
	text  string // what was analysed: a reused rowid holds other text
	sents []sentenceTerms
}

// analysedPassages is how many passages the rerank remembers (about 10 MB).
const analysedPassages = 1024

func newAnalysisCache(n int) *analysisCache {
	return &analysisCache{max: n, items: map[int64]*list.Element{}, order: list.New()}
}

// sentences returns the analysis of a passage's sentences, from the cache
// when it holds this very text.
func (s *Store) sentences(id int64, text, lang string) []sentenceTerms {
	c := s.analysed
	c.mu.Lock()
	if e, ok := c.items[id]; ok {
		if p := e.Value.(*analysedPassage); p.text == text {
			c.order.MoveToFront(e)
			c.mu.Unlock()
			return p.sents
		}
	}
	c.mu.Unlock()
	split := SplitSentences(text)
	sents := make([]sentenceTerms, len(split))
	for i, sent := range split {
		sents[i] = s.analyseSentence(sent, lang)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[id]; ok {
		c.order.Remove(e)
	}
	c.items[id] = c.order.PushFront(&analysedPassage{id: id, text: text, sents: sents})
	for c.order.Len() > c.max {
		old := c.order.Remove(c.order.Back()).(*analysedPassage)
		delete(c.items, old.id)
	}
	return sents
}
