package corpus

import (
	"context"
	"path/filepath"
	"testing"
)

// TestSearchSeesWriteBehindHits: a search whose index is behind finds
// hits, but the read of those hits shows passage_log moved on; the search
// catches up and answers from what the other handle wrote (the stale
// index alone would return only the first report).
func TestSearchSeesWriteBehindHits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "brief.db")
	writer, reader := openStoreAt(t, path), openStoreAt(t, path)
	mustPut(t, writer, Document{Key: "old", Title: "Port", Text: "The harbour was quiet on Monday."})
	if hits, err := reader.Search(ctx, Query{Text: "harbour cranes idle"}); err != nil || len(hits) != 1 {
		t.Fatalf("first search: %d hits, %v", len(hits), err)
	}
	mustPut(t, writer, Document{Key: "new", Title: "Port", Text: "At the harbour the cranes stood idle all week."})
	hits, err := reader.Search(ctx, Query{Text: "harbour cranes idle"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].DocID != DocID("new") {
		t.Fatalf("after the other handle wrote: %+v, want the new report first of 2", hits)
	}
}
