package brief

import (
	"slices"
	"testing"

	"github.com/mss-brief/briefbot/internal/lexicon"
)

func TestAsksOfPlan(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"What's the latest figure for how many personnel Chad is sending to Haiti?", true},
		{"latest on chad - how many personnel are they sending to haiti", true},
		{"how many officers is kenya deploying now", true},
		{"how many officers has kenya sent to haiti", false},  // done, not arranged
		{"is kenya still keeping its police in haiti", false}, // no verb of sending
		{"who is sending the reports", true},
		{"what did sending the police cost", false}, // no progressive
	}
	for _, tt := range tests {
		if got := asksOfPlan(tt.q); got != tt.want {
			t.Errorf("asksOfPlan(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestVagueNumber: "a number of", "a large number of" say some and ask no
// count; "the number of" and "what number" do.
func TestVagueNumber(t *testing.T) {
	for _, tt := range []struct {
		words []string
		at    int
		want  bool
	}{
		{[]string{"a", "number", "of", "the", "cops"}, 1, true},
		{[]string{"a", "large", "number", "of", "cops"}, 2, true},
		{[]string{"the", "number", "of", "cops"}, 1, false},
		{[]string{"what", "number", "of", "cops"}, 1, false},
		{[]string{"a", "count", "of", "cops"}, 1, false},
		{[]string{"number"}, -1, false},
	} {
		if got := vagueNumber(tt.words, tt.at); got != tt.want {
			t.Errorf("vagueNumber(%v, %d) = %v, want %v", tt.words, tt.at, got, tt.want)
		}
	}
}

// TestLabelOfNumber: a number word beside a label asks the label's number
// ("the resolution number", "what number is the resolution"); one that
// counts ("the number of troops") or stands alone asks none.
func TestLabelOfNumber(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want string
	}{
		{"what's the resolution number that set up the gsf", "resolution"},
		{"which resolution number set up the gsf", "resolution"},
		{"what number is the resolution that set up the gsf", "resolution"},
		{"the number of the resolution", "resolution"},
		{"le numéro de la résolution qui a créé la FRG", "resolution"},
		{"what's the meeting number", "meeting"},
		{"the number of troops the resolution authorized", ""},
		{"what number of personnel did it reach", ""},
		{"gsf numbers on the ground", ""},
	} {
		words := tokenTexts(lexicon.Tokens(tt.q))
		at := slices.IndexFunc(words, func(w string) bool { return numberWords[w] })
		if got := labelOfNumber(words, at); got != tt.want {
			t.Errorf("labelOfNumber(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestWithoutLabelNumber: the number word of a label leaves the query; a
// count's stays.
func TestWithoutLabelNumber(t *testing.T) {
	for _, tt := range []struct{ q, want string }{
		{"what's the resolution number that set up the gsf", "what's the resolution that set up the gsf"},
		{"what number is the resolution that set up the gsf", "what is the resolution that set up the gsf"},
		{"the number of troops", "the number of troops"},
	} {
		if got := withoutLabelNumber(tt.q); got != tt.want {
			t.Errorf("withoutLabelNumber(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}
