package brief

import (
	"context"
	"strings"
	"testing"

	"github.com/mss-brief/briefbot/internal/corpus"
)

func TestRecase(t *testing.T) {
	hits := []corpus.Hit{{Passage: corpus.Passage{Text: "The envoy of Kenya met officials in Haiti. The UNSOH will support the force. " +
		"Justice Enock Mwita ruled. Officers from the Bahamas came. Police patrol the capital. Police were seen in Haiti, and police arrived."}}}
	tests := []struct{ q, want string }{
		{"who is kenya's ambassador to haiti?", "who is Kenya's ambassador to Haiti?"},
		{"who heads unsoh?", "who heads UNSOH?"},
		{"did the police patrol?", "did the police patrol?"},                       // written in lower case more than not
		{"on what grounds did justice rule?", "on what grounds did justice rule?"}, // a title, not a name
		{"Who is kenya's envoy?", "Who is Kenya's envoy?"},
		{"Who is Kenya's envoy to haiti?", "Who is Kenya's envoy to haiti?"},     // typed with capitals: left as it is
		{"does the UNSOH support kenya?", "does the UNSOH support Kenya?"},       // an acronym alone is still lower case
		{"who commands the haitian police?", "who commands the Haitian police?"}, // a people of a name the passages write
		{"how many bahamian officers came?", "how many Bahamian officers came?"}, // a people its paraphrase group names
	}
	for _, tt := range tests {
		if got := recase(tt.q, hits); got != tt.want {
			t.Errorf("recase(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestWithoutPreamble(t *testing.T) {
	tests := []struct{ q, want string }{
		{"hey, quick q: who leads the force?", "who leads the force?"},
		{"Hey team, could you tell me when the GSF was created?", "when the GSF was created?"},
		{"can you tell me how many officers Kenya sent", "how many officers Kenya sent"},
		{"Bonjour, pouvez-vous me dire qui dirige la force ?", "qui dirige la force ?"},
		{"So far, how many officers have died?", "So far, how many officers have died?"}, // "so far" asks of the present
		{"hey there", "hey there"},
		{"how many ppl have been displaced?", "how many people have been displaced?"},
		{"what's the govt's plan w/ the force?", "what's the government's plan with the force?"},
		{"whats the first-year budget for the force", "what's the first-year budget for the force"},
		{"whos the deputy commander?", "who's the deputy commander?"},
		{"What was the vote tally on resolution 2699?", "how many votes were cast on resolution 2699?"},
		{"kenya approved it in 2023: what was the vote count?", "kenya approved it in 2023: how many votes were cast?"},
		{"Whats the GSF budget?", "what's the GSF budget?"},
		{"how much did Canada give, approx $60 mil?", "how much did Canada give, approximately $60 million?"},
		{"how many mil personnel are deployed?", "how many mil personnel are deployed?"},
		{"what did the court decide in Jan 2024?", "what did the court decide in january 2024?"},
		{"who spoke on 30 Sept.?", "who spoke on 30 september?"},
		{"what did Jan Egeland say?", "what did Jan Egeland say?"}, // a name, no figure beside it
		{"on what exact date did he resign?", "on what date did he resign?"},
		{"how much has Canada pledged to the force specifically?", "how much has Canada pledged to the force?"},
		{"who leads the force now?? thx!", "who leads the force now?"}, // the thanks after the first mark is an aside
		{"who leads the force :thinking_face: pls", "who leads the force"},
		{"Who leads the force? Thank you", "Who leads the force?"},
		{"What happened at 10:30:00 in Port-au-Prince?", "What happened at 10:30:00 in Port-au-Prince?"},
		{"what sort of weapons do the gangs use?", "what weapons do the gangs use?"},                                            // "sort" alone asks how things are sorted
		{"how come Washington wants the force to be mostly soldiers?", "why Washington wants the force to be mostly soldiers?"}, // "come" is no word the reports must hold
		{"Who leads the force?", "Who leads the force?"},
		{"who's the deputy commander? think he's Jamaican", "who's the deputy commander?"},
		{"who's the deputy commander? he's Jamaican", "who's the deputy commander? he's Jamaican"}, // not an aside opener
		{"who's the deputy? maybe Jamaican?", "who's the deputy?"},
		{"who's the deputy？ think he's Jamaican", "who's the deputy？"},
		{"who's the deputy commander? jamaican officer iirc", "who's the deputy commander?"}, // a hedge closes it
		{"who's the deputy commander? jamaican officer", "who's the deputy commander? jamaican officer"},
		{"when is the force now expected at full strength? latest estimate pls", "when is the force now expected at full strength?"},
		{"within how long? agence afrique had the detail", "according to agence afrique, within how long?"}, // who told it
		{"within how long? the report had it wrong, why?", "within how long? the report had it wrong, why?"},
		{"when did it land? and who met them pls", "when did it land? and who met them"},                                                       // a second question, not an aside
		{"which town was he shot in? (i know it was artibonite but which town)", "which town was he shot in?"},                                 // a remark in brackets
		{"which town was he shot in? (artibonite? or nearer the capital?)", "which town was he shot in? (artibonite? or nearer the capital?)"}, // it asks
		{"what is the SG’s view?", "what is the Secretary-General’s view?"},
		{"how long did the UNSC give the SG?", "how long did the UNSC give the Secretary-General?"},
		{"what did the deputy NSA say in NY?", "what did the deputy national security adviser say in New York?"},
		{"after parliament OK'd it, what happened?", "after parliament approved it, what happened?"},
		{"how many are deployed right now?", "how many are deployed now?"},
		{"Why is Kenya pulling its officers out of Haiti?", "Why is Kenya pulling out its officers of Haiti?"},
		{"is it bringing its cops home?", "is it bringing home its cops?"},
		{"which PM vowed to take the country back?", "which PM vowed to take back the country?"}, // "take back" is "reclaim"
		{"what held the MSS back?", "what held back the MSS?"},
		{"what did the foreign affairs PS say?", "what did the foreign affairs principal secretary say?"},
		{"if a cop roughs somebody up, where can they report it?", "if a cop roughs up somebody, where can they report it?"},
		{"did the US pull out?", "did the US pull out?"},
		{"why did kenya put its deployment to haiti on hold?", "why did kenya put on hold its deployment to haiti?"},                    // an object of four words
		{"why did kenya put the haiti deployment on ice in march 2024", "why did kenya put on hold the haiti deployment in march 2024"}, // an idiom of "on hold"
		{"did the US put the draft on the back burner?", "did the US put on hold the draft?"},
		{"is the ice hockey rink on ice?", "is the ice hockey rink on ice?"},                   // no "put"
		{"who sent the first contingent to Haiti?", "who sent the first contingent to Haiti?"}, // no particle
		{"who runs the UN office in PaP, per the intel brief?", "who runs the UN office in Port-au-Prince, per the intelligence brief?"},
		{"is that right? now what", "is that right? now what"}, // "right" then "now" across a question mark
		{"Chad's offer seems to have shifted: why?", "Chad's offer have shifted: why?"},
		{"what kinds of grievances does it sort into?", "what grievances does it sort into?"},
		{"who runs the support office day to day?", "who runs the support office?"},
		{"c'est quand exactement que le 2e contingent est arrivé ?", "c'est quand que le deuxième contingent est arrivé?"},
		{"when did the 2nd contingent land?", "when did the second contingent land?"},
		{"who was the UN special rep in haiti?", "who was the UN special representative in haiti?"},
		{"is kenya keeping its whole police contingent there?", "is kenya keeping its police contingent there?"},
		{"who's the UN's top official? need the current name for a briefing note", "who's the UN's top official?"},
	}
	for _, tt := range tests {
		if got := withoutPreamble(tt.q); got != tt.want {
			t.Errorf("withoutPreamble(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestSlips(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"deplyoment", "deployment", 1}, // two letters swapped
		{"governmnet", "government", 1},
		{"parliment", "parliament", 1}, // one left out
		{"kitten", "sitting", 3},
		{"react", "reach", 1},
		{"", "abc", 3},
	}
	for _, tt := range tests {
		if got := slips(tt.a, tt.b); got != tt.want {
			t.Errorf("slips(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	if !changesALetter("react", "reach") || changesALetter("fofice", "office") || changesALetter("parliment", "parliament") {
		t.Error("changesALetter: a changed letter is not a swap nor a letter left out")
	}
}

// TestSpellFixed: a word no passage holds is respelled from the passages
// found, when it is a slip of one of their words; a short word one letter
// off another ("react", "reach") is a word of its own.
func TestSpellFixed(t *testing.T) {
	a := newExtractive(t, openStoreWith(t, corpus.Document{Title: "Kenya's parliament approves the deployment", Source: "Wire",
		URL: "https://example.org/p", Published: day("2023-11-16"),
		Text: "Kenya's parliament approved the deployment of 1,000 police officers to Haiti. Officers will reach Haiti next year."}))
	tests := []struct{ q, want string }{
		{"How many officers did Kenya's parliamnet approve for the deplyoment?", "How many officers did Kenya's parliament approve for the deployment?"},
		{"How did Haiti react to the deployment?", ""},
		{"Did Kenya's Parliamnet approve it?", "Did Kenya's Parliament approve it?"},
		{"How many officers did the parliament approve?", ""},
	}
	for _, tt := range tests {
		r, err := a.retrieveK(context.Background(), Request{Question: tt.q}, 5)
		if err != nil {
			t.Fatal(err)
		}
		a.corpusCounts(context.Background(), &r)
		got, ok := a.spellFixed(context.Background(), r)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("spellFixed(%q) = %q, %v; want %q", tt.q, got, ok, tt.want)
		}
	}
	ans, err := a.Answer(context.Background(), Request{Question: "How many officers did Kenya's parliamnet approve for the deplyoment?"})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Mode == ModeAbstained || !strings.Contains(ans.Text, "1,000") {
		t.Errorf("answer to the misspelled question: mode %s, %q", ans.Mode, ans.Text)
	}
	if want := "How many officers did Kenya's parliament approve for the deployment?"; ans.ReadAs != want {
		t.Errorf("read as %q, want %q", ans.ReadAs, want)
	}
}
