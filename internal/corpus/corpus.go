// Package corpus holds the documents the bot reads and answers from: their
// metadata, the passages they are cut into, the store that keeps them in
// the bot's database with the in-memory search index derived from it, and
// the ways documents get in (files, web pages, feeds and the bundled
// briefing notes).
//
// Nothing here knows about Slack or language models.
package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"time"
)

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

// PutOutcome says what storing a document did.
type PutOutcome string

const (
	Added     PutOutcome = "added"
	Updated   PutOutcome = "updated"
	Unchanged PutOutcome = "unchanged"
)

// PutResult is the outcome of storing one document.
type PutResult struct {
	Outcome   PutOutcome
	DocID     string
	Passages  int
	Duplicate string // when Unchanged because another document holds the same text: its id
}

// ErrNotFound is returned when a document does not exist.
var ErrNotFound = errors.New("not found")

// ErrEmpty is returned when a document has no usable text.
var ErrEmpty = errors.New("no usable text")

// DocID derives a document's id from its identity key.
func DocID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:8])
}

func contentHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}
