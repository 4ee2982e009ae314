package corpus

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mss-brief/briefbot/internal/corpus/corpustest"
	"github.com/mss-brief/briefbot/internal/database/databasetest"
)

// TestHitCacheGivesWhatTheStoreHolds: a handle serving its hits from the
// cache returns exactly what a handle reading every hit from the store
// returns (passages, documents, order, scores), before and after another
// handle replaces documents (on SQLite the replaced last document's
// passage gets its rowid again) and adds new ones. On SQLite, and on
// PostgreSQL when BOT_TEST_POSTGRES names a server.
func TestHitCacheGivesWhatTheStoreHolds(t *testing.T) {
	t.Parallel()
	t.Run("sqlite", func(t *testing.T) { testHitCacheGivesWhatTheStoreHolds(t, filepath.Join(t.TempDir(), "brief.db")) })
	t.Run("postgres", func(t *testing.T) { testHitCacheGivesWhatTheStoreHolds(t, databasetest.NewPostgres(t)) })
}

func testHitCacheGivesWhatTheStoreHolds(t *testing.T, path string) {
	ctx := context.Background()
	writer, cached, plain := openStoreAt(t, path), openStoreAt(t, path), openStoreAt(t, path)
	plain.ix.hits = newHitCache(0) // keeps nothing: every hit is read
	g := corpustest.New(5)
	const docs = 200
	generated := make([]corpustest.Doc, docs+20) // Doc draws from g: once each
	for i := range generated {
		generated[i] = g.Doc(i, 80)
	}
	doc := func(i, version int) Document {
		d := generated[i]
		text := d.Text
		if version > 0 {
			text = fmt.Sprintf("Version %d: %s", version, text)
		}
		var links []string
		if i%3 == 0 {
			links = []string{fmt.Sprintf("https://example.org/source/%d/%d", i, version)}
		}
		return Document{Key: fmt.Sprintf("doc%d", i), Title: fmt.Sprintf("%s (%d)", d.Title, version), Source: d.Source,
			URL: d.URL, Published: d.Published, Text: text, Links: links}
	}
	for i := range docs {
		mustPut(t, writer, doc(i, 0))
	}
	questions := make([]string, 40)
	for i := range questions {
		questions[i] = g.Question()
	}
	compare := func(stage string) {
		t.Helper()
		answered := 0
		for _, q := range questions {
			want, err := plain.Search(ctx, Query{Text: q})
			if err != nil {
				t.Fatal(err)
			}
			got, err := cached.Search(ctx, Query{Text: q})
			if err != nil {
				t.Fatal(err)
			}
			if len(want) > 0 {
				answered++
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: %q from the cache:\n%+v\nfrom the store:\n%+v", stage, q, got, want)
			}
		}
		if answered < len(questions)/2 {
			t.Fatalf("%s: %d of %d questions find anything", stage, answered, len(questions))
		}
	}
	compare("loaded")
	compare("again")
	if served := cached.ix.hits.served; served < len(questions) {
		t.Fatalf("the cache served %d hits in %d searches", served, 2*len(questions))
	}
	if plain.ix.hits.served != 0 {
		t.Fatal("a cache of no bytes served hits")
	}
	// The last document replaced (its passage's rowid is given again on
	// SQLite), others replaced, new ones added.
	for _, i := range []int{docs - 1, 0, 3, 50} {
		mustPut(t, writer, doc(i, 1))
	}
	for i := docs; i < docs+20; i++ {
		mustPut(t, writer, doc(i, 0))
	}
	compare("replaced")
	compare("replaced, again")
	for _, i := range []int{docs - 1, 0} {
		d := doc(i, 1)
		hits, err := cached.Search(ctx, Query{Text: d.Text, K: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 1 || hits[0].Text != d.Text || hits[0].Doc.Title != d.Title || !reflect.DeepEqual(hits[0].Doc.Links, nonNil(d.Links)) {
			t.Fatalf("doc%d after its replacement: %+v", i, hits)
		}
	}
}

// TestSearchRereadsReplacedCachedText: with the index behind (here by
// force: a write the log does not tell of), a search whose hits are
// partly in the cache reads those too, and finds their text changed.
func TestSearchRereadsReplacedCachedText(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "brief.db")
	writer, s := openStoreAt(t, path), openStoreAt(t, path)
	mustPut(t, writer, Document{Key: "a", Title: "Air support", Text: "El Salvador pledged three helicopters to the operation."})
	if _, err := s.Search(ctx, Query{Text: "helicopters"}); err != nil { // loads: the passage is cached
		t.Fatal(err)
	}
	// Caught up from the log, not loaded: not in the cache.
	mustPut(t, writer, Document{Key: "b", Title: "Air support", Text: "Two more helicopters were promised by Jamaica."})
	if err := s.ix.catchUp(ctx, s.db); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE passages SET text = 'Three helicopters landed at the airport in June.' WHERE doc_id = ?`, DocID("a")); err != nil {
		t.Fatal(err)
	}
	s.ix.mu.Lock()
	s.ix.applied = math.MaxInt64 // nothing to catch up on
	s.ix.mu.Unlock()
	served := s.ix.hits.served
	hits, err := s.Search(ctx, Query{Text: "helicopters"})
	if err != nil {
		t.Fatal(err)
	}
	if s.ix.hits.served == served {
		t.Fatal("the cache gave nothing: the test no longer tests a partly cached search")
	}
	found := false
	for _, h := range hits {
		found = found || strings.Contains(h.Text, "landed")
	}
	if len(hits) != 2 || !found {
		t.Fatalf("hits %+v, want the first passage's new text", hits)
	}
}

func cacheHit(id int64, text string) Hit {
	return Hit{Passage: Passage{ID: id, DocID: "d", Text: text}, Doc: Document{ID: "d", Links: []string{"https://example.org/a"}}}
}

// TestHitCacheBounded: the cache holds at most its bytes; an entry found
// again stays while others come and go; a later generation sees none of
// an earlier one's entries, and an earlier one can put none.
func TestHitCacheBounded(t *testing.T) {
	t.Parallel()
	text := strings.Repeat("x", 600)
	size := hitBytes(new(cacheHit(1, text)))
	c := newHitCache(20 * size)
	get := func(gen uint64, o uint32) (Hit, bool) {
		hits, found := make([]Hit, 1), make([]bool, 1)
		c.get(gen, []uint32{o}, hits, found)
		return hits[0], found[0]
	}
	for o := range uint32(200) {
		c.put(1, o, cacheHit(int64(o)+1, text), false)
		if _, ok := get(1, 0); !ok {
			t.Fatalf("entry 0, found after each put, was dropped at put %d", o)
		}
		if n := c.len(); n > 20 {
			t.Fatalf("%d entries of %d bytes in a cache of %d", n, size, 20*size)
		}
	}
	if _, ok := get(1, 199); !ok {
		t.Error("the last entry put is not held")
	}
	if _, ok := get(1, 100); ok {
		t.Error("an entry put 100 puts ago and never found is still held")
	}
	if c.len() < 10 {
		t.Errorf("%d entries held, want at least the newer half's 10", c.len())
	}
	if _, ok := get(2, 199); ok {
		t.Error("generation 2 sees an entry of generation 1")
	}
	c.put(2, 5, cacheHit(6, text), false)
	c.put(1, 6, cacheHit(7, text), false)
	if c.len() != 1 {
		t.Errorf("after generation 2's first put: %d entries, want 1", c.len())
	}
	// Filling, as a load does, stops before it would drop an entry.
	c = newHitCache(20 * size)
	for o := range uint32(100) {
		c.put(1, o, cacheHit(int64(o)+1, text), true)
	}
	if n := c.len(); n < 19 || n > 20 {
		t.Errorf("a load's filling left %d entries, want the 20 that fit", n)
	}
	if _, ok := get(1, 0); !ok {
		t.Error("the load's filling dropped its first row")
	}
}

// TestHitCacheGivesCopies: a caller changing the Hit it was given (its
// links) changes nothing the next search is given.
func TestHitCacheGivesCopies(t *testing.T) {
	t.Parallel()
	c := newHitCache(1 << 20)
	h := cacheHit(1, "text")
	c.put(1, 0, h, false)
	h.Doc.Links[0] = "changed by the writer"
	hits, found := make([]Hit, 1), make([]bool, 1)
	c.get(1, []uint32{0}, hits, found)
	hits[0].Doc.Links[0] = "changed by a reader"
	c.get(1, []uint32{0}, hits, found)
	if !found[0] || hits[0].Doc.Links[0] != "https://example.org/a" {
		t.Fatalf("cached links %v", hits[0].Doc.Links)
	}
}
