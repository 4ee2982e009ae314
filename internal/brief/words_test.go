package brief

import (
	"reflect"
	"testing"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
)

func TestStemMeetsInflections(t *testing.T) {
	same := [][]string{
		{"fund", "funds", "funded", "funding", "funder"},
		{"lead", "leads", "leader", "leading"},
		{"commit", "committed", "commits"},
		{"deploy", "deployed", "deployment", "deployments"},
		{"country", "countries"},
		{"authorise", "authorised", "authorisation"},
		{"force", "forces"},
		{"officer", "officers", "office"},
	}
	for _, group := range same {
		for _, w := range group[1:] {
			if stem(w) != stem(group[0]) {
				t.Errorf("stem(%q) = %q, stem(%q) = %q: want them equal", w, stem(w), group[0], stem(group[0]))
			}
		}
	}
	apart := [][2]string{{"population", "popular"}, {"press", "pres"}, {"status", "state"}, {"mars", "march"}, {"2024", "202"}}
	for _, p := range apart {
		if stem(p[0]) == stem(p[1]) {
			t.Errorf("stem merges %q and %q", p[0], p[1])
		}
	}
}

func TestTermBagHas(t *testing.T) {
	bag := newTermBag("The Kenyan police were funded by Haitian donors in 2024.")
	for _, w := range []string{"kenya", "kenyan", "police", "funding", "haiti", "2024", "donor"} {
		if !bag.has(w) {
			t.Errorf("bag lacks %q", w)
		}
	}
	for _, w := range []string{"ken", "2025", "mongolia", "fun", "hait"} {
		if bag.has(w) {
			t.Errorf("bag claims %q", w)
		}
	}
}

func TestContentTermsAndNames(t *testing.T) {
	if got, want := contentTerms("Who is bankrolling the Haiti security mission more than anyone else?"), []string{"bankrolling", "haiti", "security", "mission"}; !reflect.DeepEqual(got, want) {
		t.Errorf("contentTerms = %v, want %v", got, want)
	}
	tests := []struct {
		q    string
		want []string
	}{
		{"What is the capital of Mongolia?", []string{"mongolia"}},
		{"Kenya sent how many officers?", nil},                                                           // sentence-initial: could be any word
		{"When did the UN Security Council back the MSS?", []string{"un", "security", "council", "mss"}}, // "UN" is a name, not French "un"
		{"Who won the 2022 World Cup? Was it France?", []string{"world", "cup", "france"}},
		{"WHAT IS THE CAPITAL OF MONGOLIA?", nil},
		{"Explain The Funding Of The Mission", nil},
	}
	for _, tt := range tests {
		if got := namedTerms(tt.q); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("namedTerms(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestCue(t *testing.T) {
	tests := []struct {
		q, sentence string
		met         bool
	}{
		{"How many officers did Kenya send?", "Kenya sent 400 officers.", true},
		{"How many officers did Kenya send?", "Kenya sent officers in June 2024.", false},
		{"How many officers did Kenya send?", "They arrived on 25 June.", false},
		{"When did the officers land?", "They landed on 25 June 2024.", true},
		{"When did the officers land?", "They landed at the airport.", false},
		{"Who leads the mission?", "Kenya leads it.", true},
		{"Combien de policiers?", "Le Kenya a envoyé 400 policiers.", true},
	}
	for _, tt := range tests {
		if got := corpus.QuestionCue(tt.q).MetBy(tt.sentence); got != tt.met {
			t.Errorf("cue of %q met by %q = %v, want %v", tt.q, tt.sentence, got, tt.met)
		}
	}
}

func TestWidenAliases(t *testing.T) {
	groups := config.Default().Topic.Aliases
	tests := []struct {
		text string
		want []string
	}{
		{"Who funds the GSF?", []string{"MSS", "MSSM", "Multinational Security Support", "Gang Suppression Force"}},
		{"what does the gang suppression force do", []string{"MSS", "MSSM", "Multinational Security Support", "GSF"}},
		{"Is the PNH paid?", []string{"HNP", "Haitian National Police"}},
		{"How big is the gang problem?", nil},
		{"Who leads the mission?", nil},
	}
	for _, tt := range tests {
		if got := widenAliases(tt.text, groups); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("widenAliases(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestIsFollowUp(t *testing.T) {
	tests := map[string]bool{
		"and who pays for it?":                       true,
		"What about Benin?":                          true,
		"How much did they pledge to the fund?":      true,
		"But did the Council renew the mandate?":     true,
		"How much did Washington commit to the MSS?": false,
		"Which judge blocked the police deployment?": false,
	}
	for q, want := range tests {
		if got := isFollowUp(q); got != want {
			t.Errorf("isFollowUp(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestInterleaveAndMerge(t *testing.T) {
	h := func(ids ...int64) []corpus.Hit {
		var out []corpus.Hit
		for _, id := range ids {
			out = append(out, corpus.Hit{Passage: corpus.Passage{ID: id}})
		}
		return out
	}
	ids := func(hits []corpus.Hit) []int64 {
		var out []int64
		for _, x := range hits {
			out = append(out, x.ID)
		}
		return out
	}
	if got := ids(interleave([][]corpus.Hit{h(1, 2, 3), h(4, 1, 5)}, 4)); !reflect.DeepEqual(got, []int64{1, 4, 2, 3}) {
		t.Errorf("interleave = %v", got)
	}
	if got := ids(interleave([][]corpus.Hit{h(1), h(2, 3, 4)}, 10)); !reflect.DeepEqual(got, []int64{1, 2, 3, 4}) {
		t.Errorf("interleave of uneven lists = %v", got)
	}
	if got := ids(mergeHits(h(7, 8), h(1, 7, 2, 3), 4)); !reflect.DeepEqual(got, []int64{7, 8, 1, 2}) {
		t.Errorf("mergeHits = %v", got)
	}
}
