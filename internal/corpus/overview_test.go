package corpus

import (
	"context"
	"fmt"
	"testing"
	"time"
)

func TestOverview(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openTestStore(t)
	day := func(d int) time.Time { return time.Date(2026, 11, d, 12, 0, 0, 0, time.UTC) }
	docs := []Document{
		{Title: "Mission report one", Source: "UN", Published: day(3), Text: "The mission opened a new base in the north."},
		{Title: "Mission report two", Source: "UN", Published: day(20), Text: "The mission counted its officers again."},
		{Title: "Police update", Source: "Kenya Police", Published: day(10), Text: "The police trained new officers this month."},
		{Title: "Undated note", Source: "", URL: "https://feeds.example/a", Origin: "https://feeds.example/rss", Text: "A note without a date from a feed."},
		{Title: "Feed item", Source: "UN", URL: "https://feeds.example/b", Published: day(1), Origin: "https://feeds.example/rss", Text: "An item from the same feed."},
	}
	s.SetClock(func() time.Time { return day(25) })
	for _, d := range docs {
		mustPut(t, s, d)
	}
	g1, err := s.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, Document{Title: "Late addition", Source: "UN", URL: "https://un.example/late", Published: day(2), Text: "One more passage about the mission."})
	if g2, err := s.Generation(ctx); err != nil || g2 == g1 {
		t.Errorf("generation %d -> %d (%v): a new passage must change it", g1, g2, err)
	}
	ov, err := s.Overview(ctx, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := s.Stats(ctx)
	if ov.Documents != 6 || ov.Passages != st.Passages || ov.Passages == 0 {
		t.Errorf("counts = %d documents, %d passages; want 6, %d", ov.Documents, ov.Passages, st.Passages)
	}
	wantPub := []PublisherCount{{"UN", 4}, {"", 1}} // "" before "Kenya Police"
	if fmt.Sprint(ov.Publishers) != fmt.Sprint(wantPub) {
		t.Errorf("publishers = %v, want %v (limited to 2, most first, ties by name)", ov.Publishers, wantPub)
	}
	// Undated documents count as of their ingestion (day 25): newest.
	var titles []string
	for _, d := range ov.Newest {
		titles = append(titles, d.Title)
	}
	if want := "[Undated note Mission report two Police update]"; fmt.Sprint(titles) != want {
		t.Errorf("newest = %v, want %s", titles, want)
	}

	act, err := s.OriginActivity(ctx, []string{"https://feeds.example/rss", "https://quiet.example/feed"})
	if err != nil {
		t.Fatal(err)
	}
	if len(act) != 2 || act[0].Documents != 2 || !act[0].LastIngested.Equal(day(25)) || act[1].Documents != 0 || !act[1].LastIngested.IsZero() {
		t.Errorf("origin activity = %+v", act)
	}
}

// BenchmarkOverview: the home tab's figures over 20k documents (100k
// passages at five a document) and 100k (one a passage, the most 100k
// passages can be), written straight into the table since Overview reads
// no passage.
func BenchmarkOverview(b *testing.B) {
	ctx := context.Background()
	s := openTestStore(b)
	have := 0
	for _, n := range []int{20_000, 100_000} {
		b.Run(fmt.Sprintf("documents=%dk", n/1000), func(b *testing.B) {
			tx, err := s.db.BeginTx(ctx, nil)
			if err != nil {
				b.Fatal(err)
			}
			for i := have; i < n; i++ {
				_, err := tx.ExecContext(ctx, `INSERT INTO documents(id, key, title, source, published, ingested, hash) VALUES (?, ?, ?, ?, ?, ?, ?)`,
					fmt.Sprint("d", i), fmt.Sprint("k", i), fmt.Sprint("Title ", i), fmt.Sprint("Publisher ", i%40), 1_700_000_000+i*37%n, 1_700_000_000+i, "h")
				if err != nil {
					b.Fatal(err)
				}
			}
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
			have = n
			for b.Loop() {
				ov, err := s.Overview(ctx, 12, 10)
				if err != nil || ov.Documents != n || len(ov.Newest) != 10 {
					b.Fatalf("overview: %d documents, %d newest, %v", ov.Documents, len(ov.Newest), err)
				}
			}
		})
	}
}
