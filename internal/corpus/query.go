package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/maphash"
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
// it earns, and what the index holds of it (looked up once: each lookup
// is a hash of the string).
type queryTerm struct {
	term        string
	weight      float64
	df          int
	text, title *postings
	// fullIn is the language of the passages in which the term counts at
	// weight 1: a translation of a French question's word in an English
	// passage (translatedFor), "" elsewhere.
	fullIn string
}

// translatedTerms marks the related terms of a question in lang to count
// fully in the passages translatedFor it, in BM25 as in the rerank
// (relatedShare): there the translation is the only way the passage can
// say the question's word, and at relatedWeight the French reports on the
// same events, holding the question's own words, outscored the English
// report that answers.
func translatedTerms(terms []queryTerm, lang string) []queryTerm {
	if !translatedFor(lang, lexicon.English) {
		return terms
	}
	for i := range terms {
		if terms[i].weight == relatedWeight {
			terms[i].fullIn = lexicon.English
		}
	}
	return terms
}

// concept is one thing a question asks about, weighted by how rare it is
// in the corpus.
type concept struct {
	lexicon.Concept
	weight float64
	// synonymEligible is set for a word WordNet may stand in for
	// (lexicon.SynonymEligible).
	synonymEligible bool
}

// queryConcepts analyses a question into the concepts worth searching for.
func (s *Store) queryConcepts(text string) []concept {
	cs := s.lex.Query(text)
	names := lexicon.CapitalisedWords(text)
	out := make([]concept, len(cs))
	for i, c := range cs {
		out[i] = concept{Concept: c, weight: 1, synonymEligible: lexicon.SynonymEligible(c, names)}
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

// search is Search on the index as it is: BM25 candidates from the
// index, reranked by sentence coverage on the analysis the index holds,
// and only the passages returned read from the store. When the question
// has too many concepts for the index's rerank, or a passage read is not
// the one the index analysed (another process replaced it since), the
// whole pool is read and reranked from its text. fresh reports that the
// index had applied all of passage_log as the read of the hits saw it (or,
// with no hits, as a read of its head sees it now).
func (s *Store) search(ctx context.Context, q Query, k int) (hits []Hit, fresh bool, err error) {
	concepts := s.queryConcepts(q.Text)
	cue := QuestionCue(q.Text)
	lang := lexicon.QuestionLang(q.Text)
	s.ix.mu.RLock()
	applied := s.ix.applied
	terms := translatedTerms(s.weighConcepts(concepts), lang)
	f := queryFilter(q)
	// Rerank a wider pool than asked for: the answer is often not in BM25's top k.
	var top []scored
	var order []ranked
	indexed := false
	if len(terms) > 0 {
		top = s.ix.topK(terms, max(2*k, rerankPool), f)
		order, indexed = s.ix.rerankIndexed(top, concepts, cue, lang)
	}
	seed, gen := s.ix.seed, s.ix.gen
	s.ix.mu.RUnlock()
	if len(top) == 0 {
		head, err := s.ix.head(ctx, s.db)
		if err != nil {
			return nil, false, fmt.Errorf("search: %w", err)
		}
		return nil, head == applied, nil
	}
	if indexed {
		order = order[:min(k, len(order))]
		hits, head, ok, err := s.indexedHits(ctx, order, seed, gen, applied)
		if err != nil {
			return nil, false, fmt.Errorf("search: %w", err)
		}
		if ok {
			return hits, head == applied, nil
		}
	}
	hits, head, err := s.hitsAndHead(ctx, top)
	if err != nil {
		return nil, false, fmt.Errorf("search: %w", err)
	}
	if head < 0 { // every candidate deleted since: ask the log itself
		if head, err = s.ix.head(ctx, s.db); err != nil {
			return nil, false, fmt.Errorf("search: %w", err)
		}
	}
	s.rerank(hits, concepts, cue, lang)
	if len(hits) > k {
		hits = hits[:k]
	}
	return hits, head == applied, nil
}

// indexedHits returns the passages of the index's rerank, in its order
// and with its scores, and passage_log's head as the read of them saw it.
// Those the hit cache holds are not read: when it holds them all, only
// the head is. It reports false when a passage read is not the one the
// index analysed (deleted, or replaced behind it), and the caller reranks
// from the text. Rows read in a snapshot the index had applied go to the
// cache; when the head shows the index behind, what the cache gave may be
// behind too, and every passage is read.
func (s *Store) indexedHits(ctx context.Context, order []ranked, seed maphash.Seed, gen uint64, applied int64) ([]Hit, int64, bool, error) {
	n := len(order)
	hits := make([]Hit, n)
	found := make([]bool, n)
	ords := make([]uint32, n)
	for i, r := range order {
		ords[i] = r.ord
	}
	cached := s.ix.hits.get(gen, ords, hits, found)
	var head int64
	if cached == n {
		var err error
		if head, err = s.ix.head(ctx, s.db); err != nil {
			return nil, 0, false, err
		}
		if head == applied {
			for i := range hits {
				hits[i].Score, hits[i].BM25 = order[i].rank, order[i].score
			}
			return hits, head, true, nil
		}
		clear(found) // behind: read them all
		cached = 0
	}
	want := make([]scored, 0, n-cached)
	for i, r := range order {
		if !found[i] {
			want = append(want, r.scored)
		}
	}
	read, head, err := s.hitsAndHead(ctx, want)
	if err != nil {
		return nil, 0, false, err
	}
	if cached > 0 && head != applied {
		// Behind: read what the cache gave as well.
		clear(found)
		if read, head, err = s.hitsAndHead(ctx, scoredOf(order)); err != nil {
			return nil, 0, false, err
		}
	}
	j := 0
	for i := range hits {
		if found[i] {
			continue
		}
		if j == len(read) || read[j].ID != order[i].id || maphash.String(seed, read[j].Text) != order[i].hash {
			return nil, 0, false, nil
		}
		hits[i] = read[j]
		if head == applied {
			s.ix.hits.put(gen, order[i].ord, read[j], false)
		}
		j++
	}
	for i := range hits {
		hits[i].Score, hits[i].BM25 = order[i].rank, order[i].score
	}
	return hits, head, true, nil
}

// scoredOf is the BM25 candidates of a rerank's order.
func scoredOf(order []ranked) []scored {
	out := make([]scored, len(order))
	for i, r := range order {
		out[i] = r.scored
	}
	return out
}

// sentences analyses a passage's sentences, as the index does when it
// indexes the passage.
func (s *Store) sentences(text, lang string) []sentenceTerms {
	split := SplitSentences(text)
	sents := make([]sentenceTerms, len(split))
	for i, sent := range split {
		sents[i] = s.analyseSentence(sent, lang)
	}
	return sents
}

// stmtCache keeps the statements a search runs prepared: through modernc's
// SQLite, parsing the passages query cost about as much as running it
// (some 60 of 150 µs for eight passages).
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// maxCachedStmts bounds the cache: the statements differ only by how many
// passage ids they read, so a few dozen cover every pool size in use.
const maxCachedStmts = 64

// query runs a query through its prepared statement, preparing it the
// first time (or running it unprepared when the cache is full).
func (c *stmtCache) query(ctx context.Context, db *sql.DB, query string, args ...any) (*sql.Rows, error) {
	c.mu.Lock()
	st, ok := c.m[query]
	if !ok && len(c.m) < maxCachedStmts {
		var err error
		if st, err = db.PrepareContext(ctx, query); err != nil {
			c.mu.Unlock()
			return nil, err
		}
		if c.m == nil {
			c.m = map[string]*sql.Stmt{}
		}
		c.m[query] = st
	}
	c.mu.Unlock()
	if st == nil {
		return db.QueryContext(ctx, query, args...)
	}
	return st.QueryContext(ctx, args...)
}

// close closes the prepared statements.
func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for _, st := range c.m {
		errs = append(errs, st.Close())
	}
	c.m = nil
	return errors.Join(errs...)
}
