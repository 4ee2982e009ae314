package corpus

import (
	"context"
	"slices"
	"testing"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Haïti's Pétion-Ville", []string{"haiti", "s", "petion", "ville"}},
		{"UN-backed MSS (2024)!", []string{"un", "backed", "mss", "2024"}},
		{"  ", nil},
		{"日本 police", []string{"日本", "police"}},
	}
	for _, tt := range tests {
		if got := Terms(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsStopWord(t *testing.T) {
	for w, want := range map[string]bool{"the": true, "how": true, "combien": true, "police": false, "haiti": false, "2793": false} {
		if IsStopWord(w) != want {
			t.Errorf("IsStopWord(%q) = %v, want %v", w, !want, want)
		}
	}
}

func TestQueryPhrases(t *testing.T) {
	got := queryPhrases("How many Kenyan police officers are part of the force?")
	want := []string{"kenyan police", "police officers"}
	if !slices.Equal(got, want) {
		t.Errorf("queryPhrases = %q, want %q", got, want)
	}
}

func TestMatchExpr(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"police", "kenyan police"}, `"police" OR "kenyan police"`},
		{[]string{`a"b`}, `"a""b"`},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := matchExpr(tt.in); got != tt.want {
			t.Errorf("matchExpr(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func FuzzSearchQuery(f *testing.F) {
	for _, s := range []string{
		"How many Kenyan police officers are part of the force?",
		`"unbalanced quote`, "NEAR(a b) AND OR NOT", "col:term", "* ^ - + ( )", "police*",
		"", "   ", "\x00\xff\xfe", "日本語 の 質問", "Haïti – résolution 2793 ?", "a b c d e f g h i j k l m n o p",
	} {
		f.Add(s)
	}
	ctx := context.Background()
	s := openTestStore(f)
	if _, err := s.LoadBundled(ctx); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := s.Search(ctx, Query{Text: q, K: 3})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(hits) > 3 {
			t.Fatalf("Search(%q) gave %d hits, more than K", q, len(hits))
		}
	})
}
