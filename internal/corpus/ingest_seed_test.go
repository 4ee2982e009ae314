package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// seedCorpus is the shared seed corpus beside the project, when present.
var seedCorpus = filepath.Join("..", "..", "..", "shared", "corpus")

func TestSeedCorpus(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(seedCorpus); err != nil {
		t.Skipf("seed corpus not present: %v", err)
	}
	ctx := context.Background()
	s := openTestStore(t)
	if _, err := s.LoadBundled(ctx); err != nil {
		t.Fatal(err)
	}
	results := NewIngester(s, IngestOptions{}).Ingest(ctx, []string{seedCorpus})
	byFile := map[string]IngestResult{}
	for _, r := range results {
		if r.Outcome != Added {
			t.Errorf("%s: %s %v", r.Input, r.Outcome, r.Err)
		}
		byFile[filepath.Base(r.Input)[:3]] = r
	}
	if len(results) != 3 {
		t.Fatalf("%d results, want the 3 seed documents", len(results))
	}

	want := map[string]struct {
		title     string
		published time.Time
	}{
		"000": {"Kenyan President William Ruto is currently on a three-day state visit to the United…", time.Time{}},
		"002": {"The future of the Kenya-led Haiti Mission now hangs in the balance", time.Time{}},
		"003": {"Leadership of the Republic of Kenya in the Multinational Security Support Mission for Haiti: Experience and Lessons for ad hoc Coalitions",
			time.Date(2025, 10, 8, 0, 0, 0, 0, time.UTC)},
	}
	for file, w := range want {
		d, err := s.Document(ctx, byFile[file].DocID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != w.title || !d.Published.Equal(w.published) || d.Lang != "en" {
			t.Errorf("%s: title %q published %v lang %q; want %q %v en", file, d.Title, d.Published, d.Lang, w.title, w.published)
		}
		ps, _ := s.Passages(ctx, d.ID)
		for _, p := range ps {
			n := len(strings.Fields(p.Text))
			if n > maxWords {
				t.Errorf("%s passage %d has %d words", file, p.Seq, n)
			}
			for _, junk := range []string{"Exit mobile version", "Share.", "Other Latest Articles", "Santa Elena", "Last modified"} {
				if strings.Contains(p.Text, junk) {
					t.Errorf("%s passage %d holds web leftover %q", file, p.Seq, junk)
				}
			}
		}
	}

	hits, err := s.Search(ctx, Query{Text: "How many Kenyan police officers are part of the force?", K: 5})
	if err != nil || len(hits) == 0 {
		t.Fatalf("search: %d hits, %v", len(hits), err)
	}
	for i, h := range hits {
		t.Logf("%d. %.3f %s (%s)", i+1, h.Score, h.Doc.Title, filepath.Base(h.Doc.Origin))
	}
	if first := filepath.Base(hits[0].Doc.Origin); !strings.HasPrefix(first, "000_") {
		t.Errorf("first hit is %s, want the article on Ruto's US visit (000_…)", first)
	}
	if !strings.Contains(hits[0].Text, "1,000 Kenyan police officers") {
		t.Errorf("first passage lacks the answer: %q", hits[0].Text)
	}
}
