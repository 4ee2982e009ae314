package corpus

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseMarkdown(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      string
		want    Document
		wantErr string
	}{
		{"full front matter", "---\ntitle: ' Funding '\nsource: Briefing notes\nurl: https://x.org/a\npublished: 2025-10-12\nlang: en\nlinks:\n  - https://un.org/1\n  - https://un.org/2\n---\nBody text.\n",
			Document{Title: "Funding", Source: "Briefing notes", URL: "https://x.org/a", Lang: "en", Published: time.Date(2025, 10, 12, 0, 0, 0, 0, time.UTC),
				Links: []string{"https://un.org/1", "https://un.org/2"}, Text: "Body text.\n"}, ""},
		{"crlf and bom", "\ufeff---\r\ntitle: T\r\n---\r\nBody", Document{Title: "T", Text: "Body"}, ""},
		{"heading gives the title", "\n# The heading\n\nBody", Document{Title: "The heading", Text: "\n# The heading\n\nBody"}, ""},
		{"front matter title wins over heading", "---\ntitle: FM\n---\n# Heading\n", Document{Title: "FM", Text: "# Heading\n"}, ""},
		{"no front matter, no heading", "Just text.", Document{Text: "Just text."}, ""},
		{"a rule later is not front matter", "Intro\n---\nmore", Document{Text: "Intro\n---\nmore"}, ""},
		{"unclosed", "---\ntitle: T\nbody", Document{}, "no closing --- line"},
		{"bad yaml", "---\ntitle: [x\n---\n", Document{}, "front matter"},
		{"unknown type", "---\nlinks: {a: 1}\n---\n", Document{}, "front matter"},
		{"bad date", "---\npublished: 12/10/2025\n---\n", Document{}, `published "12/10/2025" is not a YYYY-MM-DD date`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseMarkdown([]byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Title != tt.want.Title || got.Source != tt.want.Source || got.URL != tt.want.URL || got.Lang != tt.want.Lang ||
				!got.Published.Equal(tt.want.Published) || !slices.Equal(got.Links, tt.want.Links) || got.Text != tt.want.Text {
				t.Errorf("ParseMarkdown = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestMarkdownTableRows(t *testing.T) {
	t.Parallel()
	d, err := ParseMarkdown([]byte("# Sources\n\n| File | Outlet | Date |\n|---|:---|---|\n| 01-un.md | UN Press | 2023-10-02 |\n| 02-ap.md | AP |  |\n\nText after.\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"File: 01-un.md; Outlet: UN Press; Date: 2023-10-02\n\n", "File: 02-ap.md; Outlet: AP\n\n", "Text after."} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("text %q lacks %q", d.Text, want)
		}
	}
	if strings.Contains(d.Text, "|") {
		t.Errorf("text %q keeps the table's pipes", d.Text)
	}
}

func TestBundledDocuments(t *testing.T) {
	t.Parallel()
	docs, err := BundledDocuments()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 6 || len(docs) > 10 {
		t.Errorf("%d bundled notes, want 6 to 10", len(docs))
	}
	for _, d := range docs {
		if d.Title == "" || d.Source == "" || d.Published.IsZero() || len(d.Links) == 0 || !strings.HasPrefix(d.Key, BundledOrigin) {
			t.Errorf("bundled note %s lacks metadata: %+v", d.Origin, d)
		}
	}
}
