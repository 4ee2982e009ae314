package brief

import (
	"testing"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

func TestCountOfOthers(t *testing.T) {
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	relation := an.lex.Query("chad")
	tests := []struct {
		sentence string
		want     bool
	}{
		{"The force is poised to meet its target of 5,500 troops, after a number of nations, including Chad and Bangladesh, offered to deploy soldiers.", true},
		{"Chad offered 1,500 soldiers, according to two sources.", false},
		{"Nations including Chad offered 1,500 soldiers in all.", false}, // the count after the list may be its own
		{"The force reached 1,000 personnel, and Chad is set to send more.", false},
		{"Nations including Chad offered to deploy soldiers.", false}, // no count
		{"A target of 5,500 troops was set.", false},                  // Chad not named
	}
	for _, tt := range tests {
		if got := countOfOthers(an, tt.sentence, "en", relation); got != tt.want {
			t.Errorf("countOfOthers(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
	if countOfOthers(an, tests[0].sentence, "en", nil) {
		t.Error("a slot without a relation names no one asked of")
	}
}

func TestDeedOfOtherDoer(t *testing.T) {
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"Were some of the early Kenyan recruits looking to walk away from the job?",
			"There has been a radical change following the resignation of the Prime Minister of Haiti, said an official.", true},
		{"Were some of the early Kenyan recruits looking to walk away from the job?",
			"Kenya suspended the mission following the resignation of Haitian Prime Minister Ariel Henry.", true},
		{"Were some of the early Kenyan recruits looking to walk away from the job?",
			"Nearly 20 people in the initial deployment had submitted letters of resignation due to pay delays.", false},
		// The question's own noun: the government asked of, not a deed.
		{"What did the government ask for?", "The government of Prime Minister Garry Conille asked for help.", false},
		// The doer asked of is the one named.
		{"When did Ariel Henry step down?", "The resignation of Prime Minister Ariel Henry was announced in March.", false},
	}
	for _, tt := range tests {
		if got := deedOfOtherDoer(an, tt.sentence, "en", an.lex.Query(tt.question), wordSet(tt.question)); got != tt.want {
			t.Errorf("deedOfOtherDoer(%q, %q) = %v, want %v", tt.question, tt.sentence, got, tt.want)
		}
	}
}

func TestGrievanceFacet(t *testing.T) {
	tests := []struct {
		question string
		tells    bool
	}{
		{"Were some of the recruits looking to walk away, and what were their gripes?", true},
		{"what did the officers complain about", true},
		{"How does the MSS sort the complaints?", false}, // a sorting, not a grievance
		{"How many officers resigned?", false},
	}
	for _, tt := range tests {
		got := holdsRun("resigned due to pay delays", facetTells(tt.question))
		if got != tt.tells {
			t.Errorf("facetTells(%q) tells 'due to' = %v, want %v", tt.question, got, tt.tells)
		}
	}
}
