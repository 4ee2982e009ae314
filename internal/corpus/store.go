package corpus

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mss-brief/briefbot/internal/database"
	"github.com/mss-brief/briefbot/internal/document"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// Store is the corpus in the bot's database (internal/database): the
// documents and their passages, with the in-memory search index derived
// from them, so that a restart or a second process sees the same truth.
type Store struct {
	db    *sql.DB
	base  *database.DB
	owned bool // opened by Open: Close closes base
	now   func() time.Time
	lex   *lexicon.Analyzer

	// The search index, derived from the passages and kept current
	// through passage_log.
	ix *index
	// vector_log, which this process's writes of passages and vectors
	// prune (the dense index, vectors.go, catches up from it).
	vlog *changeLog
}

// Option sets how a store is opened.
type Option func(*Store)

// WithAnalyzer sets the text analysis of the search index and queries,
// which knows the topic's glossary. Without it the store analyses text
// with no glossary: words and the built-in paraphrase groups only.
func WithAnalyzer(a *lexicon.Analyzer) Option {
	return func(s *Store) {
		if a != nil {
			s.lex = a
		}
	}
}

// Open opens (creating if needed) the store at target, a SQLite file path
// or a postgres:// URL, and brings its schema up to date. The store owns
// the database: Close closes it.
func Open(ctx context.Context, target string, opts ...Option) (*Store, error) {
	db, err := database.Open(ctx, target)
	if err != nil {
		return nil, err
	}
	s := New(db, opts...)
	s.owned = true
	return s, nil
}

// New returns the corpus kept in db, an open and migrated database that
// the bookkeeping (internal/ledger) may share. Closing the store leaves db
// open.
func New(db *database.DB, opts ...Option) *Store {
	s := &Store{db: db.SQL, base: db, now: time.Now, vlog: newChangeLog("vector_log")}
	for _, o := range opts {
		o(s)
	}
	if s.lex == nil {
		s.lex = lexicon.New(nil)
	}
	s.ix = newIndex(s.lex)
	return s
}

// Database is the database the store keeps its documents in: the ledger
// of a process that opened the store with Open lives there too.
func (s *Store) Database() *database.DB { return s.base }

// Analyzer is the text analysis the store indexes and searches with: the
// layers above compare words through it, so a word the search matched is a
// word they see.
func (s *Store) Analyzer() *lexicon.Analyzer { return s.lex }

// Close releases the database if the store opened it.
func (s *Store) Close() error {
	err := s.ix.stmts.close()
	if !s.owned {
		return err
	}
	return errors.Join(err, s.base.Close())
}

// SetClock replaces the store's clock; tests use it to pin "now".
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// sqlTx is what a transaction body may use.
type sqlTx = *sql.Tx

func (s *Store) inTx(ctx context.Context, fn func(sqlTx) error) error {
	return database.InTx(ctx, s.db, fn)
}

// CanonicalURL normalises a URL for identity: lower-case scheme and host, no
// fragment, no tracking parameters, no trailing slash.
func CanonicalURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return strings.TrimSpace(raw)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	u.Fragment = ""
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(k, "utm_") || k == "fbclid" || k == "gclid" {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode()
	u.Path = strings.TrimSuffix(u.Path, "/")
	return u.String()
}

// Put stores a document and its passages in one transaction. A document is
// identified by its Key when set, else its canonical URL, else its origin; the
// same text under another identity is stored once. Storing a changed version
// replaces the old passages.
func (s *Store) Put(ctx context.Context, d Document) (PutResult, error) {
	if !utf8.ValidString(d.Text) {
		return PutResult{}, errors.New("text is not valid UTF-8")
	}
	clean := strings.Join(Paragraphs(d.Text), "\n\n")
	if strings.TrimSpace(clean) == "" {
		return PutResult{}, ErrEmpty
	}
	d.Hash = contentHash(clean)
	switch {
	case d.Key != "":
		// The caller knows the identity better (a local note citing a URL).
	case d.URL != "":
		d.Key = CanonicalURL(d.URL)
	case d.Origin != "":
		d.Key = d.Origin
	default:
		d.Key = "sha256:" + d.Hash
	}
	d.ID = DocID(d.Key)
	if strings.TrimSpace(d.Title) == "" {
		d.Title = GuessTitle(clean)
	}
	if d.Ingested.IsZero() {
		d.Ingested = s.now()
	}
	chunks := Chunk(clean)
	res := PutResult{DocID: d.ID, Passages: len(chunks)}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if s.base.Dialect == database.Postgres {
			// Two replicas storing one document (both poll the same feeds)
			// take turns, as SQLite's one writer does: the second sees the
			// first's version instead of adding its passages twice.
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(1651665255, hashtext(?))`, d.ID); err != nil {
				return err
			}
		}
		var oldHash string
		err := tx.QueryRowContext(ctx, `SELECT hash FROM documents WHERE id = ?`, d.ID).Scan(&oldHash)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			res.Outcome = Added
		case err != nil:
			return err
		case oldHash == d.Hash:
			res.Outcome = Unchanged
			return nil
		default:
			res.Outcome = Updated
		}
		// The same text under another identity is kept once.
		var dup string
		err = tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE hash = ? AND id <> ? LIMIT 1`, d.Hash, d.ID).Scan(&dup)
		if err == nil {
			res.Outcome, res.Duplicate = Unchanged, dup
			return nil
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		links, _ := json.Marshal(nonNil(d.Links))
		if _, err := tx.ExecContext(ctx, `DELETE FROM passages WHERE doc_id = ?`, d.ID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO documents(id, key, title, source, url, published, ingested, lang, hash, origin, links)
			VALUES(?,?,?,?,?,?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET title=excluded.title, source=excluded.source, url=excluded.url,
				published=excluded.published, ingested=excluded.ingested, lang=excluded.lang,
				hash=excluded.hash, origin=excluded.origin, links=excluded.links`,
			d.ID, d.Key, d.Title, d.Source, d.URL, unixOrNil(d.Published), d.Ingested.Unix(), d.Lang, d.Hash, d.Origin, string(links))
		if err != nil {
			return err
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO passages(doc_id, seq, title, text) VALUES(?,?,?,?)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i, c := range chunks {
			if _, err := stmt.ExecContext(ctx, d.ID, i, d.Title, c); err != nil {
				return err
			}
		}
		// Deleting the old passages deleted their vectors too.
		return errors.Join(s.ix.log.prune(ctx, tx), s.vlog.prune(ctx, tx))
	})
	if err != nil {
		return PutResult{}, fmt.Errorf("store %q: %w", d.Title, err)
	}
	return res, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func unixOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

// GuessTitle makes a title for text that came without one: its first line
// when that reads like a heading, else its first sentence, shortened.
func GuessTitle(text string) string {
	title, _ := guessTextTitle(text)
	return title
}

const docColumns = `d.id, d.key, d.title, d.source, d.url, d.published, d.ingested, d.lang, d.hash, d.origin, d.links`

type scanner interface{ Scan(...any) error }

// scanDocument scans docColumns, after any leading columns the caller names.
func scanDocument(row scanner, leading ...any) (Document, error) {
	var ds docScan
	if err := row.Scan(ds.dest(leading...)...); err != nil {
		return Document{}, err
	}
	return ds.document(), nil
}

// docScan is the destination of docColumns' values: one, with its slice
// of destinations, serves every row of a query.
type docScan struct {
	d         Document
	published sql.NullInt64
	ingested  int64
	links     string
	to        []any
}

// dest returns the destinations of the leading columns, then of docColumns.
func (ds *docScan) dest(leading ...any) []any {
	ds.to = append(append(ds.to[:0], leading...), &ds.d.ID, &ds.d.Key, &ds.d.Title, &ds.d.Source, &ds.d.URL,
		&ds.published, &ds.ingested, &ds.d.Lang, &ds.d.Hash, &ds.d.Origin, &ds.links)
	return ds.to
}

// document is the document scanned.
func (ds *docScan) document() Document {
	d := ds.d
	if ds.published.Valid {
		d.Published = time.Unix(ds.published.Int64, 0).UTC()
	}
	d.Ingested = time.Unix(ds.ingested, 0).UTC()
	d.Links = nil
	if ds.links == "[]" { // most documents: what Unmarshal gives, without parsing
		d.Links = []string{}
	} else {
		_ = json.Unmarshal([]byte(ds.links), &d.Links)
	}
	return d
}

// Document returns one document by id.
func (s *Store) Document(ctx context.Context, id string) (Document, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+docColumns+` FROM documents d WHERE d.id = ?`, id)
	d, err := scanDocument(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Document{}, fmt.Errorf("document %s: %w", id, ErrNotFound)
	}
	return d, err
}

// DocFilter selects documents for listing.
type DocFilter = document.DocFilter

// Documents lists documents, newest ingested first.
func (s *Store) Documents(ctx context.Context, f DocFilter) ([]Document, error) {
	q := `SELECT ` + docColumns + ` FROM documents d WHERE 1=1`
	var args []any
	if !f.IngestedSince.IsZero() {
		q += ` AND d.ingested >= ?`
		args = append(args, f.IngestedSince.Unix())
	}
	if !f.IngestedUntil.IsZero() {
		q += ` AND d.ingested < ?`
		args = append(args, f.IngestedUntil.Unix())
	}
	// NULLS LAST: SQLite's order for unknown dates, which PostgreSQL reverses.
	q += ` ORDER BY d.ingested DESC, d.published DESC NULLS LAST, d.id`
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()
	var out []Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, fmt.Errorf("list documents: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Passages returns a document's passages in order.
func (s *Store) Passages(ctx context.Context, docID string) ([]Passage, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, doc_id, seq, text FROM passages WHERE doc_id = ? ORDER BY seq`, docID)
	if err != nil {
		return nil, fmt.Errorf("passages of %s: %w", docID, err)
	}
	defer rows.Close()
	var out []Passage
	for rows.Next() {
		var p Passage
		if err := rows.Scan(&p.ID, &p.DocID, &p.Seq, &p.Text); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Stats counts what the store holds.
type Stats = document.Stats

// Stats returns the store's counts.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT value FROM stats WHERE name='passages')`).
		Scan(&st.Documents, &st.Passages)
	if err != nil {
		return Stats{}, fmt.Errorf("store stats: %w", err)
	}
	return st, nil
}

// Search returns the passages that best match q, best first. Any text is a
// valid query: stop words and terms found in most passages are dropped,
// and the rest score by BM25 over the in-memory index, which first takes
// in whatever another process (or this one) wrote since the last search.
// The BM25 pool is then reranked by sentence coverage.
func (s *Store) Search(ctx context.Context, q Query) ([]Hit, error) {
	k := q.K
	if k <= 0 {
		k = DefaultK
	}
	if !s.ix.loaded() {
		if err := s.ix.catchUp(ctx, s.db); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
	}
	// The read of the hits also reads passage_log's head, in the same
	// snapshot: when the index had applied it, the hits are what a search
	// after catching up would give, and the round trip that catching up
	// first costs (a tenth of a search at 1k passages) is saved.
	hits, fresh, err := s.search(ctx, q, k)
	if err != nil || fresh {
		return hits, err
	}
	if err := s.ix.catchUp(ctx, s.db); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	hits, _, err = s.search(ctx, q, k)
	return hits, err
}

// Frequencies returns how many passages hold each index term (as
// Analyzer().IndexTerms gives them) and how many passages there are: the
// layers above weigh a question's words by how rare they are in the whole
// corpus, with the very counts the search used.
func (s *Store) Frequencies(ctx context.Context, terms []string) ([]int, int, error) {
	if err := s.ix.catchUp(ctx, s.db); err != nil {
		return nil, 0, fmt.Errorf("term frequencies: %w", err)
	}
	s.ix.mu.RLock()
	defer s.ix.mu.RUnlock()
	df := make([]int, len(terms))
	for i, t := range terms {
		df[i] = s.ix.df(t)
	}
	return df, s.ix.live, nil
}

// hitsByID reads the passages and documents of scored ids, in their order.
// A passage deleted since it was indexed is left out.
func (s *Store) hitsByID(ctx context.Context, top []scored) ([]Hit, error) {
	hits, _, err := s.hitsAndHead(ctx, top)
	return hits, err
}

// hitsAndHead is hitsByID, and the last seq of passage_log as the same
// read saw it (-1 when it read no passage).
func (s *Store) hitsAndHead(ctx context.Context, top []scored) ([]Hit, int64, error) {
	args := make([]any, len(top))
	for i, t := range top {
		args[i] = t.id
	}
	rows, err := s.ix.stmts.query(ctx, s.db, `SELECT p.id, p.doc_id, p.seq, p.text, `+docColumns+`,
			(SELECT coalesce(max(seq), 0) FROM passage_log)
		FROM passages p JOIN documents d ON d.id = p.doc_id
		WHERE p.id IN (?`+strings.Repeat(`,?`, len(top)-1)+`)`, args...)
	if err != nil {
		return nil, -1, err
	}
	defer rows.Close()
	hits := make([]Hit, len(top))
	found := make([]bool, len(top))
	var at map[int64]int // for a large pool; a small one is searched
	if len(top) > 32 {
		at = make(map[int64]int, len(top))
		for i, t := range top {
			at[t.id] = i
		}
	}
	var p Passage
	var ds docScan
	head := int64(-1)
	dest := append(ds.dest(&p.ID, &p.DocID, &p.Seq, &p.Text), &head)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, -1, err
		}
		i := -1
		if at != nil {
			if j, ok := at[p.ID]; ok {
				i = j
			}
		} else {
			i = slices.IndexFunc(top, func(t scored) bool { return t.id == p.ID })
		}
		if i < 0 {
			continue
		}
		hits[i] = Hit{Passage: p, Doc: ds.document(), BM25: top[i].score}
		found[i] = true
	}
	if err := rows.Err(); err != nil {
		return nil, -1, err
	}
	n := 0
	for i := range hits {
		if found[i] {
			hits[n] = hits[i]
			n++
		}
	}
	return hits[:n], head, nil
}

// rerankPool is the least number of BM25 candidates reranked.
const rerankPool = 24

// commonShare is the share of passages above which a term is dropped from a
// query: BM25 gives it almost no weight, and it would only add noise to the
// pool. Below commonFloor passages such terms still help the rerank find
// the right pool.
const (
	commonShare = 0.5
	commonFloor = 2000
)

// weighConcepts sets each concept's weight to its inverse document
// frequency and returns the index terms to score: a concept's own forms at
// full weight, its related terms (synonyms, other names) at relatedWeight.
// Terms in no passage are left out; so are concepts found in more than
// commonShare of passages, keeping at least the rarest so a query never
// empties itself. The caller holds the index's read lock.
func (s *Store) weighConcepts(concepts []concept) []queryTerm {
	total := s.ix.live
	if len(concepts) == 0 || total == 0 {
		return nil
	}
	var terms, rarest []queryTerm
	seen := map[string]bool{}
	rarestDF := -1
	for i := range concepts {
		var present []queryTerm
		df := 0
		add := func(forms []string, weight float64) int {
			most := 0
			for _, f := range forms {
				qt := s.ix.queryTerm(f, weight)
				if qt.df == 0 || seen[f] {
					most = max(most, qt.df)
					continue
				}
				seen[f] = true
				present = append(present, qt)
				most = max(most, qt.df)
			}
			return most
		}
		df = add(concepts[i].Forms, 1)
		if rel := add(concepts[i].Related, relatedWeight); df == 0 {
			df = rel
		}
		if df <= synonymDF && concepts[i].synonymEligible {
			// A rare word: at most one passage holds it (or, when none
			// does, a member of its paraphrase group, which comes first).
			// Its WordNet synonyms that passages hold stand for it, for
			// less ("physicians" the doctors). The concept's weight stays
			// the word's own when a passage holds it.
			syn := s.presentSynonyms(concepts[i].Text)
			concepts[i].Related = append(slices.Clip(concepts[i].Related), syn...)
			if sdf := add(syn, synonymWeight); df == 0 {
				df = sdf
			}
		}
		if df == 0 {
			concepts[i].weight = idf(total, 0) // asked for but absent: coverage still counts it
			continue
		}
		concepts[i].weight = idf(total, df)
		if total < commonFloor || float64(df) <= commonShare*float64(total) {
			terms = append(terms, present...)
		}
		if rarestDF < 0 || df < rarestDF {
			rarest, rarestDF = present, df
		}
	}
	if len(terms) == 0 {
		terms = rarest
	}
	return lightVerbsCapped(concepts, terms)
}

// lightVerbsCapped weighs a light verb of the question (lexicon.IsLightVerb)
// that opens a phrase of a paraphrase group ("put" of "put its deployment
// on hold", whose group is the freeze; "set up", "getting") at most as the
// mean of its other concepts, in the rerank and in BM25. The group, which
// the verb carries, says what the phrase means; the verb's own spelling,
// rare in the reports, found the passages that "put" anything anywhere
// ("the United States had decided to put on hold a draft resolution")
// before the one telling of the freeze asked about. A light verb in no
// group keeps its weight: "offered to put in" lost its answer's rank when
// capped, "put" being all the question says of the giving.
func lightVerbsCapped(concepts []concept, terms []queryTerm) []queryTerm {
	sum, n := 0.0, 0
	for _, c := range concepts {
		if !lexicon.IsLightVerb(c.Text) && !c.Glossary {
			sum += c.weight
			n++
		}
	}
	if n == 0 {
		return terms // no other concept to weigh the verb against
	}
	least := sum / float64(n)
	for i, c := range concepts {
		if !lexicon.IsLightVerb(c.Text) || len(c.Related) == 0 || c.weight <= least {
			continue
		}
		share := least / c.weight
		concepts[i].weight = least
		for j := range terms {
			if slices.Contains(c.Forms, terms[j].term) {
				terms[j].weight *= share
			}
		}
	}
	return terms
}

// synonymWeight is how much a WordNet synonym of a rare word counts beside
// the word: less than a hand-made group's member, since WordNet knows
// nothing of which sense the reader meant.
const synonymWeight = 0.5

// synonymDF is the most passages a word may be in for WordNet's synonyms
// to be searched too: a word the reports use more is the reports' own,
// and its synonyms would only pull in other passages.
const synonymDF = 1

// wordNetSenses is how many of a word's WordNet senses (most frequent
// first) offer synonyms, and maxSynonyms how many of those the passages
// hold a query adds: a few terms, so search stays fast.
const (
	wordNetSenses = 2
	maxSynonyms   = 3
)

// presentSynonyms returns the stems of a word's WordNet synonyms that some
// passage holds, in sense order, at most maxSynonyms. The caller holds the
// index's read lock.
func (s *Store) presentSynonyms(word string) []string {
	var out []string
	for _, st := range s.lex.SynonymStems(word, wordNetSenses) {
		if s.ix.queryTerm(st, 1).df > 0 {
			out = append(out, st)
			if len(out) == maxSynonyms {
				break
			}
		}
	}
	return out
}

// idf is BM25's inverse document frequency, kept positive.
func idf(total, df int) float64 {
	return math.Log(1 + (float64(total-df)+0.5)/(float64(df)+0.5))
}
