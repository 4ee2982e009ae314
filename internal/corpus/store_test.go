package corpus

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/database/databasetest"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// testAnalyzer is the glossary-free analysis (the one Open uses without
// WithAnalyzer) that the test stores share: stemming the paraphrase groups
// for each of some seventy stores was a fifth of this package's test CPU.
// An Analyzer is safe for concurrent use.
var testAnalyzer = sync.OnceValue(func() *lexicon.Analyzer { return lexicon.New(nil) })

// openTestStore opens a fresh store in a temporary directory.
func openTestStore(t testing.TB) *Store {
	t.Helper()
	return openStoreAt(t, filepath.Join(t.TempDir(), "test.db"))
}

// openStoreAt opens a handle on the store at path (a file, or a PostgreSQL
// URL), closed when the test ends: two of them are two processes on one
// store.
func openStoreAt(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path, WithAnalyzer(testAnalyzer()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustPut(t testing.TB, s *Store, d Document) PutResult {
	t.Helper()
	r, err := s.Put(context.Background(), d)
	if err != nil {
		t.Fatalf("put %q: %v", d.Title, err)
	}
	return r
}

func TestPutOutcomes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openTestStore(t)
	base := Document{Title: "Council vote", URL: "https://Example.org/a/?utm_source=x#frag", Text: prose("mandate", 40)}

	r1 := mustPut(t, s, base)
	if r1.Outcome != Added || r1.Passages != 1 || r1.DocID != DocID("https://example.org/a") {
		t.Fatalf("first put = %+v, want added under the canonical URL's id", r1)
	}
	if r := mustPut(t, s, base); r.Outcome != Unchanged || r.DocID != r1.DocID {
		t.Errorf("same document again = %+v, want unchanged", r)
	}
	// Boilerplate lines and spacing do not change the content hash.
	noisy := base
	noisy.Text = "Share.\n\n  " + base.Text + "\n\nExit mobile version\n"
	if r := mustPut(t, s, noisy); r.Outcome != Unchanged {
		t.Errorf("same text with web leftovers = %+v, want unchanged", r)
	}
	other := Document{Title: "Copy", Origin: "/tmp/copy.txt", Text: base.Text}
	if r := mustPut(t, s, other); r.Outcome != Unchanged || r.Duplicate != r1.DocID {
		t.Errorf("same text elsewhere = %+v, want unchanged duplicate of %s", r, r1.DocID)
	}
	changed := base
	changed.Text = prose("renewal", 40)
	if r := mustPut(t, s, changed); r.Outcome != Updated || r.DocID != r1.DocID {
		t.Errorf("changed text = %+v, want updated", r)
	}
	if len(mustSearch(t, s, "mandate")) != 0 || len(mustSearch(t, s, "renewal")) != 1 {
		t.Error("update did not replace the passages")
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Documents != 1 || st.Passages != 1 {
		t.Errorf("stats = %+v, %v; want 1 document, 1 passage", st, err)
	}
}

func TestPutRejects(t *testing.T) {
	t.Parallel()
	s := openTestStore(t)
	tests := []struct {
		name string
		doc  Document
		want string
	}{
		{"empty", Document{Title: "x", Text: ""}, ErrEmpty.Error()},
		{"only boilerplate", Document{Title: "x", Text: "Share.\n\nExit mobile version\nAdvertisement"}, ErrEmpty.Error()},
		{"invalid utf-8", Document{Title: "x", Text: "bad \xff byte"}, "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Put(context.Background(), tt.doc)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Put error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestPutIdentityAndTitle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openTestStore(t)
	tests := []struct {
		name      string
		doc       Document
		wantKey   string
		wantTitle string
	}{
		{"key wins", Document{Key: "bundled:x.md", URL: "https://a.org/x", Origin: "o", Title: "T1", Text: prose("keyed", 20)}, "bundled:x.md", "T1"},
		{"url next", Document{URL: "HTTPS://B.org/y/", Origin: "o2", Title: "T2", Text: prose("urled", 20)}, "https://b.org/y", "T2"},
		{"origin next", Document{Origin: "/data/z.txt", Title: "T3", Text: prose("origined", 20)}, "/data/z.txt", "T3"},
		{"hash last, title guessed", Document{Text: "Gangs blocked the road. Police reopened it."}, "", "Gangs blocked the road"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustPut(t, s, tt.doc)
			d, err := s.Document(ctx, r.DocID)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantKey != "" && d.Key != tt.wantKey {
				t.Errorf("key = %q, want %q", d.Key, tt.wantKey)
			}
			if tt.wantKey == "" && !strings.HasPrefix(d.Key, "sha256:") {
				t.Errorf("key = %q, want a content hash", d.Key)
			}
			if d.ID != DocID(d.Key) || d.Title != tt.wantTitle {
				t.Errorf("id %s title %q, want %s %q", d.ID, d.Title, DocID(d.Key), tt.wantTitle)
			}
		})
	}
}

func TestDocumentRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openTestStore(t)
	now := time.Date(2025, 11, 1, 10, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return now })
	in := Document{Title: "Funding", Source: "Briefing notes", URL: "https://example.org/f", Lang: "en", Origin: "bundled:f.md",
		Published: time.Date(2025, 10, 12, 0, 0, 0, 0, time.UTC), Links: []string{"https://un.org/a", "https://un.org/b"}, Text: prose("fund", 30)}
	r := mustPut(t, s, in)
	got, err := s.Document(ctx, r.DocID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != in.Title || got.Source != in.Source || got.URL != in.URL || got.Lang != in.Lang || got.Origin != in.Origin ||
		!got.Published.Equal(in.Published) || !got.Ingested.Equal(now) || !slices.Equal(got.Links, in.Links) || len(got.Hash) != 64 {
		t.Errorf("document = %+v, want the fields of %+v", got, in)
	}
	if _, err := s.Document(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing document: %v, want ErrNotFound", err)
	}
}

func TestDocumentsFilter(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openTestStore(t)
	day := func(d int) time.Time { return time.Date(2025, 10, d, 12, 0, 0, 0, time.UTC) }
	for i, d := range []int{1, 5, 9} {
		s.SetClock(func() time.Time { return day(d) })
		mustPut(t, s, Document{Title: "doc" + string(rune('A'+i)), Origin: "o" + string(rune('A'+i)), Text: prose(string(rune('a'+i))+"x", 20)})
	}
	tests := []struct {
		name string
		f    DocFilter
		want []string
	}{
		{"all, newest first", DocFilter{}, []string{"docC", "docB", "docA"}},
		{"since", DocFilter{IngestedSince: day(5)}, []string{"docC", "docB"}},
		{"until", DocFilter{IngestedUntil: day(5)}, []string{"docA"}},
		{"window", DocFilter{IngestedSince: day(2), IngestedUntil: day(9)}, []string{"docB"}},
		{"limit", DocFilter{Limit: 1}, []string{"docC"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := s.Documents(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, d := range docs {
				titles = append(titles, d.Title)
			}
			if !slices.Equal(titles, tt.want) {
				t.Errorf("titles = %v, want %v", titles, tt.want)
			}
		})
	}
}

func TestSearchFilters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openTestStore(t)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	docs := []Document{
		{Title: "Old report", Source: "Daily Nation", Origin: "a", Published: day(2023, 10, 2), Text: "Kenyan police officers prepared for deployment to Haiti under the new mandate."},
		{Title: "New report", Source: "Le Nouvelliste", Origin: "b", Published: day(2025, 9, 30), Text: "The Gang Suppression Force replaced the police mission in Haiti after the vote."},
		{Title: "Undated", Source: "daily nation", Origin: "c", Text: "Police officers from Kenya patrolled the capital of Haiti."},
		{Title: "Filler 1", Origin: "f1", Text: "Rainfall records for the coffee harvest in the northern highlands."},
		{Title: "Filler 2", Origin: "f2", Text: "Football results from the weekend league and the cup draw."},
		{Title: "Filler 3", Origin: "f3", Text: "A recipe for plantain fritters with pikliz on the side."},
	}
	ids := map[string]string{}
	for _, d := range docs {
		ids[d.Title] = mustPut(t, s, d).DocID
	}
	tests := []struct {
		name string
		q    Query
		want []string // titles, any order
	}{
		{"plain", Query{Text: "police officers Kenya"}, []string{"Old report", "Undated", "New report"}},
		{"since drops older and undated", Query{Text: "police Haiti", Since: day(2024, 1, 1)}, []string{"New report"}},
		{"source, case-insensitive", Query{Text: "police", Source: "DAILY NATION"}, []string{"Old report", "Undated"}},
		{"doc ids", Query{Text: "police", DocIDs: []string{ids["Undated"], ids["New report"]}}, []string{"Undated", "New report"}},
		{"k", Query{Text: "police officers Kenya", K: 1}, []string{"Old report"}},
		{"stop words only", Query{Text: "what is the of and"}, nil},
		{"unknown words", Query{Text: "xylophone zeppelin"}, nil},
		{"empty", Query{Text: ""}, nil},
		{"fts syntax is data", Query{Text: `police" OR NEAR(x) AND -"`}, []string{"Old report", "Undated", "New report"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := s.Search(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, h := range hits {
				got = append(got, h.Doc.Title)
				if i > 0 && h.Score > hits[i-1].Score {
					t.Errorf("hits not best first: %v then %v", hits[i-1].Score, h.Score)
				}
				if h.DocID != h.Doc.ID || h.Text == "" {
					t.Errorf("hit %+v lacks its passage or document", h)
				}
			}
			if tt.q.K == 1 {
				if len(got) != 1 {
					t.Fatalf("K=1 gave %d hits", len(got))
				}
				return
			}
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("titles = %v, want %v", got, want)
			}
		})
	}
}

func TestSearchDefaultK(t *testing.T) {
	t.Parallel()
	s := openTestStore(t)
	for i := range DefaultK + 4 {
		mustPut(t, s, Document{Title: "d", Origin: fmt.Sprintf("d%d", i), Text: prose("patrol", 20+i)})
	}
	for i := range 20 { // filler so "patrol" stays selective
		mustPut(t, s, Document{Title: "f", Origin: fmt.Sprintf("f%d", i), Text: fmt.Sprintf("Harvest report %d: coffee and mangoes in the north.", i)})
	}
	hits, err := s.Search(context.Background(), Query{Text: "patrol"})
	if err != nil || len(hits) != DefaultK {
		t.Errorf("got %d hits (%v), want DefaultK = %d", len(hits), err, DefaultK)
	}
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	r := mustPut(t, s, Document{Title: "Kept", Origin: "k", Text: prose("kept", 20)})
	s.Close()
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, err := s2.Document(ctx, r.DocID); err != nil {
		t.Errorf("document lost on reopen: %v", err)
	}
}

func TestCanonicalURL(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"HTTPS://Example.ORG/Path/?b=2&a=1#frag", "https://example.org/Path?a=1&b=2"},
		{"https://example.org/a?utm_source=x&utm_medium=y&id=3&fbclid=z&gclid=q", "https://example.org/a?id=3"},
		{" https://example.org/ ", "https://example.org"},
		{"not a url", "not a url"},
		{"/local/path.txt", "/local/path.txt"},
	}
	for _, tt := range tests {
		if got := CanonicalURL(tt.in); got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGuessTitle(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Kenya police land in Haiti\nThe first officers arrived.", "Kenya police land in Haiti"},
		{"# Heading\n\nBody.", "Heading"},
		{"The future of the mission hangs in the balance. Ruto asked questions.", "The future of the mission hangs in the balance"},
		{"One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.", "One two three four five six seven eight nine ten eleven twelve thirteen fourteen…"},
		{"Share.\n\nExit mobile version", "Untitled document"},
	}
	for _, tt := range tests {
		if got := GuessTitle(tt.in); got != tt.want {
			t.Errorf("GuessTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSearchSeesOtherHandle: two handles on one file, as `bot ingest`
// beside `bot serve`; the searcher sees every document the other writes,
// and no longer finds what the other replaced or deleted.
func TestSearchSeesOtherHandle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "brief.db")
	writer, reader := openStoreAt(t, path), openStoreAt(t, path)
	const n = 40
	done := make(chan error, 1)
	go func() {
		for i := range n {
			_, err := writer.Put(ctx, Document{Key: fmt.Sprintf("doc%d", i), Title: "Report",
				Text: fmt.Sprintf("The harbour inspection zq%d found cranes idle.", i)})
			if err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	// Search while the writer writes: the index catches up mid-stream.
	for range 20 {
		if _, err := reader.Search(ctx, Query{Text: "harbour cranes"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for i := range n {
		hits, err := reader.Search(ctx, Query{Text: fmt.Sprintf("zq%d", i), K: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 1 || hits[0].DocID != DocID(fmt.Sprintf("doc%d", i)) {
			t.Fatalf("zq%d: got %+v, want doc%d", i, hits, i)
		}
	}
	// A replaced version is found by its new words only.
	if _, err := writer.Put(ctx, Document{Key: "doc3", Title: "Report", Text: "The ferry schedule qv9 changed."}); err != nil {
		t.Fatal(err)
	}
	if hits, _ := reader.Search(ctx, Query{Text: "zq3"}); len(hits) != 0 {
		t.Errorf("old version still found: %+v", hits)
	}
	if hits, _ := reader.Search(ctx, Query{Text: "qv9"}); len(hits) != 1 {
		t.Errorf("new version: got %d hits, want 1", len(hits))
	}
}

// TestSearchAfterLogPruned: a store that replaces its documents again and
// again prunes passage_log; a searcher on another handle that fell behind
// the prune loads afresh and holds exactly the passages stored, the
// latest versions only. On SQLite, and on PostgreSQL when
// BOT_TEST_POSTGRES names a server.
func TestSearchAfterLogPruned(t *testing.T) {
	t.Parallel()
	t.Run("sqlite", func(t *testing.T) { testSearchAfterLogPruned(t, filepath.Join(t.TempDir(), "brief.db")) })
	t.Run("postgres", func(t *testing.T) { testSearchAfterLogPruned(t, databasetest.NewPostgres(t)) })
}

func testSearchAfterLogPruned(t *testing.T, path string) {
	ctx := context.Background()
	writer := openStoreAt(t, path)
	writer.ix.log.every, writer.ix.log.minKept = 1, 4
	reader := openStoreAt(t, path)
	put := func(round int) {
		for i := range 4 {
			_, err := writer.Put(ctx, Document{Key: fmt.Sprintf("doc%d", i), Title: "Report",
				Text: fmt.Sprintf("The harbour inspection round zr%d found cranes idle at berth %d.", round, i)})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	put(0)
	if _, err := reader.Search(ctx, Query{Text: "harbour"}); err != nil {
		t.Fatal(err)
	}
	for round := 1; round <= 10; round++ {
		put(round)
	}
	var entries, pruned int
	if err := writer.db.QueryRowContext(ctx, `SELECT count(*), (SELECT value FROM stats WHERE name = 'passage_log_pruned') FROM passage_log`).Scan(&entries, &pruned); err != nil {
		t.Fatal(err)
	}
	if pruned == 0 || entries > 20 {
		t.Fatalf("log holds %d entries, pruned up to %d: want it pruned", entries, pruned)
	}
	hits, err := reader.Search(ctx, Query{Text: "harbour cranes", K: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 4 || reader.ix.live != 4 {
		t.Fatalf("reader found %d hits and holds %d passages, want 4 and 4", len(hits), reader.ix.live)
	}
	for _, h := range hits {
		if !strings.Contains(h.Text, "zr10") {
			t.Errorf("reader found an old version: %q", h.Text)
		}
	}
}
