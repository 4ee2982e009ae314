package corpus

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
)

// ingested is an IngestObserver keeping the outcomes it is told.
type ingested []PutOutcome

func (o *ingested) Ingested(r IngestResult) { *o = append(*o, r.Outcome) }

// The observer is told of each result the Ingester returns, failures too.
func TestIngestObserver(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"a.txt": []byte(prose("observed", 20)), "empty.txt": nil})
	var seen ingested
	in := NewIngester(openTestStore(t), IngestOptions{MaxBytes: 1 << 20, Observer: &seen})
	results := in.Ingest(context.Background(), []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "empty.txt"), filepath.Join(dir, "a.txt")})
	var want []PutOutcome
	for _, r := range results {
		want = append(want, r.Outcome)
	}
	if !slices.Equal(want, []PutOutcome{Added, Failed, Unchanged}) || !slices.Equal(seen, want) {
		t.Errorf("observer told %v; results %v", seen, want)
	}
}
