package corpustest

import (
	"strings"
	"testing"
)

func TestDeterministic(t *testing.T) {
	a, b := New(42), New(42)
	for range 20 {
		if x, y := a.Doc(1, 200), b.Doc(1, 200); x != y {
			t.Fatalf("same seed, different documents:\n%+v\n%+v", x, y)
		}
	}
	if New(1).Text(100) == New(2).Text(100) {
		t.Error("different seeds gave the same text")
	}
}

func TestZipfShape(t *testing.T) {
	g := New(7)
	counts := map[string]int{}
	total := 0
	for range 2000 {
		for _, w := range strings.Fields(strings.ToLower(g.Sentence())) {
			counts[strings.Trim(w, ".")]++
			total++
		}
	}
	// The most frequent word holds a few percent of all tokens, as "the"
	// does in English, and the vocabulary has a long tail.
	if share := float64(counts["the"]) / float64(total); share < 0.02 || share > 0.15 {
		t.Errorf(`"the" is %.3f of tokens, want 0.02 to 0.15`, share)
	}
	if len(counts) < 3000 {
		t.Errorf("only %d distinct words in %d tokens: no long tail", len(counts), total)
	}
}

func TestTextAndQuestion(t *testing.T) {
	g := New(3)
	text := g.Text(300)
	if n := len(strings.Fields(text)); n < 300 || n > 340 {
		t.Errorf("Text(300) has %d words", n)
	}
	if !strings.Contains(text, "\n\n") {
		t.Error("Text has no paragraphs")
	}
	for range 50 {
		if q := g.Question(); len(strings.Fields(q)) < 3 {
			t.Errorf("question %q too short", q)
		}
	}
}
