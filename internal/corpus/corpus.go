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

	"github.com/mss-brief/briefbot/internal/document"
)

// The corpus's documents, passages, hits and queries are the document
// package's, so that what reads them need not link the store.
type (
	Document = document.Document
	Passage  = document.Passage
	Hit      = document.Hit
	Query    = document.Query
)

// DefaultK is the number of hits a Query returns when K is zero.
const DefaultK = document.DefaultK

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
