package brief

import "testing"

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
