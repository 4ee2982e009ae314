package brief

import (
	"context"
	"fmt"
	"time"

	"github.com/mss-brief/briefbot/internal/document"
)

// CitationOf is document d cited as source n: the publisher is the
// document's source, else its link's host (DocPublisher); the date is in
// UTC. Whatever cites a document (answers, digests, "/brief sources")
// builds the citation here, so they agree on what they show.
func CitationOf(d document.Document, n int) Citation {
	c := Citation{N: n, DocID: d.ID, Title: d.Title, Source: DocPublisher(d), URL: d.URL}
	if !d.Published.IsZero() {
		t := d.Published.UTC()
		c.Published = &t
	}
	return c
}

// DocumentLister lists the corpus's documents; *corpus.Store is one.
type DocumentLister interface {
	Documents(ctx context.Context, f document.DocFilter) ([]document.Document, error)
}

// RecentSource is a document of the corpus, cited, with when it was added.
type RecentSource struct {
	Citation
	Added time.Time
}

// RecentSources returns the n documents added most recently, newest first,
// numbered from 1.
func RecentSources(ctx context.Context, l DocumentLister, n int) ([]RecentSource, error) {
	docs, err := l.Documents(ctx, document.DocFilter{Limit: n})
	if err != nil {
		return nil, fmt.Errorf("recent sources: %w", err)
	}
	out := make([]RecentSource, len(docs))
	for i, d := range docs {
		out[i] = RecentSource{Citation: CitationOf(d, i+1), Added: d.Ingested.UTC()}
	}
	return out, nil
}

// PassageCount is how many passages the corpus behind l holds, when it can
// say so cheaply (*corpus.Store keeps the count), else 0. The Slack side
// shows it ("Searching 12,400 passages") without knowing the corpus.
func PassageCount(ctx context.Context, l DocumentLister) int {
	if s, ok := l.(interface {
		Stats(context.Context) (document.Stats, error)
	}); ok {
		if st, err := s.Stats(ctx); err == nil {
			return st.Passages
		}
	}
	return 0
}
