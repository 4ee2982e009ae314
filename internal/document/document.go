// Package document is what the corpus hands up: documents with the
// metadata a citation needs, the passages they are cut into, the hits of a
// search and the queries and filters that ask for them, and how a text is
// read as paragraphs and sentences. It stores nothing: internal/corpus
// keeps documents in the database and searches them, and what reads the
// corpus (internal/brief) names these types without linking the store.
package document

import "time"

// Document is one source text with the metadata a citation needs.
type Document struct {
	ID        string    // stable: derived from Key
	Key       string    // identity: canonical URL when known, else origin
	Title     string    // never empty once stored
	Source    string    // publisher or outlet
	URL       string    // link for citations; may be empty
	Published time.Time // zero when unknown
	Ingested  time.Time // when the current version entered the store
	Lang      string    // BCP 47 tag when known
	Hash      string    // SHA-256 of the normalised text
	Origin    string    // where it was read from: file path, page or feed URL
	Links     []string  // further sources the document rests on
	Text      string    // full cleaned text; only set on the way in
}

// Passage is a chunk of a document's text, cut at sentence boundaries.
type Passage struct {
	ID    int64
	DocID string
	Seq   int
	Text  string
}

// Hit is a passage found by a search, with its document and scores.
type Hit struct {
	Passage
	Doc Document
	// Score ranks hits, higher is better: 0.3 × BM25 relative to the best
	// candidate, plus the share of the question (weighted by rarity) that
	// the passage's best sentence holds. Comparable within one search.
	Score float64
	BM25  float64 // the raw BM25 score
}

// Query asks the store for the passages that best match free text.
type Query struct {
	Text   string
	K      int       // how many hits at most; 0 means DefaultK
	Since  time.Time // when set, only documents published on or after it
	Source string    // when set, only documents from this source (case-insensitive)
	DocIDs []string  // when set, only passages of these documents
}

// DefaultK is the number of hits a Query returns when K is zero.
const DefaultK = 8

// DocFilter selects documents for listing.
type DocFilter struct {
	IngestedSince time.Time // when set, only documents ingested at or after it
	IngestedUntil time.Time // when set, only documents ingested before it
	Limit         int       // 0: no limit
}

// Stats counts what the store holds.
type Stats struct {
	Documents, Passages int
}

// BundledOrigin prefixes the origin of every bundled note: our own
// briefing notes, which rank below primary reports.
const BundledOrigin = "bundled:"
