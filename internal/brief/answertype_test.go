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
