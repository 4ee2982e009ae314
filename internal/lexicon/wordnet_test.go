package lexicon

import (
	"bytes"
	"compress/gzip"
	"slices"
	"testing"
)

func TestSynonyms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		word    string
		senses  int
		want    []string // each must be offered
		notWant []string // none may be
	}{
		{"physicians", 2, []string{"doctor"}, nil},                              // a plural, through its singular
		{"automobiles", 2, []string{"car"}, nil},                                // the first sense's lemmas
		{"misdeeds", 1, []string{"misbehavior"}, []string{"misdeed"}},           // not the word itself
		{"boasted", 1, []string{"brag"}, []string{"blow"}},                      // "blow" is first of another sense
		{"halt", 2, []string{"stoppage"}, []string{"lame", "crippled", "stop"}}, // an untagged adjective sense; "stop" mostly means another
		{"cop", 2, nil, []string{"snitch", "nab"}},                              // the verb's senses are untagged
		{"finally", 2, nil, []string{"eventually", "ultimately"}},               // an adverb offers nothing
	}
	for _, tt := range tests {
		got := Synonyms(tt.word, tt.senses)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("Synonyms(%q, %d) = %v, want %q among them", tt.word, tt.senses, got, w)
			}
		}
		for _, w := range tt.notWant {
			if slices.Contains(got, w) {
				t.Errorf("Synonyms(%q, %d) = %v, want no %q", tt.word, tt.senses, got, w)
			}
		}
	}
	if got := Synonyms("qwxzv", 2); len(got) != 0 {
		t.Errorf("Synonyms of no word = %v, want none", got)
	}
}

func TestBaseForms(t *testing.T) {
	t.Parallel()
	tests := []struct{ word, want string }{
		{"choppers", "chopper"}, {"torched", "torch"}, {"stopped", "stop"}, {"bribing", "bribe"},
		{"countries", "country"}, {"wages", "wage"}, {"taken", "take"}, {"women", "woman"},
	}
	for _, tt := range tests {
		if got := baseForms(tt.word); !slices.Contains(got, tt.want) {
			t.Errorf("baseForms(%q) = %v, want %q among them", tt.word, got, tt.want)
		}
	}
	if got := baseForms("press"); len(got) != 1 {
		t.Errorf("baseForms(press) = %v, want the word alone", got)
	}
}

func TestSynonymEligible(t *testing.T) {
	t.Parallel()
	a := New(nil)
	names := CapitalisedWords("Did Physicians Without Borders send physicians or 40 medics?")
	byText := map[string]Concept{}
	for _, c := range a.Query("Did Physicians Without Borders send physicians or 40 medics? what about the cops") {
		byText[c.Text] = c
	}
	tests := []struct {
		word string
		want bool
	}{
		{"physicians", false}, // written with a capital in the question: a name
		{"medics", true},
		{"40", false},  // a number
		{"cops", true}, // in a paraphrase group, which the caller weighs first
	}
	for _, tt := range tests {
		c, ok := byText[tt.word]
		if !ok {
			t.Fatalf("no concept %q in %v", tt.word, byText)
		}
		if got := SynonymEligible(c, names); got != tt.want {
			t.Errorf("SynonymEligible(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
	if SynonymEligible(Concept{Text: "fin", Forms: []string{"fin"}}, nil) {
		t.Error(`SynonymEligible("fin") = true, want false: too short to be read as English`)
	}
}

func TestCapitalisedWords(t *testing.T) {
	t.Parallel()
	got := CapitalisedWords("What did the Haiti Chronicle say about choppers?")
	for _, w := range []string{"haiti", "chronicle"} {
		if !got[w] {
			t.Errorf("CapitalisedWords missed %q: %v", w, got)
		}
	}
	for _, w := range []string{"what", "choppers"} {
		if got[w] {
			t.Errorf("CapitalisedWords holds %q (the first word, or lower case): %v", w, got)
		}
	}
}

// TestParseWordNet reads a small table written as tools/wordnetgen writes
// one: a sense with no other lemma ("-") keeps the order of the rest, and
// the tag counts decide which senses offer synonyms.
func TestParseWordNet(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("# header\nalpha beta\nbeta gamma\n%%\nalpha n:0/3\nbeta n:1/5,0\ngamma n:-,1 v:-\n"))
	zw.Close()
	wn, err := parseWordNet(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(wn.synsets) != 2 || len(wn.senses["gamma"]) != 2 {
		t.Fatalf("parsed %v / %v", wn.synsets, wn.senses)
	}
	if got := wn.senses["gamma"][0].senses; got[0].synset != -1 || got[1].synset != 1 {
		t.Errorf("gamma's noun senses = %v, want none then synset 1", got)
	}
	if got := wn.senses["beta"][0].senses[0]; got.synset != 1 || got.count != 5 {
		t.Errorf("beta's first sense = %+v, want synset 1 counted 5", got)
	}
	// beta's first sense is synset 1, not 0: alpha (synset 0) does not offer it.
	if wn.firstSense("beta", 0) || !wn.firstSense("beta", 1) {
		t.Error("firstSense(beta) wrong")
	}
}
