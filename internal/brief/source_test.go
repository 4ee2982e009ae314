package brief

import (
	"context"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
)

func TestCitationOf(t *testing.T) {
	nairobi := time.FixedZone("EAT", 3*3600)
	tests := []struct {
		name       string
		doc        corpus.Document
		wantSource string
		wantDate   string // RFC 3339, "" when unknown
	}{
		{"source given", corpus.Document{ID: "d1", Title: "T", Source: "Daily Nation", URL: "https://nation.africa/x",
			Published: time.Date(2026, 3, 2, 1, 0, 0, 0, nairobi)}, "Daily Nation", "2026-03-01T22:00:00Z"},
		{"publisher from the link", corpus.Document{ID: "d2", Title: "T", URL: "https://www.Example.org/a"}, "example.org", ""},
		{"neither", corpus.Document{ID: "d3", Title: "T"}, "", ""},
	}
	for _, tt := range tests {
		c := CitationOf(tt.doc, 4)
		date := ""
		if c.Published != nil {
			date = c.Published.Format(time.RFC3339)
		}
		if c.N != 4 || c.DocID != tt.doc.ID || c.Title != "T" || c.URL != tt.doc.URL || c.Source != tt.wantSource || date != tt.wantDate {
			t.Errorf("%s: %+v (date %q), want source %q date %q", tt.name, c, date, tt.wantSource, tt.wantDate)
		}
	}
}

type listed []corpus.Document

func (l listed) Documents(_ context.Context, f corpus.DocFilter) ([]corpus.Document, error) {
	return l[:min(f.Limit, len(l))], nil
}

func TestRecentSources(t *testing.T) {
	added := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	docs := listed{{ID: "a", Title: "A", URL: "https://a.example/x", Ingested: added}, {ID: "b", Title: "B", Ingested: added}, {ID: "c", Title: "C"}}
	got, err := RecentSources(context.Background(), docs, 2)
	if err != nil || len(got) != 2 {
		t.Fatalf("RecentSources = %+v, %v; want 2", got, err)
	}
	if got[0].N != 1 || got[1].N != 2 || got[0].Source != "a.example" || !got[0].Added.Equal(added) {
		t.Errorf("RecentSources = %+v", got)
	}
}
