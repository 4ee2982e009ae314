package brief

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

func TestAskPhrase(t *testing.T) {
	tests := []struct {
		question, head string
		modifiers      []string
		owner          string
	}{
		{"How many former gang members have gone through the programme?", "members", []string{"gang"}, ""},
		{"How many women serve in the Kenyan contingent?", "women", nil, ""},
		{"Which carrier flew the first batch of Kenyans?", "carrier", nil, ""},
		{"What is the monthly salary of a Kenyan police officer?", "salary", []string{"monthly"}, ""},
		{"Who is Kenya's ambassador to Haiti?", "ambassador", []string{"kenya"}, "kenya"},
		{"What is the Gang Suppression Force's budget?", "budget", []string{"gang", "suppression", "force"}, "force"},
		{"Who is the current head of the UN political office?", "head", nil, ""}, // the present's words stand outside
		{"who is currently the GSF Special Representative?", "representative", []string{"gsf", "special"}, ""},
		{"Which piece of Kenyan legislation did the judge cite?", "legislation", []string{"kenyan"}, ""}, // the thing is named after "of"
		{"Who is responsible for feeding the troops?", "", nil, ""},                                      // "responsible" names no one: who does it
		{"Who was the ex-presidential candidate behind the lawsuit?", "candidate", []string{"presidential"}, ""},
		{"How many police/gendarmes is Chad sending?", "police", nil, ""},
		{"How many soldiers exactly did Sri Lanka pledge?", "soldiers", nil, ""},
		{"How many kenyan officers quit over late pay?", "officers", []string{"kenyan"}, ""}, // an irregular verb ends the phrase
		{"When is the GSF meant to be at full strength?", "gsf", nil, ""},
		{"Which judge threw out the deployment?", "judge", nil, ""},                                                   // an irregular past ends the phrase
		{"which ex-presidential hopeful sued, calling it a suicide mission", "hopeful", []string{"presidential"}, ""}, // so does a four-letter past
		{"Which minister shut off the aid money?", "minister", nil, ""},                                               // so does a word before a particle
		// Typed as a bare phrase: a head that names a kind of answer.
		{"GSF budget?", "budget", []string{"gsf"}, ""},
		{"kenya's ambassador", "ambassador", []string{"kenya"}, "kenya"},
		{"chad troops", "", nil, ""},
		{"binuh mandate end", "", nil, ""},
		{"Which new Haitian PM vowed to take the country back?", "pm", []string{"haitian"}, ""},
		{"Under which resolution was the mandate renewed?", "resolution", nil, ""}, // a preposition may lead the "which"
		{"Sous quelle résolution le mandat a-t-il été renouvelé ?", "resolution", nil, ""},
		{"Quel montant de la contribution américaine a été gelé ?", "contribution", []string{"americaine"}, ""},
		// A participle before its noun qualifies it; after a name it is the verb.
		{"What was the estimated first-year operating budget?", "budget", []string{"estimated", "year", "operating"}, ""},
		{"What is the estimated operating budget of the force?", "budget", []string{"estimated", "operating"}, ""}, // two participles before their noun
		{"What's the GSF's authorized ceiling for uniformed personnel?", "ceiling", []string{"gsf", "authorized"}, "gsf"},
		{"When was Godfrey Otunge appointed force commander?", "otunge", []string{"godfrey"}, ""},
		// A "what" asking a figure mid-question.
		{"The MSS was supposed to get to what headcount?", "headcount", nil, ""},
		// The question word is followed by its verb, or names the thing itself.
		{"Who commands the multinational force now?", "", nil, ""},
		{"Which countries sat out the vote?", "", nil, ""},
		{"In which town was Constable Samuel Kitwai shot?", "", nil, ""},
		{"What year did the force arrive?", "", nil, ""},
		{"À quel aéroport le premier contingent a-t-il atterri ?", "", nil, ""},
		{"Why did Kenya's court block the deployment?", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			p := askPhrase(tt.question)
			if p.head != tt.head || !slices.Equal(p.modifiers, tt.modifiers) || p.owner != tt.owner {
				t.Errorf("askPhrase = %q %q owner %q, want %q %q owner %q", p.head, p.modifiers, p.owner, tt.head, tt.modifiers, tt.owner)
			}
		})
	}
}

// slotDocs hold every topic word of the questions below, but only some of
// the relations asked.
func slotDocs() []corpus.Document {
	return []corpus.Document{
		{Title: "Kenyan police arrive", Source: "Wire", URL: "https://example.org/arrive", Published: day("2024-06-26"),
			Text: "About 400 Kenyan police officers arrived in Port-au-Prince in June 2024 to lead the security mission. " +
				"Several Kenyan officers were later killed and wounded in operations against the gangs. " +
				"Mike Waltz, the US ambassador to the United Nations, welcomed the Council's vote."},
		{Title: "Paying for the mission", Source: "Wire", URL: "https://example.org/pay", Published: day("2025-02-10"),
			Text: "Canada pledged $60 million to the UN trust fund for the security mission. " +
				"Kenyan officers complained that their pay for the security mission arrived late, and some resigned."},
	}
}

// TestAmountOfAnotherBody: in a report on the force, a sentence on the
// money of the mission it replaced does not give the force's.
func TestAmountOfAnotherBody(t *testing.T) {
	st := openStoreWith(t, corpus.Document{Title: "The force that replaced the mission", Source: "Wire",
		URL: "https://example.org/gsf", Published: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC),
		Text: "The Security Council turned the Multinational Security Support mission into the Gang Suppression Force on Tuesday. " +
			"The Gang Suppression Force will have up to 5,550 personnel. " +
			"While the MSS had an estimated budget of $600 million for its first year, only $115 million was raised."})
	a := newExtractive(t, st)
	tests := []struct {
		question string
		answered bool
	}{
		{"What was the MSS's budget for its first year?", true},
		{"What is the Gang Suppression Force's budget for its first year?", false},
		{"What's the dollar figure approved for the GSF's first year?", false},
		{"GSF budget?", false},
		{"MSS budget?", true},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans := askAnswered(t, a, tt.question, tt.answered)
			if tt.answered && !strings.Contains(ans.Text, "$600 million") {
				t.Errorf("answer lacks the budget: %s", ans.Text)
			}
		})
	}
}

// TestRoleOfAnotherBody: the head of one office does not answer for the
// head of another, when the office is all the question names beside the
// role.
func TestRoleOfAnotherBody(t *testing.T) {
	st := openStoreWith(t, corpus.Document{Title: "The UN in Haiti", Source: "Wire",
		URL: "https://example.org/un", Published: time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC),
		Text: "The UN Support Office in Haiti will supply the Gang Suppression Force with rations and fuel. " +
			"Carlos Ruiz Massieu, the head of BINUH, met the foreign minister on Monday."})
	a := newExtractive(t, st)
	tests := []struct {
		question string
		answered bool
	}{
		{"Who is the head of BINUH?", true},
		{"Who is the head of UNSOH?", false},
		{"who's the head of the UN Support Office?", false},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans := askAnswered(t, a, tt.question, tt.answered)
			if tt.answered && !strings.Contains(ans.Text, "Ruiz Massieu") {
				t.Errorf("answer lacks the name: %s", ans.Text)
			}
		})
	}
}

// TestRoleOfTheBodyAskedFirst: a role asked of a body is answered first by
// the sentence naming that body, even when a newer report names someone
// else's representative.
func TestRoleOfTheBodyAskedFirst(t *testing.T) {
	st := openStoreWith(t,
		corpus.Document{Title: "Council renews the UN office", Source: "Wire", URL: "https://example.org/a",
			Published: time.Date(2026, 1, 30, 0, 0, 0, 0, time.UTC),
			Text:      "The resolution was adopted unanimously, said Abukar Osman, the permanent representative of Somalia."},
		corpus.Document{Title: "Talks in New York", Source: "Paper", URL: "https://example.org/b",
			Published: time.Date(2026, 1, 23, 0, 0, 0, 0, time.UTC),
			Text:      "The announcement was made by GSF Special Representative Jack Christofides in New York."})
	ans := askAnswered(t, newExtractive(t, st), "who's the GSF special representative at the moment?", true)
	if first, _, _ := strings.Cut(ans.Text, "[1]"); !strings.Contains(first, "Christofides") {
		t.Errorf("the answer opens with another body's representative: %s", ans.Text)
	}
}

// TestRoleNarrowedByAWord: "the justice minister" is not answered by
// another minister, nor by a person named without the role.
func TestRoleNarrowedByAWord(t *testing.T) {
	st := openStoreWith(t, corpus.Document{Title: "Kenyans land in Haiti", Source: "Wire", URL: "https://example.org/land",
		Published: time.Date(2024, 6, 26, 0, 0, 0, 0, time.UTC),
		Text: "Foreign Minister Roberto Alvarez met the Kenyan officers on the tarmac. The officers then drove to their base. " +
			"The justice ministry said their legal status had been settled."})
	a := newExtractive(t, st)
	askAnswered(t, a, "what's the name of the justice minister who met the kenyans on the tarmac?", false)
	if ans := askAnswered(t, a, "what's the name of the foreign minister who met the kenyans on the tarmac?", true); !strings.Contains(ans.Text, "Alvarez") {
		t.Errorf("answer lacks the name: %s", ans.Text)
	}
}

// TestDateOfAnothersDeed: "when was X appointed" is not dated by the
// appointment of someone else, in the sentence or beside it.
func TestDateOfAnothersDeed(t *testing.T) {
	st := openStoreWith(t, corpus.Document{Title: "Jack Christofides appointed special representative", Source: "Wire",
		URL: "https://example.org/appoint", Published: time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC),
		Text: "The partners, among them Force Commander Godfrey Otunge, announced on Tuesday the appointment of Jack Christofides as special representative. " +
			"From 2020 to 2023, he was deputy head of another mission. The force was created on September 30, 2025."},
		corpus.Document{Title: "The force commander speaks", Source: "Paper", URL: "https://example.org/otunge",
			Published: time.Date(2025, 11, 2, 0, 0, 0, 0, time.UTC),
			Text:      "Force Commander Godfrey Otunge said the officers were ready. Otunge added that more would come."},
		corpus.Document{Title: "Patrols resume", Source: "Paper", URL: "https://example.org/patrols",
			Published: time.Date(2025, 11, 5, 0, 0, 0, 0, time.UTC),
			Text:      "Godfrey Otunge led the patrols through the capital on Friday."})
	a := newExtractive(t, st)
	askAnswered(t, a, "When was Godfrey Otunge appointed force commander?", false)
	askAnswered(t, a, "When was Jack Christofides appointed special representative?", true)
}

// TestLedIsNotInCharge: "the Kenyan-led mission" does not say that the
// person named beside it is in charge of anything.
func TestLedIsNotInCharge(t *testing.T) {
	st := openStoreWith(t, corpus.Document{Title: "Complaints and casualties", Source: "Wire",
		URL: "https://example.org/led", Published: time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC),
		Text: "The mission set up a complaints office in Port-au-Prince. " +
			"Police Constable Samuel Kitwai was the first officer of the Kenyan-led mission to die in Haiti."})
	a := newExtractive(t, st)
	tests := []struct {
		question string
		answered bool
	}{
		{"Who is the Kenyan officer in charge of the complaints office?", false},
		{"Who was the first officer of the mission to die in Haiti?", true},
	}
	for _, tt := range tests {
		askAnswered(t, a, tt.question, tt.answered)
	}
}

// TestAmountFromBeforeTheBody: a pledge reported before the force named
// in the question existed, in a report that does not name it, is not a
// pledge to it; dated by its report or, undated, by the bodies it names.
func TestAmountFromBeforeTheBody(t *testing.T) {
	docs := []corpus.Document{
		{Title: "Trust fund short of money", Source: "Wire", URL: "https://example.org/fund", Published: day("2025-02-10"),
			Text: "The Multinational Security Support mission is short of money. Canada has pledged $60 million so far."},
		{Title: "Council creates the force", Source: "Wire", URL: "https://example.org/gsf", Published: day("2025-10-01"),
			Text: "The Gang Suppression Force will have up to 5,550 personnel. Canada welcomed the Gang Suppression Force."},
	}
	undated := docs[0]
	undated.URL, undated.Published = "https://example.org/undated", time.Time{}
	for name, docs := range map[string][]corpus.Document{"dated": docs, "undated": {undated, docs[1]}} {
		t.Run(name, func(t *testing.T) {
			a := newExtractive(t, openStoreWith(t, docs...))
			for q, answered := range map[string]bool{
				"How much has Canada pledged to the MSS?":                    true,
				"How much has Canada pledged to the Gang Suppression Force?": false,
			} {
				askAnswered(t, a, q, answered)
			}
		})
	}
}

// TestRoleNamedAfterTheDeed: a judge named a few sentences after the ruling
// he made answers "who was the judge that blocked it"; a deed told only
// after the judge is named does not make him its doer.
func TestRoleNamedAfterTheDeed(t *testing.T) {
	st := openStoreWith(t, corpus.Document{Title: "Court rules on deployment", Source: "Wire",
		URL: "https://example.org/court", Published: time.Date(2024, 1, 26, 0, 0, 0, 0, time.UTC),
		Text: "Kenya's high court has blocked the deployment of police officers to Haiti. " +
			"Parliament had approved the plan in November. " +
			"But High Court Judge Chacha Mwita ruled on Friday that the council lacked the authority. " +
			"The government said it would appeal, and a later appeal by the opposition was dismissed."},
		corpus.Document{Title: "Police deployment goes ahead", Source: "Wire",
			URL: "https://example.org/deploy", Published: time.Date(2024, 6, 25, 0, 0, 0, 0, time.UTC),
			Text: "The deployment of Kenyan police to Haiti began in June. The deployment of a second group followed."})
	a := newExtractive(t, st)
	for q, answered := range map[string]bool{
		"Who was the judge that blocked the deployment?": true,
		"Who was the judge that dismissed the appeal?":   false,
	} {
		askAnswered(t, a, q, answered)
	}
	for q, want := range map[string]string{
		"who was the judge that blocked the deployment": "blocked",
		"who is the officer who was killed":             "killed",
		"who is Kenya's ambassador to Haiti":            "",
		"who was the judge that first blocked the plan": "blocked",
		"who is the judge who has not yet ruled":        "ruled",
	} {
		if got := relativeDeed(lexicon.Tokens(q), strings.Fields(q)[3]); got != want {
			t.Errorf("relativeDeed(%q) = %q, want %q", q, got, want)
		}
	}
}

// TestCountOfARole: a role counted ("how many officers") is the head the
// number must count: a number of something else beside the unit does not
// answer, "750 agents" in French does.
func TestCountOfARole(t *testing.T) {
	st := openStoreWith(t, []corpus.Document{
		{Title: "Offers for the force", Source: "Wire", URL: "https://example.org/offers", Published: day("2025-09-30"),
			Text: "Bangladesh, which once had an all-female police unit in Haiti, said its 1,500-strong commitment would include engineers."},
		{Title: "Visite au Kenya", Source: "Presse", URL: "https://example.org/fr", Published: day("2025-08-20"), Lang: "fr",
			Text: "Le conseiller a salué le travail des 750 agents kényans déjà déployés en Haïti."},
	}...)
	a := newExtractive(t, st)
	askAnswered(t, a, "How many officers were in Bangladesh's all-female police unit?", false)
	if ans := askAnswered(t, a, "How many Kenyan officers are deployed in Haiti?", true); !strings.Contains(ans.Text, "750") {
		t.Errorf("answer lacks the 750 agents: %s", ans.Text)
	}
}

// TestDeedNoPassageTells: "who heads X" is not answered by a sentence in
// another language that names someone, when no passage found says who
// heads anything; nor by the head of another body.
func TestDeedNoPassageTells(t *testing.T) {
	unsoh := corpus.Document{Title: "Support office", Source: "Wire", URL: "https://example.org/unsoh", Published: day("2025-10-01"),
		Text: "The UN Support Office in Haiti will supply the Gang Suppression Force with rations and fuel."}
	french := corpus.Document{Title: "La nouvelle force", Source: "Presse", URL: "https://example.org/frg", Published: day("2025-10-02"), Lang: "fr",
		Text: "Selon Jean-Pierre Duval, le Bureau d'appui des Nations unies en Haïti soutiendra la Force de répression des gangs."}
	binuh := corpus.Document{Title: "BINUH", Source: "Wire", URL: "https://example.org/binuh", Published: day("2025-10-03"),
		Text: "Carlos Ruiz Massieu heads BINUH, the UN political office in Haiti."}
	askAnswered(t, newExtractive(t, openStoreWith(t, unsoh, french)), "Who heads the UN Support Office in Haiti?", false)
	a := newExtractive(t, openStoreWith(t, unsoh, binuh))
	askAnswered(t, a, "Who heads the UN Support Office in Haiti?", false)
	if ans := askAnswered(t, a, "Who heads BINUH?", true); !strings.Contains(ans.Text, "Ruiz Massieu") {
		t.Errorf("answer lacks the head: %s", ans.Text)
	}
}

// TestFigureIsNoRelation: "the latest figure for how many personnel"
// asks for the count of personnel; "figure" relates it to nothing a
// sentence must hold.
func TestFigureIsNoRelation(t *testing.T) {
	a := newExtractive(t, openStoreWith(t, []corpus.Document{
		{Title: "Force strength", Source: "Wire", URL: "https://example.org/strength", Published: day("2026-01-23"),
			Text: "The Gang Suppression Force currently deploys about 1,000 personnel in Haiti."},
		{Title: "Aid figures", Source: "Wire", URL: "https://example.org/aid", Published: day("2025-02-05"),
			Text: "The figures for aid to Haiti were published by the UN in February."},
	}...))
	if ans := askAnswered(t, a, "what's the latest figure for how many personnel the GSF has?", true); !strings.Contains(ans.Text, "1,000") {
		t.Errorf("answer lacks the count: %s", ans.Text)
	}
}

func TestAnswerSlot(t *testing.T) {
	a := newExtractive(t, openFixtureStore(t, slotDocs()...))
	tests := []struct {
		question string
		answered bool
		holds    string // in the answer, when answered
	}{
		{"How many Kenyan police officers arrived in June 2024?", true, "400"},
		{"In what month did the Kenyan police officers arrive in Port-au-Prince?", true, "June 2024"},
		{"How much did Canada pledge to the UN trust fund?", true, "$60 million"},
		{"Who is the US ambassador to the United Nations?", true, "Mike Waltz"},
		{"How many dollars did Canada pledge to the UN trust fund?", true, "$60 million"},
		{"Who welcomed the Council's vote?", true, "Mike Waltz"},
		{"What's the dollar figure Canada pledged to the UN trust fund?", true, "$60 million"},
		// Every word is in the corpus; the relation is not.
		{"How many Kenyan officers have been wounded?", false, ""},                     // no count of the wounded
		{"What is the monthly pay of a Kenyan officer?", false, ""},                    // pay, but no amount
		{"Who is Kenya's ambassador to the United Nations?", false, ""},                // an ambassador, not Kenya's
		{"Who is commanding the Kenyan police officers in Port-au-Prince?", false, ""}, // they arrived; no one commands them
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans := askAnswered(t, a, tt.question, tt.answered)
			if tt.answered && !strings.Contains(ans.Text, tt.holds) {
				t.Errorf("answer lacks %q: %q", tt.holds, ans.Text)
			}
			if !tt.answered && !strings.HasPrefix(ans.Note, NoteSlotEmpty) {
				t.Errorf("note %q, want the answer slot's", ans.Note)
			}
		})
	}
}

// TestSlotFocusAndOtherNames: a date must be of the thing the question
// ends on, and a person asked about by full name may be named by one of
// them in the sentence beside the answer.
func TestSlotFocusAndOtherNames(t *testing.T) {
	a := newExtractive(t, openFixtureStore(t,
		corpus.Document{Title: "Funds held back", Source: "Wire", URL: "https://example.org/held", Published: day("2025-02-05"),
			Text: "A US presidential directive of 20 January 2025 held back the rest of the American funds for the security mission in Haiti."},
		corpus.Document{Title: "Who pays for the deployment", Source: "Wire", URL: "https://example.org/pays", Published: day("2025-02-06"),
			Text: "The United States contributed $15 million to the UN fund for the deployment. " +
				"Kenya sent 400 police officers to Haiti for the deployment."},
		corpus.Document{Title: "Elections promised", Source: "Wire", URL: "https://example.org/vote", Published: day("2025-03-01"),
			Text: "Haitian leaders have promised to hold presidential and legislative elections once security improves."},
		corpus.Document{Title: "Election calendar slips", Source: "Wire", URL: "https://example.org/calendar", Published: day("2025-03-02"),
			Text: "The election calendar has slipped again, and election officials in Haiti asked for more time."},
		corpus.Document{Title: "Police before the vote", Source: "Wire", URL: "https://example.org/before", Published: day("2025-03-03"),
			Text: "Kenyan police in Haiti are to secure polling stations before any election is held."},
		corpus.Document{Title: "Officer killed", Source: "Wire", URL: "https://example.org/killed", Published: day("2025-02-24"),
			Text: "Constable Samuel Kitwai, 26, joined the security mission in 2024 with the second group of Kenyan police officers. " +
				"He served with a unit on patrol duties in the region. " +
				"A spokesman for the mission described Constable Kitwai as a fallen hero. " +
				"The officer had been shot during a security operation in the town of Pont-Sondé."},
	))
	tests := []struct {
		question string
		holds    string // "": abstains
	}{
		{"On what date did a presidential directive hold back the American funds?", "20 January 2025"},
		{"In which town was Constable Samuel Kitwai shot?", "Pont-Sondé"},
		{"On what date will Haiti hold its next presidential election?", ""}, // a presidential date, not an election's
		{"How much did the United States contribute to the UN fund for the deployment?", "$15 million"},
		{"How much has Kenya spent on the deployment?", ""}, // the US's money
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans, err := a.Answer(context.Background(), Request{Question: tt.question})
			if err != nil {
				t.Fatal(err)
			}
			if tt.holds == "" {
				if ans.Mode != ModeAbstained {
					t.Errorf("answered %q, want an abstention", ans.Text)
				}
				return
			}
			if ans.Mode == ModeAbstained || !strings.Contains(ans.Text, tt.holds) {
				t.Errorf("mode %s (%s), answer %q, want it to hold %q", ans.Mode, ans.Note, ans.Text, tt.holds)
			}
		})
	}
}

func TestNumberFor(t *testing.T) {
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"How many women serve in the contingent?", "The contingent counts 200 women among its officers.", true},
		{"How many women serve in the contingent?", "The 5,550-strong contingent will also protect women and children.", false},
		{"How many soldiers will the force have?", "The force may have up to 5,550 soldiers.", true},
		{"How many soldiers were sent under resolution 2793?", "Resolution 2793 sent soldiers to Haiti.", false}, // a label, not a count
		{"How much did Canada pledge?", "Canada pledged 60 million dollars.", true},
		{"How much did Canada pledge?", "Canada pledged to send 70 officers.", false}, // a count, not an amount
		{"How many personnel may the unit comprise?", "The unit may comprise up to 70 civilian and seconded personnel.", true},
		{"How many officers were there?", "Fifteen months after its first officers landed, it was small.", false}, // fifteen counts months
		{"How many officers were there?", "Bangladesh had an all-female police unit, said its 1,500 would help.", false},
		{"How many officers were there?", "The officers' visit of three days ended on Friday.", false},   // a span, not a count
		{"How many men did Benin promise?", "Benin had in particular announced around 2,000 men.", true}, // grouped digits: a count, not a year
		{"How many days did the visit last?", "The officers' visit of three days ended on Friday.", true},
		{"How many officers came on the visit?", "From 11 to 14 August the officers' visit went on.", false}, // the first day of a span
		{"How much aid was frozen?", "The freeze affects about $15 million in aid.", true},
		{"How much aid was frozen?", "The freeze affects 200 officers' aid.", false}, // an amount has its money
		// A head naming people of any kind counts soldiers, officers, gendarmes.
		{"How many men did Chad offer?", "Chad offered 1,500 soldiers.", true},
		{"How many men did Chad offer?", "Chad offered 1,500 dollars in aid.", false},
		{"How many women serve in the Chadian unit?", "The Chadian unit has 200 soldiers.", false}, // women are no hypernym
		// "Which <thing>" is answered by one named or numbered beside it.
		{"Which hospital treated the officer?", "The officer was airlifted to hospital, where he died.", false},
		{"Which hospital treated the officer?", "The officer was taken to the Bernard Mevs hospital.", true},
		{"Which gang attacked the Kenyans?", "The Kenyans were attacked by suspected gang members near Haiti's capital.", false},
		{"Which gang attacked the Kenyans?", "The Kenyans were attacked by the Gran Grif gang.", true},
		{"Which resolution renewed the mandate?", "The council renewed the mandate in resolution 2751.", true},
		{"Which carrier flew the Kenyans?", "The Kenyans flew in on a Kenya Airways carrier.", true},
		{"Which gang figures were sanctioned?", "The council sanctioned several gang figures on Friday.", false}, // "figures" names no thing: the gang's are named
		{"Which gang figures were sanctioned?", "The council sanctioned gang leader Jimmy Cherizier.", true},
		// A rank tells a count: "the second officer to be killed" says two were.
		{"How many Kenyan officers have been killed?", "He is the second Kenyan officer to be killed in Haiti since June.", true},
		{"How many contingents have arrived?", "It was the third contingent to arrive in the capital.", true},
		{"How many officers has Kenya sent?", "Kenya is the second largest contributor to the force.", false}, // a rank of size, no count
		{"How many officers has Kenya sent?", "The second phase of the mission began in May.", false},
		// People counted serve as what the question counts.
		{"How many advisers can the unit have?", "The unit shall comprise up to 70 civilian and seconded personnel to serve as police advisers.", true},
		{"How many trainers did Kenya send?", "Kenya sent 200 senior police officers to act as trainers.", true},
		{"How many advisers can the unit have?", "The unit shall comprise up to 70 civilian and seconded personnel.", false},                 // no role told
		{"How many advisers can the unit have?", "The unit has 70 personnel, as the advisers of the council said.", false},                   // "as" opens another clause
		{"How many advisers can the unit have?", "The unit shall comprise up to 70 vehicles to serve as police advisers' transport.", false}, // vehicles are no people
		// A vote tally counts the members who voted, on the side asked.
		{"How many council members approved resolution 2699?", "The council approved resolution 2699 by a recorded vote of 13 in favour with 2 abstentions.", true},
		{"How many members backed the resolution?", "The resolution was backed by a vote of 12 votes in favor and three abstentions.", true},
		{"How many members voted against the resolution?", "The council approved the resolution by 13 in favour with 2 abstentions.", false}, // those for, not against
		{"How many members approved the resolution?", "The council approved the resolution after 13 hours of debate.", false},                // no tally
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
			r := retrieval{question: tt.question, asked: an.lex.Query(tt.question), kind: questionType(tt.question), an: an}
			bag := an.bag(tt.sentence, "en")
			s := slotOf(r, make([]float64, len(r.asked)), []termBag{bag})
			if got := s.filledBy(an, []string{tt.sentence}, []termBag{bag}, 0, "en", termBag{}); got != tt.want {
				t.Errorf("filledBy = %v, want %v (slot %s)", got, tt.want, s.describe())
			}
		})
	}
}

// TestFigureOfRival: a figure goes with the body named nearest it.
func TestFigureOfRival(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"The GSF has a ceiling of 5,550 personnel, more than twice the planned strength of the MSS.", true},
		{"The MSS had aimed to reach 2,500 members but stalled at 970 before the GSF replaced it.", false},
		{"The force had aimed to reach 2,500 members.", false}, // no body named: not another's
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
			q := "What headcount was the MSS supposed to reach?"
			r := retrieval{question: q, asked: an.lex.Query(q), kind: questionType(q), an: an}
			s := slotOf(r, make([]float64, len(r.asked)), []termBag{an.bag(tt.sentence, "en")})
			if got := s.figureOfRival(an, tt.sentence, "en"); got != tt.want {
				t.Errorf("figureOfRival = %v, want %v (slot %s)", got, tt.want, s.describe())
			}
		})
	}
}

// TestCountLeansOnTitle: a count may take its relation from the document's
// title when the number counts the name asked about beside it.
func TestCountLeansOnTitle(t *testing.T) {
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	concept := func(word string) lexicon.Concept { return an.lex.Query(word)[0] }
	central := answerSlot{kind: TypeCount, named: []lexicon.Concept{concept("Guatemalans")}, relation: []lexicon.Concept{concept("Central")}, titled: true}
	common := central
	common.titled = false // the relation is in every passage: a title holding it says little
	money := answerSlot{kind: TypeAmount, relation: []lexicon.Concept{concept("Central")}}
	tests := []struct {
		slot            answerSlot
		sentence, title string
		want            bool
	}{
		{central, "The new arrivals were made up of 75 Guatemalans and eight Salvadorans.", "Central American troops reach Haiti", true},
		{central, "The new arrivals were made up of 75 Guatemalans and eight Salvadorans.", "Troops reach Haiti", false},
		{common, "The new arrivals were made up of 75 Guatemalans and eight Salvadorans.", "Central American troops reach Haiti", false},
		{central, "The contingent set up camp in 2 days near the airport, and Guatemalans stood guard.", "Central American troops reach Haiti", false}, // counts days
		{money, "Canada pledged 60 million dollars.", "Central American troops reach Haiti", false},                                                    // an amount names what it pays for
	}
	for _, tt := range tests {
		t.Run(tt.sentence+" / "+tt.title, func(t *testing.T) {
			if got := tt.slot.filledBy(an, []string{tt.sentence}, []termBag{an.bag(tt.sentence, "en")}, 0, "en", an.bag(tt.title, "en")); got != tt.want {
				t.Errorf("filledBy = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCognateOf(t *testing.T) {
	tests := []struct {
		word, text, want string
	}{
		{"membres", "The mission reached 2,500 members.", "members"},
		{"secretaire", "The secretary general spoke.", "secretary"},
		{"policiers", "Kenyan police arrived.", "police"},
		{"membres", "The mission reached its goal.", ""},
		{"membres", "The mission met.", ""},
	}
	for _, tt := range tests {
		if got := cognateOf(lexicon.Tokens(tt.text), lexicon.English, tt.word, lexicon.French); got != tt.want {
			t.Errorf("cognateOf(%q in %q) = %q, want %q", tt.word, tt.text, got, tt.want)
		}
	}
}

// TestFrenchCountOverEnglish: "combien de membres" is answered by "2,500
// members", the number beside the English cognate of the head.
func TestFrenchCountOverEnglish(t *testing.T) {
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	q := "À combien de membres les effectifs de la mission ont-ils plafonné ?"
	r := retrieval{question: q, asked: an.lex.Query(q), kind: questionType(q), an: an}
	for _, tt := range []struct {
		sentence string
		want     bool
	}{
		{"The mission had aimed to reach 2,500 members but stalled at 970.", true},
		{"The mission stalled at 970 days, far from its members' hopes.", false}, // 970 counts days
	} {
		bag := an.bag(tt.sentence, "en")
		s := slotOf(r, make([]float64, len(r.asked)), []termBag{bag})
		if got := s.filledBy(an, []string{tt.sentence}, []termBag{bag}, 0, "en", termBag{}); got != tt.want {
			t.Errorf("filledBy(%q) = %v, want %v (slot %s)", tt.sentence, got, tt.want, s.describe())
		}
	}
}

// TestWhatRelationBesideTheHead: for a plain "what", the relation is
// sought in the sentences that hold the head ("categorised"), not in a
// rarer word held elsewhere ("fallen hero" for "fall into").
func TestWhatRelationBesideTheHead(t *testing.T) {
	a := newExtractive(t, openFixtureStore(t,
		corpus.Document{Title: "Complaints office for the mission", Source: "Wire", URL: "https://example.org/complaints", Published: day("2024-10-01"),
			Text: "The mission has set up a complaints mechanism for Haitians who report abuses by its officers. " +
				"In the framework, complaints are categorised as serious misconduct, minor misconduct or sexual exploitation and abuse."},
		corpus.Document{Title: "Officer mourned", Source: "Wire", URL: "https://example.org/mourned", Published: day("2025-02-24"),
			Text: "The spokesman for the mission called the constable a fallen hero of the complaints-free patrols."},
	))
	ans, err := a.Answer(context.Background(), Request{Question: "What categories can a complaint against mission officers fall into?"})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Mode == ModeAbstained || !strings.Contains(ans.Text, "serious misconduct") {
		t.Errorf("mode %s (%s), answer %q, want the categories", ans.Mode, ans.Note, ans.Text)
	}
}

func TestPredicateOf(t *testing.T) {
	tests := []struct{ question, want string }{
		{"Who is commanding the Chadian contingent?", "commanding"},
		{"Who signed the agreement with Kenya?", "signed"},
		{"Who leads the force now?", "leads"},
		{"Who is Kenya's ambassador to Haiti?", ""},
		{"Who is listed as the deputy force commander?", ""},
		{"Who is funding the trust fund?", ""},
	}
	for _, tt := range tests {
		if got := predicateOf(tt.question, []string{"who"}); got != tt.want {
			t.Errorf("predicateOf(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

func TestCountDeed(t *testing.T) {
	names := map[string]bool{"chad": true, "kenya": true}
	tests := []struct{ question, head, want string }{
		{"how many soldiers did they offer at the New York conference", "soldiers", "offer"},
		{"How many officers has Kenya pledged so far?", "officers", "pledged"},
		{"How many officers did the Kenyan government deploy to Haiti?", "officers", "deploy"},
		{"How many officers were killed?", "officers", "killed"},
		{"How many soldiers will Chad deploy?", "soldiers", "deploy"},
		{"How many soldiers are in the force?", "soldiers", ""}, // no deed after the helper
		{"How many soldiers went to Haiti?", "soldiers", ""},    // no helper verb
		{"How many soldiers did Chad offer last week?", "soldiers", "offer"},
		{"How many officers were deployed when the adviser visited?", "officers", "deployed"},       // the setting's verb is not the deed
		{"How many soldiers did Chad put on the table?", "soldiers", "put"},                         // a common verb opening a group's phrase
		{"How many soldiers did Chad give?", "soldiers", ""},                                        // a common verb alone
		{"chad offered how many soldiers at the conference", "soldiers", "offered"},                 // typed in a statement's order
		{"compare the votes: how many members backed it", "members", ""},                            // a new clause opens at the cue
		{"how many of the soldiers chad promised actually arrived in haiti", "soldiers", "arrived"}, // a clause says which soldiers
		{"how many of the soldiers chad promised have arrived", "soldiers", "arrived"},
		{"how many of the soldiers went to haiti", "soldiers", ""}, // a common verb alone
	}
	for _, tt := range tests {
		if got := countDeed(tt.question, []string{"how", "many"}, tt.head, names, func(w string) bool { return w == "put" }); got != tt.want {
			t.Errorf("countDeed(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestFrenchCountDeed: a French count's verb follows its doer and its
// helpers ("le Kenya a-t-il déployés").
func TestFrenchCountDeed(t *testing.T) {
	names := map[string]bool{"kenya": true, "haiti": true}
	tests := []struct{ question, head, want string }{
		{"Combien de policiers kényans ont été blessés en Haïti ?", "policiers", "blesses"},
		{"combien de policiers le kenya a-t-il déployés en haiti", "policiers", "deployes"},
		{"Combien de policiers le Parlement kényan a-t-il approuvé d'envoyer ?", "policiers", "approuve"},
		{"Combien de soldats le Tchad va-t-il envoyer ?", "soldats", "envoyer"},
		{"combien de policiers sont en Haïti", "policiers", ""},                                 // a helper, then a preposition
		{"combien de policiers la mss avait sur le terrain en septembre 2024", "policiers", ""}, // "avait" is the verb itself
		{"combien de policiers dans la mission", "policiers", ""},                               // no verb at all
		{"Combien de Guatémaltèques sont arrivés en Haïti ?", "guatemalteques", ""},             // "arrived": no helper in English
	}
	for _, tt := range tests {
		if got := countDeed(tt.question, []string{"combien"}, tt.head, names, nil); got != tt.want {
			t.Errorf("countDeed(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestCountBesideItsSetting: a count whose sentence holds the deed asked
// of it answers, though the place it was offered at is in the sentence
// before; a count far from the deed does not, and each part of the
// question keeps its own sentence.
func TestCountBesideItsSetting(t *testing.T) {
	st := openStoreWith(t, []corpus.Document{
		{Title: "Offers for the force", Source: "Wire", URL: "https://example.org/offers", Published: day("2025-09-30"),
			Text: "The force looks set to reach its target of 5,500 troops, after several governments, including Chad, offered to send soldiers and police. " +
				"The largest pledges at a meeting in Geneva on Tuesday came from West African governments. " +
				"Chad offered 1,200 soldiers, two diplomats said."},
		{Title: "Chad to send gendarmes", Source: "Wire", URL: "https://example.org/chad", Published: day("2026-03-01"),
			Text: "Chad will deploy 650 gendarmes and police officers to Haiti this year, its government said."},
	}...)
	a := newExtractive(t, st)
	ans, err := a.Answer(context.Background(), Request{Question: "Chad: how many soldiers did they offer at the Geneva meeting, and how many will they deploy this year?"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1,200", "650"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("answer lacks %s: %s", want, ans.Text)
		}
	}
	// The first part's slot is filled by the count next to the deed, not
	// by the target far from it.
	r, err := a.retrieve(context.Background(), Request{Question: "how many soldiers did Chad offer at the Geneva meeting"})
	if err != nil {
		t.Fatal(err)
	}
	slot := slotOf(r, askedWeights(r), topBags(r))
	for _, h := range r.hits {
		sents, bags := r.an.of(h)
		for i, sent := range sents {
			want := strings.Contains(sent, "1,200")
			if got := slot.filledIn(r.an, h, sents, bags, i, r.an.title(h)); got != want && (want || strings.Contains(sent, "5,500")) {
				t.Errorf("slot filled by %q = %v, want %v", sent, got, want)
			}
		}
	}
}

// TestNumberOfTheDeed: a count whose deed the question names ("offer",
// or a phrase for it, "put on the table") is answered by the number next
// to the deed, not by a sentence telling the deed beside another figure.
func TestNumberOfTheDeed(t *testing.T) {
	st := openStoreWith(t, []corpus.Document{
		{Title: "Offers for the force", Source: "Wire", URL: "https://example.org/offers", Published: day("2025-09-30"),
			Text: "Haiti's new Gang Suppression Force looks set to meet its target of 5,500 troops, after governments including Chad and Nepal offered to deploy soldiers and police. " +
				"The strongest pledges at a meeting in Geneva came from African governments. " +
				"Chad offered 1,200 soldiers, two diplomats said."},
	}...)
	a := newExtractive(t, st)
	for _, q := range []string{"How many soldiers did Chad offer for the GSF at the Geneva meeting?", "how many soldiers did n'djamena put on the table for the gsf in geneva"} {
		ans, err := a.Answer(context.Background(), Request{Question: q})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(ans.Text, "Chad offered 1,200") {
			t.Errorf("%q: answer opens otherwise: %s", q, ans.Text)
		}
	}
}

// TestEachPartItsSlot: each part of a two-part question gets the sentence
// that answers it, the second the count of reinforcements (which the
// title names), not a sentence sharing "later" and another count. (On
// these few documents the part's own words already choose it; the part's
// slot decided it on the real corpus, real.yaml cross-document 0.70 ->
// 0.80.)
func TestEachPartItsSlot(t *testing.T) {
	st := openStoreWith(t, []corpus.Document{
		{Title: "Kenyan police arrive in Haiti", Source: "Wire", URL: "https://example.org/a", Published: day("2024-06-26"),
			Text: "About 400 Kenyan police officers arrived in Port-au-Prince in June 2024 to lead the security mission."},
		{Title: "Kenya sends police reinforcements to Haiti", Source: "Wire", URL: "https://example.org/b", Published: day("2025-03-01"),
			Text: "Kenya has deployed 217 more police officers to Haiti to back up an understaffed security mission."},
		{Title: "Caribbean officers join the mission", Source: "Wire", URL: "https://example.org/c", Published: day("2024-08-01"),
			Text: "Later in June 2024, the Kenyan police were joined by 24 Jamaican personnel and two senior officers from Belize."},
		{Title: "Police push into Cité Soleil", Source: "Wire", URL: "https://example.org/d", Published: day("2024-09-01"),
			Text: "Kenyan police officers who arrived in June 2024 were later sent to Cité Soleil with 30 armoured vehicles."},
	}...)
	a := newExtractive(t, st)
	ans, err := a.Answer(context.Background(), Request{Question: "How many Kenyan police arrived in June 2024, and how many did Kenya send later as reinforcements?"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"400", "217"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("answer lacks %s: %s", want, ans.Text)
		}
	}
	// With only the first part's sentence picked, the sentence added for
	// the second is the reinforcements' count, not a sentence that shares
	// "later" with it.
	r, err := a.retrieve(context.Background(), Request{Question: "How many Kenyan police arrived in June 2024, and how many did Kenya send later as reinforcements?"})
	if err != nil {
		t.Fatal(err)
	}
	cands := scoreSentences(r)
	first := slices.IndexFunc(cands, func(c sentenceCandidate) bool { return strings.Contains(c.text, "400") })
	if first < 0 {
		t.Fatal("no candidate holds the first part's count")
	}
	picked := coverParts(r, []sentenceCandidate{cands[first]}, cands)
	if len(picked) != 2 || !strings.Contains(picked[1].text, "217") {
		var texts []string
		for _, p := range picked {
			texts = append(texts, p.text)
		}
		t.Errorf("coverParts added %q, want the sentence with 217", texts)
	}
}

// TestPartSentenceStays: with the answer full, the sentence that answers
// the first part stays when the second part's comes in, and the answer
// grows no longer.
func TestPartSentenceStays(t *testing.T) {
	a := newExtractive(t, openStoreWith(t, []corpus.Document{
		{Title: "Kenyan police arrive in Haiti", Source: "Wire", URL: "https://example.org/a", Published: day("2024-06-26"),
			Text: "About 400 Kenyan police officers arrived in Port-au-Prince in June 2024 to lead the security mission."},
		{Title: "Kenya sends police reinforcements to Haiti", Source: "Wire", URL: "https://example.org/b", Published: day("2025-03-01"),
			Text: "Kenya has deployed 217 more police officers to Haiti to back up an understaffed security mission."},
		{Title: "Budget talks", Source: "Wire", URL: "https://example.org/c", Published: day("2024-07-01"),
			Text: "Officials met in Geneva to discuss the budget of the Kenyan police mission. The Kenyan police meeting ended without a statement. " +
				"Kenyan police delegates flew home on Wednesday."},
	}...))
	r, err := a.retrieve(context.Background(), Request{Question: "How many Kenyan police arrived in June 2024, and how many did Kenya send later as reinforcements?"})
	if err != nil {
		t.Fatal(err)
	}
	cands := scoreSentences(r)
	var full []sentenceCandidate
	for _, c := range cands {
		if !strings.Contains(c.text, "400") && !strings.Contains(c.text, "217") {
			full = append(full, c)
		}
	}
	for _, c := range cands {
		if strings.Contains(c.text, "400") {
			full = append(full, c)
		}
	}
	if len(full) != maxSentences(r) {
		var all []string
		for _, c := range cands {
			all = append(all, c.text)
		}
		t.Fatalf("%d sentences picked, want a full answer of %d; candidates %q", len(full), maxSentences(r), all)
	}
	var texts []string
	for _, p := range coverParts(r, full, cands) {
		texts = append(texts, p.text)
	}
	joined := strings.Join(texts, " | ")
	if len(texts) > maxSentences(r) || !strings.Contains(joined, "400") || !strings.Contains(joined, "217") {
		t.Errorf("coverParts kept %q, want both counts in at most %d sentences", texts, maxSentences(r))
	}
}

// TestDateAsFineAsAsked: "what month" needs a month named; a year does not
// say it.
func TestDateAsFineAsAsked(t *testing.T) {
	st := openStoreWith(t, corpus.Document{Title: "Chad to deploy security personnel to Haiti", Source: "Wire",
		URL: "https://example.org/chad", Published: time.Date(2026, 3, 21, 0, 0, 0, 0, time.UTC),
		Text: "Chad is set to deploy 800 police officers and gendarmes to Haiti in 2026 as part of an international effort. " +
			"Source: Daily Nation March 21, 2026 08:35 UTC"},
		corpus.Document{Title: "Jamaica's next rotation", Source: "Wire", URL: "https://example.org/jamaica", Published: day("2026-02-01"),
			Text: "The next rotation of Jamaican soldiers is due in Port-au-Prince in April 2026, the army said."})
	a := newExtractive(t, st)
	for _, tt := range []struct {
		question string
		answered bool
	}{
		{"In what year will Chad deploy its gendarmes to Haiti?", true},
		{"In what month will Chad deploy its gendarmes to Haiti?", false}, // the source line's March dates the report
		{"In what month is the next rotation of Jamaican soldiers due?", true},
		{"On what date is the next rotation of Jamaican soldiers due?", false}, // April 2026 says no day
	} {
		ans, err := a.Answer(context.Background(), Request{Question: tt.question})
		if err != nil {
			t.Fatal(err)
		}
		if got := ans.Mode != ModeAbstained; got != tt.answered {
			t.Errorf("%q: answered = %v, want %v: %q", tt.question, got, tt.answered, ans.Text)
		}
	}
}

func TestSameWordFamily(t *testing.T) {
	tests := []struct {
		text, word string
		want       bool
	}{
		{"the United Nations Interim Force", "nationality", false}, // one stem, two words
		{"a Kenyan National Police spokesman", "nationality", false},
		{"his nationality was not given", "nationality", true},
		{"complaints are categorised as misconduct", "categories", true}, // an ending, not another word
		{"the officers were deployed", "officers", true},
	}
	for _, tt := range tests {
		if got := sameWordFamily(tt.text, tt.word); got != tt.want {
			t.Errorf("sameWordFamily(%q, %q) = %v, want %v", tt.text, tt.word, got, tt.want)
		}
	}
}

// TestRelationFromTheMainClause: a leading clause sets the scene; what is
// asked of the sentence ("raised") comes from the clause after it.
func TestRelationFromTheMainClause(t *testing.T) {
	st := openStoreWith(t, []corpus.Document{
		{Title: "Washington freezes its contribution", Source: "Wire", URL: "https://example.org/freeze", Published: day("2025-02-05"),
			Text: "The United States froze its contribution to the security mission in February, a spokesman said in New York."},
		{Title: "The mission's fund", Source: "Wire", URL: "https://example.org/fund", Published: day("2025-02-06"),
			Text: "The voluntary trust fund that finances the security mission has raised $110 million to date."},
	}...)
	a := newExtractive(t, st)
	ans, err := a.Answer(context.Background(), Request{Question: "When Washington froze its contribution, how much had the trust fund raised?"})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Mode == ModeAbstained || !strings.Contains(ans.Text, "$110 million") {
		t.Errorf("want the fund's $110 million (mode %s, note %q): %s", ans.Mode, ans.Note, ans.Text)
	}
}

// TestDeedOfAnother: "the appointment of X" is another's deed when the
// question names none of X's words, whichever of them it names, and only
// when X, right after "of", is a person.
func TestDeedOfAnother(t *testing.T) {
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	relation := an.lex.Query("appointment")
	tests := []struct {
		question, sentence string
		another            bool
	}{
		{"When was Godfrey Otunge appointed?", "They announced the appointment of Jack Christofides on Tuesday.", true},
		{"When was Godfrey Otunge appointed?", "They announced the appointment of Godfrey Otunge on Tuesday.", false},
		{"When was Otunge appointed?", "They announced the appointment of Godfrey Otunge on Tuesday.", false},
		{"When was Otunge appointed?", "They backed the appointment of Haiti's council, said President William Ruto.", false},
		{"When was Otunge appointed?", "It backed the appointment of Interior Ministry staff, said Cabinet Secretary Onesimus Murkomen.", false}, // a person later in the sentence is not whom "of" names
	}
	for _, tt := range tests {
		if got := deedOfAnother(an, tt.sentence, "en", relation, an.lex.Query(tt.question)); got != tt.another {
			t.Errorf("%q / %q: deedOfAnother = %v, want %v", tt.question, tt.sentence, got, tt.another)
		}
	}
}

// TestSourceWords: who tells a figure is told apart from what it is of.
func TestSourceWords(t *testing.T) {
	tests := []struct {
		question string
		want     []string
	}{
		{"how much did kenya's national security advisor say other donors had in the trust fund?", []string{"kenya", "national", "security", "advisor"}},
		{"how much pending aid did the freeze stop, according to the un, and why?", []string{"the", "un"}},
		{"how much did the us pledge to the fund?", nil},
	}
	for _, tt := range tests {
		if got := sourceWords(tt.question, askPhrase(tt.question).cue); !slices.Equal(got, tt.want) {
			t.Errorf("sourceWords(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestNameTailIsNoRelation: "mission" in "the Multinational Security
// Support mission" ends the body's name: a sentence need not repeat it.
func TestNameTailIsNoRelation(t *testing.T) {
	st := openStoreWith(t, corpus.Document{Title: "MSS leadership", Source: "Wiki", URL: "https://example.org/mss",
		Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
		Text:      "MSS Deputy Force Commander: Colonel Kevron Henry of Jamaica. The mission has its base near the airport."})
	ans := askAnswered(t, newExtractive(t, st), "Who is the deputy force commander of the Multinational Security Support mission?", true)
	if !strings.Contains(ans.Text, "Kevron Henry") {
		t.Errorf("answer lacks the name: %s", ans.Text)
	}
}

// TestAgeOfTheNamedPerson: "how old was Kabiru" is not answered by
// another officer's age, though the question is typed in lower case and
// the reports write the name with an accent.
func TestAgeOfTheNamedPerson(t *testing.T) {
	st := openStoreWith(t,
		corpus.Document{Title: "First Kenyan officer killed", Source: "Wire", URL: "https://example.org/kitwai",
			Published: time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC),
			Text:      "The officer, 26-year-old Police Constable Samuel Kitwai, is the first casualty of the Kenyan-led mission."},
		corpus.Document{Title: "Second Kenyan officer killed", Source: "Paper", URL: "https://example.org/kabiru",
			Published: time.Date(2025, 3, 28, 0, 0, 0, 0, time.UTC),
			Text:      "The mission confirmed that an officer by the name of Bénédict Kabiru had died in the attack."})
	a := newExtractive(t, st)
	askAnswered(t, a, "how old was benedict kabiru, the second kenyan officer killed?", false)
	askAnswered(t, a, "how old was samuel kitwai, the first kenyan officer killed?", true)
}

// TestAmountOfAList: a total pledged by a list of countries is not what
// one of them pledged.
func TestAmountOfAList(t *testing.T) {
	doc := func(text string) corpus.Document {
		return corpus.Document{Title: "Pledges to the fund", Source: "Wire", URL: "https://example.org/pledges",
			Published: time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC), Text: text}
	}
	total := "Canada, France, Turkey, Spain and Italy pledged a total of $110.3 million to the trust fund."
	askAnswered(t, newExtractive(t, openStoreWith(t, doc(total))), "How much did Spain pledge to the trust fund?", false)
	askAnswered(t, newExtractive(t, openStoreWith(t, doc("Spain pledged $5 million to the trust fund in March."))), "How much did Spain pledge to the trust fund?", true)
	// Nor is the share of the total the next sentence gives.
	share := total + " Of the amount, $85 million had already been received by the trust fund."
	askAnswered(t, newExtractive(t, openStoreWith(t, doc(share))), "How much had Spain paid in to the trust fund?", false)
}

// TestPhrasalVerbTells: "paid" alone is too common to be the relation of
// an amount, "paid in" (received) is not.
func TestPhrasalVerbTells(t *testing.T) {
	lex := lexicon.New(nil)
	paid := func(q string) bool {
		for _, c := range lex.Query(q) {
			if c.Text == "paid" {
				return opensPhrase(lex, lexicon.Tokens(q), c)
			}
		}
		t.Fatalf("no concept 'paid' in %q", q)
		return false
	}
	if !paid("How much had been paid in?") {
		t.Error(`"paid in" opens no phrase`)
	}
	if paid("How much was paid?") {
		t.Error(`"paid" alone opens a phrase`)
	}
}

// TestLooseRelation: a reader's loose words do not veto a sentence that
// holds the answer: a circumstance of a role's deed may be told a few
// sentences before the one telling the deed and naming the doer. A count
// of another deed still abstains. The answered row fails without
// deedAbove.
func TestLooseRelation(t *testing.T) {
	a := newExtractive(t, openStoreWith(t,
		corpus.Document{Title: "Mission winds down", Source: "Wire", URL: "https://example.org/winds",
			Published: time.Date(2025, 10, 3, 0, 0, 0, 0, time.UTC),
			Text: "The security mission had aimed for 2,500 members but stalled at 970 members before its mandate expired. " +
				"Donors said the mission never got the money it needed by the end of its mandate. " +
				"Hundreds died in gang attacks while it served, and more died after it left."},
		corpus.Document{Title: "Officer shot near the port", Source: "Paper", URL: "https://example.org/shot",
			Published: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC),
			Text: "A patrol was sent to escort a convoy of fuel tankers to the power plant. " +
				"Gunmen opened fire on the patrol near the port. " +
				"Police later said Constable Daniel Mwangi was shot and died in hospital. " +
				"Two drivers died too, and a third died of his wounds on Monday."}))
	for _, tt := range []struct {
		question string
		answered bool
	}{
		{"Who was the officer who died trying to escort the fuel tankers?", true},
		{"How many members were wounded?", false},
	} {
		t.Run(tt.question, func(t *testing.T) { askAnswered(t, a, tt.question, tt.answered) })
	}
}

func TestLabelNumbers(t *testing.T) {
	an := newAnalysis(lexicon.New(nil))
	label := lexicon.New(nil).Query("meeting")[0]
	for sentence, want := range map[string][]string{
		"Meeting no.: 9,430.":                    {"9430"},
		"The meeting number 9430 was short.":     {"9430"},
		"At the meeting, 15 members voted.":      nil,
		"It was the 9,430th meeting of the year": nil,
	} {
		if got := labelNumbers(an, sentence, "en", label); !slices.Equal(got, want) {
			t.Errorf("labelNumbers(%q) = %q, want %q", sentence, got, want)
		}
	}
}

// TestNameQualifier: a name the question narrows its thing to (a
// nationality, a country) must be in the answer's sentence, or beside it,
// other than as one of a list; a sentence about another of the kind is a
// near miss.
func TestNameQualifier(t *testing.T) {
	st := openStoreWith(t,
		corpus.Document{Title: "Officer killed on patrol", Source: "Wire", URL: "https://example.org/killed",
			Published: time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC),
			Text: "A police officer on patrol with the security mission in Haiti was killed by gang members on Sunday. " +
				"The officer, 26-year-old Police Constable Samuel Kitwai, was the first Kenyan officer killed in Haiti."},
		corpus.Document{Title: "Who serves in the mission", Source: "Paper", URL: "https://example.org/ranks",
			Published: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC),
			Text:      "Force Commander Godfrey Otunge leads officers from Bahamas, Belize, El Salvador, Guatemala and Jamaica."})
	a := newExtractive(t, st)
	askAnswered(t, a, "Who was the first Kenyan officer killed in Haiti?", true)
	askAnswered(t, a, "Who was the first Jamaican officer killed in Haiti?", false)
}

func TestNamedInList(t *testing.T) {
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	jamaica := an.lex.Query("Jamaica")[0]
	for s, want := range map[string]bool{
		"The force has officers from Bahamas, Belize, El Salvador, Guatemala and Jamaica among its ranks.": true,
		"Personnel were pledged by Bahamas, Guyana, and Jamaica, as well as Benin.":                        true,
		"Jamaica sent 24 personnel, joining Kenya and Belize.":                                             false, // named on its own
		"Officers from Kenya and Jamaica patrolled the port.":                                              false, // two are a pair, not a list
	} {
		if _, alone := namedInList(an, s, "", jamaica); !alone != want {
			t.Errorf("namedInList(%q) alone = %v, want %v", s, alone, !want)
		}
	}
}

// TestNumberedThingOfAnotherReport: a resolution asked by its number is
// not told by a report on another resolution.
func TestNumberedThingOfAnotherReport(t *testing.T) {
	st := openStoreWith(t,
		corpus.Document{Title: "Council adopts resolution 2793", Source: "Wire", URL: "https://example.org/2793",
			Published: time.Date(2025, 10, 2, 0, 0, 0, 0, time.UTC),
			Text: "On Tuesday the Security Council adopted resolution 2793, which set up the Gang Suppression Force. " +
				"The meeting was chaired by South Korea."},
		corpus.Document{Title: "Council renews the mission", Source: "Paper", URL: "https://example.org/2751",
			Published: time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC),
			Text:      "The Security Council unanimously adopted resolution 2751, renewing the mission for a year."})
	a := newExtractive(t, st)
	askAnswered(t, a, "Which country chaired the Council meeting on resolution 2793?", true)
	askAnswered(t, a, "Which country chaired the Council meeting on resolution 2751?", false)
}

func TestReceivingIsNoRelation(t *testing.T) {
	st := openStoreWith(t, corpus.Document{Title: "Council adopts resolution 2699", Source: "Wire", URL: "https://example.org/2699",
		Published: time.Date(2023, 10, 2, 0, 0, 0, 0, time.UTC),
		Text:      "Adopting resolution 2699 (2023) by a recorded vote of 13 in favour with 2 abstentions, the Council authorized the mission."},
		corpus.Document{Title: "The fund", Source: "Paper", URL: "https://example.org/fund", Published: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC),
			Text: "The trust fund created under resolution 2699 received its first pledges in 2024."})
	askAnswered(t, newExtractive(t, st), "How many votes did resolution 2699 receive?", true)
}

// TestYearAsked: a count asked of one year is not told by a report of a
// later one that counts another year, and is by one of the year after
// that names none.
func TestYearAsked(t *testing.T) {
	for _, c := range []struct {
		rule, text, asked, other string
		published                time.Time
	}{
		{"named", "More than 5,500 people were killed in gang-related violence in Haiti in 2024, the UN said.",
			"How many people were killed in gang violence in Haiti in 2024?", "How many people were killed in gang violence in Haiti in 2022?",
			time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC)},
		// A report tells of its own year and of the one before, unnamed.
		{"the year before", "More than 5,500 people were killed in gang-related violence in Haiti last year, the UN said.",
			"How many people were killed in gang violence in Haiti in 2024?", "How many people were killed in gang violence in Haiti in 2022?",
			time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC)},
		// The year a span runs until is not the year of the deed.
		{"until", "The Security Council on Friday extended the mandate of the integrated office for one year, until July 15, 2025.",
			"until when was the integrated office's mandate extended in 2024?", "until when was the integrated office's mandate extended in 2025?",
			time.Date(2024, 7, 12, 0, 0, 0, 0, time.UTC)},
	} {
		t.Run(c.rule, func(t *testing.T) {
			st := openStoreWith(t, corpus.Document{Title: "Haiti report", Source: "Wire", URL: "https://example.org/year", Published: c.published, Text: c.text})
			a := newExtractive(t, st)
			askAnswered(t, a, c.asked, true)
			askAnswered(t, a, c.other, false)
		})
	}
}

// TestHeadIsNoSourceWord: "what was the most cash the americans said"
// asks for an amount of cash, whoever said it: a report without one does
// not answer.
func TestHeadIsNoSourceWord(t *testing.T) {
	st := openStoreWith(t, corpus.Document{Title: "The americans and the force", Source: "Paper", URL: "https://example.org/us",
		Published: time.Date(2023, 10, 4, 0, 0, 0, 0, time.UTC),
		Text:      "The americans said they would offer more cash to the force later."})
	ans := askAnswered(t, newExtractive(t, st), "what was the most cash the americans said they would offer?", false)
	if !strings.HasPrefix(ans.Note, NoteSlotEmpty) {
		t.Errorf("note %q, want the answer slot's", ans.Note)
	}
}

// TestRoleByParaphrase: "which UN mouthpiece" asks for a person as "which
// spokesperson" does: the sentence naming one answers.
func TestRoleByParaphrase(t *testing.T) {
	st := openStoreWith(t, corpus.Document{Title: "US freezes its contribution", Source: "Wire", URL: "https://example.org/freeze",
		Published: time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC),
		Text: "On Tuesday, the United Nations confirmed the order to freeze the US contribution to the UN trust fund at once. " +
			"The fund had received an official notification, Stephane Dujarric, the UN spokesperson, said of the freeze."})
	ans := askAnswered(t, newExtractive(t, st), "Which UN mouthpiece confirmed the freeze of the trust fund contribution?", true)
	if !strings.HasPrefix(ans.Text, "The fund had received") {
		t.Errorf("the answer does not open with the spokesperson: %s", ans.Text)
	}
}

// TestPersonOfAnotherRole: a person asked for by a role the reports write
// is not one they name with another role.
func TestPersonOfAnotherRole(t *testing.T) {
	st := openStoreWith(t,
		corpus.Document{Title: "Central American troops arrive", Source: "Wire", URL: "https://example.org/ca",
			Published: time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC),
			Text: "Guatemalan President Bernardo Arevalo had pledged to send 150 military police. " +
				"El Salvador had in August promised 78 soldiers for the force."},
		corpus.Document{Title: "The force on the ground", Source: "Paper", URL: "https://example.org/force",
			Published: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC),
			Text:      "Force Commander Godfrey Otunge leads the Kenyan police in Port-au-Prince."})
	a := newExtractive(t, st)
	askAnswered(t, a, "What is the name of the Kenyan force commander?", true)
	askAnswered(t, a, "What is the name of the Salvadoran force commander?", false)
}

// TestRankNoReportWrites: "the third officer killed" is not told by the
// reports on the first and the second; a rank the report writes in its
// own language ("deuxième") still answers.
func TestRankNoReportWrites(t *testing.T) {
	st := openStoreWith(t,
		corpus.Document{Title: "Second Kenyan officer killed in Haiti", Source: "Wire", URL: "https://example.org/second",
			Published: time.Date(2025, 3, 26, 0, 0, 0, 0, time.UTC),
			Text: "Police Constable Benedict Kabiru is the second Kenyan officer killed in Haiti since the mission began. " +
				"The first, Police Constable Samuel Kitwai, was killed in February."})
	a := newExtractive(t, st)
	askAnswered(t, a, "Who was the second Kenyan officer killed in Haiti?", true)
	askAnswered(t, a, "Who was the third Kenyan officer killed in Haiti?", false)
	fr := openStoreWith(t, corpus.Document{Title: "Le deuxième contingent kényan arrive", Source: "Agence", URL: "https://example.org/fr", Lang: "fr",
		Published: time.Date(2024, 7, 17, 0, 0, 0, 0, time.UTC),
		Text:      "Le deuxième contingent de 200 policiers kényans est arrivé mardi 16 juillet à Port-au-Prince, a annoncé le ministre Kithure Kindiki."})
	askAnswered(t, newExtractive(t, fr), "When did the second Kenyan contingent arrive in Port-au-Prince?", true)
}

// TestNearMissOfTheOffice: a question whose things the reports hold but
// that asks of another deed, rank or office than they tell is not
// answered by the one they tell; its twin is.
func TestNearMissOfTheOffice(t *testing.T) {
	for _, c := range []struct {
		rule, text, question string
		answered             bool
	}{
		{"undoing", "The United States froze its contributions to the trust fund on Tuesday, February 4, 2025.",
			"when did the us unfreeze its contributions to the trust fund?", false},
		{"undoing", "The United States froze its contributions to the trust fund on Tuesday, February 4, 2025.",
			"when did the us freeze its contributions to the trust fund?", true},
		{"rank of the thing", "The mission had an estimated $600 million operating budget for its first year. A second contingent of officers arrived in January.",
			"what was the mission's operating budget for its second year?", false},
		{"rank of the thing", "The mission had an estimated $600 million operating budget for its first year. A second contingent of officers arrived in January.",
			"what was the mission's operating budget for its first year?", true},
		{"rank of the role", "Carlos Ruiz Massieu, the head of BINUH, met the minister in New York. The deputy special representative stayed in Port-au-Prince.",
			"who is the deputy head of BINUH?", false},
		{"rank of the role", "Carlos Ruiz Massieu, the head of BINUH, met the minister in New York. The deputy special representative stayed in Port-au-Prince.",
			"who is the head of BINUH?", true},
		{"portfolio of who", "The announcement was made during a meeting with Dominican Republic Foreign Minister Roberto Alvarez held in New York.",
			"who is the dominican republic's defence minister", false},
		{"portfolio of who", "The announcement was made during a meeting with Dominican Republic Foreign Minister Roberto Alvarez held in New York.",
			"who is the dominican republic's foreign minister", true},
		{"superlative", "Canada remains the largest contributor to the trust fund, with $63 million committed.",
			"how much has the smallest contributor committed to the trust fund?", false},
		{"superlative", "Canada remains the largest contributor to the trust fund, with $63 million committed.",
			"how much has the largest contributor committed to the trust fund?", true},
		{"month of the year", "A second contingent of 217 Kenyan officers arrived in Haiti on 18 January 2025.",
			"how many kenyan officers arrived in haiti in march 2025?", false},
		{"month of the year", "A second contingent of 217 Kenyan officers arrived in Haiti on 18 January 2025.",
			"how many kenyan officers arrived in haiti in january 2025?", true},
		{"part of the year", "By early 2025 the mission had about 1,000 personnel in Haiti, below the planned 2,500.",
			"how many personnel did the mission have in haiti in early february 2025?", true},
		{"part of the year", "By late 2025 the mission had about 1,000 personnel in Haiti, below the planned 2,500.",
			"how many personnel did the mission have in haiti in early february 2025?", false},
		{"condition", "The court said Kenya can only send police officers to Haiti if both governments sign a reciprocal agreement.",
			"under what condition could kenya legally send police officers to haiti?", true},
	} {
		t.Run(c.rule, func(t *testing.T) {
			st := openStoreWith(t, corpus.Document{Title: "Haiti mission report", Source: "Wire", URL: "https://example.org/near",
				Published: time.Date(2026, 1, 23, 0, 0, 0, 0, time.UTC), Text: c.text})
			askAnswered(t, newExtractive(t, st), c.question, c.answered)
		})
	}
}

// TestNearMissOfAnotherCountry: a count or a date asked of one country
// is not told by a sentence naming another, though the sentence beside
// names the one asked; a lower-case question whose chat shorthand wrote
// capitals ("ny") still has its names read from the passages.
func TestNearMissOfAnotherCountry(t *testing.T) {
	const text = "Several nations, including Chad, made offers at the New York conference on Tuesday. Chad offered 1,500 soldiers, two sources said. " +
		"Further offers came from Burundi and the Gambia."
	for _, c := range []struct {
		rule, question string
		answered       bool
		text           string
	}{
		{"rival named", "How many soldiers did Burundi offer?", false, text},
		{"rival named", "How many soldiers did Chad offer?", true, text},
		{"shorthand capitals", "how many soldiers did burundi offer at the ny conference", false, text},
		{"shorthand capitals", "how many soldiers did chad offer at the ny conference", true, text},
	} {
		t.Run(c.rule, func(t *testing.T) {
			st := openStoreWith(t, corpus.Document{Title: "Troop offers for Haiti", Source: "Wire", URL: "https://example.org/offers",
				Published: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), Text: c.text},
				corpus.Document{Title: "Kenya's police in Haiti", Source: "Paper", URL: "https://example.org/kenya",
					Published: time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC), Text: "Kenya has about 700 police officers in Haiti. More soldiers were offered for the new force."})
			askAnswered(t, newExtractive(t, st), c.question, c.answered)
		})
	}
}

// TestWordsOfAnotherSpeaker: "what did X say about Y" is answered by a
// sentence reporting words with each word of X (or by X's own report)
// from a passage holding Y; not by another's words, nor by X's words on
// something else.
func TestWordsOfAnotherSpeaker(t *testing.T) {
	const text = "Guatemalan President Bernardo Arevalo pledged 150 military police for the mission. " +
		"Salvadoran President Nayib Bukele said the gangs of Haiti must be obliterated. " +
		"US Ambassador Mike Waltz said the adoption of the resolution offers Haiti hope. " +
		"Kenyan President William Ruto has reaffirmed his commitment to the mission."
	for _, c := range []struct {
		rule, question string
		answered       bool
	}{
		{"speaker", "What did Guatemala's president say about Haiti's gangs?", false},
		{"speaker", "What did El Salvador's president say about Haiti's gangs?", true},
		{"spoken of", "What did Mike Waltz say about the funding freeze?", false},
		{"spoken of", "What did Mike Waltz say about the resolution's adoption?", true},
		{"own report", "What did Crisis Group say the mission needed before deploying?", true},
		{"each part's speaker", "What did Mike Waltz say about the resolution's adoption, and what did Bukele call the gangs?", true},
		{"verb of saying", "What did Ruto say about the mission?", true},                                   // "has reaffirmed"
		{"report noun", "What did the Crisis Group report say the mission needed before deploying?", true}, // the report did not speak
		{"quoted", "What did Haiti's prime minister say about the resignation?", false},
		{"quoted", "What did Sing'oei say about the resignation?", true},
		{"whose in the source line", "What did Kenya's national security adviser say about the funding freeze?", true},
	} {
		t.Run(c.rule, func(t *testing.T) {
			st := openStoreWith(t, corpus.Document{Title: "Leaders on the Haiti mission", Source: "Wire", URL: "https://example.org/words",
				Published: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), Text: text},
				corpus.Document{Title: "Can a foreign mission break the gangs?", Source: "International Crisis Group", URL: "https://example.org/icg",
					Published: time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC), Text: "From Crisis Group, 5 January 2024. The mission needs sufficient troops, training and equipment before deploying in force. A funding freeze would hurt it."},
				corpus.Document{Title: "Police deployment paused", Source: "KBC (Kenya Broadcasting Corporation)", URL: "https://example.org/kbc",
					Published: time.Date(2025, 2, 6, 0, 0, 0, 0, time.UTC), Text: "The National Security Advisor to the President, Monica Juma, says the police mission will continue despite the funding freeze. " +
						"\"There has been a radical change since the resignation of the Prime Minister of Haiti,\" said Korir Sing'oei, a senior official."})
			askAnswered(t, newExtractive(t, st), c.question, c.answered)
		})
	}
}

// TestDoerNames: of the names saying whose the thing is, those doing the
// deed, after an English auxiliary or before a French one; a people
// before a thing or a possessive owns it but does not do it.
func TestDoerNames(t *testing.T) {
	for _, c := range []struct {
		question    string
		names, want []string
	}{
		{"how many helicopters did Guatemala promise", []string{"guatemala"}, []string{"guatemala"}},
		{"Combien d'hélicoptères le Guatemala a-t-il promis à la mission ?", []string{"guatemala"}, []string{"guatemala"}},
		{"combien de soldats la France va-t-elle envoyer", []string{"france"}, []string{"france"}},
		{"How many Jamaican personnel joined the Kenyan police in Haiti?", []string{"jamaican", "kenyan", "haiti"}, nil},
		{"what did Jamaica's representative say", []string{"jamaica"}, []string{"jamaica"}}, // the doer's owner stands for it
		{"the Jamaican representative's remarks", []string{"jamaican"}, nil},
		{"combien de policiers envoyés au Kenya à la mission", []string{"kenya"}, nil},
	} {
		names := map[string]bool{}
		for _, n := range c.names {
			names[n] = true
		}
		got := slices.Sorted(maps.Keys(doerNames(c.question, lexicon.Tokens(c.question), names)))
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: doers %v, want %v", c.question, got, c.want)
		}
	}
}

// TestOwnerNames: the names saying whose the thing asked is (a subject, a
// possessive, a people before a thing), not a place or a setting.
func TestOwnerNames(t *testing.T) {
	for _, c := range []struct {
		question, head string
		names, want    []string
	}{
		{"how many soldiers did Burundi offer at the New York conference", "soldiers", []string{"burundi", "new", "york"}, []string{"burundi"}},
		{"what did Jamaica's representative say", "", []string{"jamaica"}, []string{"jamaica"}},
		{"when did the first Bangladeshi troops land in Haiti?", "", []string{"bangladeshi", "haiti"}, []string{"bangladeshi"}},
		{"combien de Guatémaltèques sont arrivés à Port-au-Prince", "", []string{"port", "prince"}, nil},
		// French puts the doer before its auxiliary, inverted or plain.
		{"Combien d'hélicoptères le Guatemala a-t-il promis à la mission ?", "", []string{"guatemala"}, []string{"guatemala"}},
		{"combien d'helicopteres le guatemala a promis", "", []string{"guatemala"}, []string{"guatemala"}},
		{"combien de policiers les Bahamas ont envoyés", "", []string{"bahamas"}, []string{"bahamas"}},
		{"combien de soldats la France va-t-elle envoyer en Haïti", "", []string{"france", "haiti"}, []string{"france"}},
		{"quand le Salvador avait promis ses hélicoptères", "", []string{"salvador"}, []string{"salvador"}},
		// "à" folds to "a", but is no auxiliary: a place, not a doer.
		{"combien de policiers envoyés au Kenya à la mission", "", []string{"kenya"}, nil},
	} {
		names := map[string]bool{}
		for _, n := range c.names {
			names[n] = true
		}
		got := ownerNames(c.question, lexicon.Tokens(c.question), names, c.head)
		var keys []string
		for k := range got {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !slices.Equal(keys, c.want) {
			t.Errorf("%q: owners %v, want %v", c.question, keys, c.want)
		}
	}
}

// TestSpeechActByAnyVerbOfSaying: "who vowed ..." is told by a sentence
// reporting words in its own verb ("added", a quotation), here leaning on
// the sentence before for the name; a deed that is no speech still needs
// its own verb.
func TestSpeechActByAnyVerbOfSaying(t *testing.T) {
	a := newExtractive(t, openStoreWith(t, corpus.Document{Title: "Patrol ambushed", Source: "Wire", URL: "https://example.org/ambush", Published: day("2025-03-01"),
		Text: "Colonel Amina Wekesa said two officers were hurt near the port. She added that the unit would “chase the attackers to the last alley”."}))
	if ans := askAnswered(t, a, "who vowed the unit would chase the attackers to the last alley?", true); !strings.Contains(ans.Text, "Wekesa") {
		t.Errorf("answer lacks the speaker: %s (%s)", ans.Text, ans.Note)
	}
	askAnswered(t, a, "who funded the unit that would chase the attackers to the last alley?", false)
}

// TestDeedToldByItsOwnWord: a plain "who <verb>" is answered by a sentence
// telling the deed in its own word and naming the doer, though the rarest
// other word of the question is met only in other sentences.
func TestDeedToldByItsOwnWord(t *testing.T) {
	a := newExtractive(t, openStoreWith(t,
		corpus.Document{Title: "Grievance desk opens", Source: "Wire", URL: "https://example.org/desk", Published: day("2025-03-01"),
			Text: "The mission opened a desk where residents can report abuses by its officers. The opening was presided over by Daniel Mwangi, the mission's legal adviser."},
		corpus.Document{Title: "Supplies", Source: "Wire", URL: "https://example.org/supplies", Published: day("2025-03-02"),
			Text: "The support office will provide rations, fuel and water systems to the mission's bases."},
		corpus.Document{Title: "Donor talks", Source: "Wire", URL: "https://example.org/talks", Published: day("2025-03-03"),
			Text: "The donor talks were presided over by the council's chair, who asked for more money for the mission."}))
	if ans := askAnswered(t, a, "Who presided over the rollout of the mission's abuse reporting system?", true); !strings.Contains(ans.Text, "Mwangi") {
		t.Errorf("answer lacks the doer: %s (%s)", ans.Text, ans.Note)
	}
}

// TestToldVerbIsNoRelation: "how many displaced people did UN News cite"
// asks the count of the displaced; "cite" says who gave it, and a
// sentence with "cited" and another count does not answer.
func TestToldVerbIsNoRelation(t *testing.T) {
	st := openStoreWith(t, corpus.Document{Title: "Council authorizes the new force", Source: "UN News", URL: "https://example.org/unnews",
		Published: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), Text: "Haiti is facing nearly 1.3 million internally displaced people and rising kidnappings."},
		corpus.Document{Title: "Massacre in the capital", Source: "Wire", URL: "https://example.org/wire",
			Published: time.Date(2025, 10, 2, 0, 0, 0, 0, time.UTC), Text: "The report cited 207 people killed in the massacre, many of them displaced people."})
	ans := askAnswered(t, newExtractive(t, st), "how many displaced people did UN News cite?", true)
	if !strings.HasPrefix(ans.Text, "Haiti is facing nearly 1.3 million") {
		t.Errorf("want UN News's count first: %s", ans.Text)
	}
}

// TestTellingThatClosesItsPart: the verb of telling is set apart from what
// the figure counts only where it ends its part ("did UN News cite?",
// "... cite when the GSF was authorized"), not where it opens what was
// told ("had Benin said it would contribute": Benin's deed).
func TestTellingThatClosesItsPart(t *testing.T) {
	for _, c := range []struct {
		question string
		closes   bool
	}{
		{"how many displaced people did UN News cite?", true},
		{"how many displaced people did UN News cite when the GSF was authorized?", true},
		{"how many displaced people did UN News cite, and who led the force?", true},
		{"How many men had Benin said it would contribute?", false},
	} {
		if got := closesItsPart(c.question, attribution(c.question)); got != c.closes {
			t.Errorf("%q: closes its part %v, want %v", c.question, got, c.closes)
		}
	}
}

func TestAskedDeed(t *testing.T) {
	names := map[string]bool{"kenya": true, "chad": true}
	tests := []struct {
		question, deed, doer string
		heads                []string // the doer's own words before the deed
	}{
		{"When did Kenya's parliament reject the deployment?", "reject", "kenya", []string{"parliament"}},
		{"When did Chad's troops land in Haiti?", "land", "chad", []string{"troops"}},
		{"When did Christofides visit Santo Domingo?", "visit", "christofides", nil},
		{"when did he say the first contingents would arrive? writing a timeline", "arrive", "", []string{"first", "contingents"}}, // the question ends at its mark
		{"When was the meeting held?", "", "", nil},                                                                                // no helper of a deed
		{"when did kenya's senate approve the deployment", "approve", "kenya", []string{"senate"}},
		{"When did Kenya's high court approve the deployment?", "approve", "kenya", []string{"high", "court"}},
		{"When did Kenya approve the deployment?", "approve", "kenya", nil},
		{"When did Chad's gendarmes leave Haiti?", "leave", "chad", []string{"gendarmes"}}, // a verb of going is a deed
		{"When did Chad's gendarmes take over?", "", "", nil},                              // a common verb is none
	}
	for _, tt := range tests {
		deed, doers, heads := askedDeed(tt.question, []string{"when"}, names)
		if deed != tt.deed || tt.doer != "" && !slices.Contains(doers, tt.doer) || !slices.Equal(heads, tt.heads) {
			t.Errorf("askedDeed(%q) = %q %v %v, want %q of %q, heads %v", tt.question, deed, doers, heads, tt.deed, tt.doer, tt.heads)
		}
	}
}

// TestWhenDeedNeverDone: "when did X <verb>" asks of a deed done by X; a
// deed no passage tells, one told only as meant ("announced plans to
// visit"), or one told of another ("Boinet visited Haiti") gives no date,
// while the twin whose deed is told is answered.
func TestWhenDeedNeverDone(t *testing.T) {
	a := newExtractive(t, openFixtureStore(t,
		corpus.Document{Title: "Parliament backs the deployment", Source: "Wire", URL: "https://example.org/parliament", Published: day("2023-11-17"),
			Text: "Kenya's parliament approved the deployment of 1,000 police officers to Haiti on Thursday. " +
				"The national assembly backed the motion after a long debate."},
		corpus.Document{Title: "Envoy meets Dominican minister", Source: "Wire", URL: "https://example.org/envoy", Published: day("2025-12-10"),
			Text: "Special Representative Jack Christofides thanked the Dominican Republic and announced plans to visit Santo Domingo in January."},
		corpus.Document{Title: "Kenyan adviser in Haiti", Source: "Wire", URL: "https://example.org/adviser", Published: day("2025-08-15"),
			Text: "Kenyan adviser Joseph Boinet visited Port-au-Prince on 11 August 2025 for talks with the force commander."},
	))
	for _, tt := range []struct {
		question string
		abstain  bool
	}{
		{"When did Kenya's parliament reject the deployment?", true},
		{"When did Kenya's parliament approve the deployment?", false},
		{"when did kenya's senate approve the deployment", true}, // the parliament did, not its senate
		{"When did Christofides visit Santo Domingo?", true},
		{"When did Boinet visit Port-au-Prince?", false},
	} {
		ans, err := a.Answer(context.Background(), Request{Question: tt.question})
		if err != nil {
			t.Fatal(err)
		}
		if got := ans.Mode == ModeAbstained; got != tt.abstain {
			t.Errorf("%q: mode %s (%s), answer %q, want abstained %v", tt.question, ans.Mode, ans.Note, ans.Text, tt.abstain)
		}
	}
}

// TestOfficeAndPeople: "which country held the presidency" is not answered
// by a person's role word ("Haiti's President"), and a count of a body
// whose name holds a people ("the Haitian National Police") is not
// answered by a number counting another people. The rows answered false
// fail without those rules (s.office, s.people).
func TestOfficeAndPeople(t *testing.T) {
	a := newExtractive(t, openStoreWith(t,
		corpus.Document{Title: "Council renews the mission", Source: "Wire", URL: "https://example.org/renew",
			Published: time.Date(2024, 9, 30, 0, 0, 0, 0, time.UTC),
			Text: "The Security Council on Monday adopted resolution 2751 renewing the mission for one year. " +
				"Haiti's President, Edgard Leblanc, told the assembly the mission needed more officers. " +
				"The mission has struggled to reach full strength."},
		corpus.Document{Title: "Council votes on the new office", Source: "Paper", URL: "https://example.org/office",
			Published: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC),
			Text: "Resolution 2793 was adopted while Malta held the council presidency. " +
				"Malta's envoy chaired the meeting."},
		corpus.Document{Title: "Adviser visits Port-au-Prince", Source: "Wire", URL: "https://example.org/visit",
			Published: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC),
			Text:      "The visiting adviser praised the 750 Kenyan officers already deployed to support the Haitian National Police."}))
	for _, tt := range []struct {
		question string
		answered bool
	}{
		{"Which country held the Security Council presidency when resolution 2751 was adopted?", false},
		{"Which country held the council presidency when resolution 2793 was adopted?", true},
		{"How many officers does the Haitian National Police have?", false},
		{"How many Kenyan officers are deployed to support the Haitian National Police?", true},
	} {
		t.Run(tt.question, func(t *testing.T) { askAnswered(t, a, tt.question, tt.answered) })
	}
}

// TestCountDeedNeverDone: "how many officers did Guatemala withdraw" asks
// a count of a deed no passage tells in any word of its group: the pledge
// beside it gives no count of a withdrawal, while the twin asking the
// pledge is answered, and so are a count whose deed the passages tell
// and a promise told as announced.
func TestCountDeedNeverDone(t *testing.T) {
	a := newExtractive(t, openStoreWith(t,
		corpus.Document{Title: "Central American troops", Source: "Wire", URL: "https://example.org/guatemala", Published: day("2025-01-01"),
			Text: "Guatemala had in September pledged to send 150 military police to Haiti. " +
				"The officers would join the Kenyan police already there."},
		corpus.Document{Title: "Violence in 2024", Source: "Wire", URL: "https://example.org/violence", Published: day("2025-01-10"),
			Text: "Gang violence killed 5,600 people in Haiti in 2024, the UN said."},
		corpus.Document{Title: "West African offer", Source: "Wire", URL: "https://example.org/benin", Published: day("2024-03-10"),
			Text: "Benin had in particular announced around 2,000 men for this mission."}))
	for _, tt := range []struct {
		question string
		answered bool
	}{
		{"how many officers did guatemala withdraw from haiti", false},
		{"How many officers did Guatemala withdraw from Haiti?", false},
		{"how many military police did guatemala pledge to send", true},
		{"How many people did gang violence kill in Haiti in 2024?", true},
		{"how many men did benin promise", true}, // a deed of intent, told as announced
	} {
		askAnswered(t, a, tt.question, tt.answered)
	}
}

func TestCountsAnotherKind(t *testing.T) {
	concepts := func(ws ...string) []lexicon.Concept {
		var cs []lexicon.Concept
		for _, w := range ws {
			cs = append(cs, lexicon.Concept{Text: w})
		}
		return cs
	}
	for _, tt := range []struct {
		counted []string
		head    string
		another bool
	}{
		{[]string{"1000", "police", "officers", "to", "haiti"}, "soldiers", true},
		{[]string{"70", "civilian", "and", "seconded", "personnel"}, "troops", true},
		{[]string{"217", "policiers", "de", "la", "mss"}, "troops", true},
		{[]string{"78", "soldiers", "for", "medical", "evacuation"}, "police", true},
		{[]string{"1500", "soldiers"}, "soldiers", false},
		{[]string{"800", "police", "officers", "and", "gendarmes"}, "police", false},
		{[]string{"1000", "personnel"}, "soldiers", false}, // of no kind: may be any
		{[]string{"78", "soldiers"}, "officers", false},    // officers are of no kind
		{[]string{"400", "police", "officers"}, "men", false},
	} {
		if got := countsAnotherKind(tt.counted, concepts(tt.head)); got != tt.another {
			t.Errorf("countsAnotherKind(%v, %s) = %v, want %v", tt.counted, tt.head, got, tt.another)
		}
	}
}

// TestTallyAnswersAVoteCount: a count of votes is answered by a tally
// ("15 voix pour") though what was voted on is told in the sentence
// beside it; a number that counts something else is no tally.
func TestTallyAnswersAVoteCount(t *testing.T) {
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	q := withoutPreamble("What was the vote tally when the Council renewed BINUH's mandate?")
	r := retrieval{question: q, asked: an.lex.Query(q), kind: questionType(q), an: an}
	for _, tt := range []struct {
		sents []string
		want  bool
	}{
		{[]string{"Alors que son renouvellement s'est fait à l'unanimité.", "Le projet de résolution a recueilli 15 voix pour."}, true},
		{[]string{"Alors que son renouvellement s'est fait à l'unanimité.", "Le bureau compte 15 employés."}, false},
	} {
		var bags []termBag
		for _, x := range tt.sents {
			bags = append(bags, an.bag(x, "fr"))
		}
		w := make([]float64, len(r.asked))
		for i := range w {
			w[i] = float64(i)
		}
		s := slotOf(r, w, bags)
		if got := s.filledBy(an, tt.sents, bags, 1, "fr", termBag{}); got != tt.want {
			t.Errorf("filledBy(%q) = %v, want %v (slot %s)", tt.sents[1], got, tt.want, s.describe())
		}
	}
}

// TestTallyTellsTheVote: a count of voters asked in a reader's word of
// no group ("backed") is answered by a tally in favour, naming the
// voters or not, when what was voted on stands beside it; not when the
// question names nothing voted on, nor by a number that is no tally, nor
// for those against.
func TestTallyTellsTheVote(t *testing.T) {
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	const backing = "The mission, backed by Kenya, began in 2024." // the reader's word, held far from any tally
	for _, tt := range []struct {
		question string
		sents    []string
		want     bool
	}{
		{"How many council members backed the GSF resolution?", []string{backing, "On Tuesday the UNSC adopted Resolution 2793.", "The vote saw 12 members in favor and three abstentions."}, true},
		{"How many council members backed the GSF resolution?", []string{backing, "On Tuesday the UNSC adopted Resolution 2793.", "The vote saw 12 in favour and three abstentions."}, true},
		{"How many council members backed the GSF resolution?", []string{backing, "On Tuesday the UNSC adopted Resolution 2793.", "The council has 15 members."}, false},
		{"How many gang members did officers arrest during the mission?", []string{"Officers backed by the army arrest suspects.", "The mission was renewed.", "The resolution was adopted by 12 votes in favour."}, false},
	} {
		q := withoutPreamble(tt.question)
		r := retrieval{question: q, asked: an.lex.Query(q), kind: questionType(q), an: an}
		var bags []termBag
		for _, x := range tt.sents {
			bags = append(bags, an.bag(x, "en"))
		}
		w := make([]float64, len(r.asked))
		for i, c := range r.asked {
			if c.Text == "backed" || c.Text == "arrest" {
				w[i] = 10 // the rarest: the relation
			}
		}
		s := slotOf(r, w, bags)
		if got := s.filledBy(an, tt.sents, bags, 2, "en", termBag{}); got != tt.want {
			t.Errorf("%q: filledBy(%q) = %v, want %v (slot %s)", tt.question, tt.sents[2], got, tt.want, s.describe())
		}
	}
}

func TestTallyAtFrench(t *testing.T) {
	for _, tt := range []struct {
		text    string
		against bool
		want    bool
	}{
		{"a recueilli 15 voix pour", false, true},
		{"a recueilli 2 voix contre", true, true},
		{"a recueilli 2 voix contre", false, false},
		{"adopted by 13 votes in favour", false, true},
		{"the vote saw 12 members in favor", false, true}, // the voters named
		{"12 members of the council", false, false},
	} {
		if got := tallies(tt.text, tt.against); got != tt.want {
			t.Errorf("tallies(%q, %v) = %v, want %v", tt.text, tt.against, got, tt.want)
		}
	}
}

// TestCountAskedAsDone: a count whose deed is asked as done ("have
// actually arrived") is not answered by a sentence that tells the deed
// only as offered or meant, nor by one telling a promise instead; the
// twins asking the offer, or the deed as meant, are answered.
func TestCountAskedAsDone(t *testing.T) {
	a := newExtractive(t, openStoreWith(t,
		corpus.Document{Title: "Troop offers for the force", Source: "Wire", URL: "https://example.org/offers", Published: day("2025-10-01"),
			Text: "The force appears poised to meet its target of 5,500 troops, after nations including Chad and Bangladesh offered to deploy soldiers. " +
				"Chad offered 1,500 soldiers at the conference in New York."},
		corpus.Document{Title: "Kenyans land", Source: "Wire", URL: "https://example.org/kenya", Published: day("2024-06-26"),
			Text: "Some 400 Kenyan officers arrived in Port-au-Prince on Tuesday."},
		corpus.Document{Title: "Gendarmes from the Sahel", Source: "Wire", URL: "https://example.org/sahel", Published: day("2026-03-21"),
			Text: "Some 800 Nigerien gendarmes are expected to arrive in Haiti in April."}))
	for _, tt := range []struct {
		question string
		answered bool
	}{
		{"How many Bangladeshi personnel have actually arrived in Haiti so far?", false},
		{"how many chadian soldiers have arrived in haiti", false},
		{"How many Nigerien gendarmes have actually arrived in Haiti?", false},
		{"How many Nigerien gendarmes are expected to arrive in Haiti?", true},
		{"How many soldiers did Chad offer at the conference?", true},
		{"How many soldiers is Chad expected to deploy?", true}, // asked as meant
		{"How many Kenyan officers arrived in Port-au-Prince?", true},
	} {
		askAnswered(t, a, tt.question, tt.answered)
	}
}

// TestSizeOfAUnit: "how big is the unit allowed to be" is told by the
// number of its members, whatever their kind; a date asked of an
// infinitive's common verb ("due to leave") is not told by another deed's.
func TestSizeOfAUnit(t *testing.T) {
	a := newExtractive(t, openStoreWith(t,
		corpus.Document{Title: "Council renews the political office", Source: "Wire", URL: "https://example.org/office", Published: day("2024-07-12"),
			Text: "The office's Police and Corrections Unit shall continue to comprise up to 70 civilian and seconded personnel to serve as police and corrections advisers."},
		corpus.Document{Title: "Officer killed", Source: "Wire", URL: "https://example.org/killed", Published: day("2025-03-28"),
			Text: "The mission says a Kenyan officer was killed on Tuesday in an attack by gang members in Haiti. " +
				"The last Kenyan officers of his unit in Haiti were attacked on Tuesday, officials said."}))
	for _, tt := range []struct {
		question string
		answered bool
	}{
		{"how big is the office's police and corrections unit allowed to be", true},
		{"what date are the last kenyan officers due to leave haiti", false},
		{"On what date was a Kenyan officer killed in Haiti?", true},
	} {
		askAnswered(t, a, tt.question, tt.answered)
	}
}

func TestDeedAskedAsMeant(t *testing.T) {
	for _, tt := range []struct {
		question, deed string
		meant          bool
	}{
		{"how many have actually arrived so far", "arrived", false},
		{"how many soldiers is chad set to deploy", "deploy", true},
		{"how many did kenya pledge to send", "send", true},
		{"combien de policiers le tchad va t il deployer", "deployer", true},
		{"how many officers did kenya deploy", "deploy", false},
		{"how many of the 3 helicopters el salvador promised actually made it to haiti", "made", false}, // the promise describes the helicopters
		{"how many of the promised troops have arrived", "arrived", false},
		{"how many of the 3 helicopters el salvador promised made it to haiti", "made", false},
		{"how many are expected to arrive", "arrive", true},
		{"how many troops have the nations promised altogether", "altogether", true}, // no partitive set to describe
	} {
		if got := askedAsMeant(tt.question, tt.deed); got != tt.meant {
			t.Errorf("askedAsMeant(%q, %s) = %v, want %v", tt.question, tt.deed, got, tt.meant)
		}
	}
	for _, tt := range []struct {
		question, verb string
		want           bool
	}{
		{"what date are the last officers due to leave haiti", "leave", true},
		{"when did the officers leave haiti", "leave", false},
	} {
		if got := infinitiveIn(tt.question, tt.verb); got != tt.want {
			t.Errorf("infinitiveIn(%q, %s) = %v, want %v", tt.question, tt.verb, got, tt.want)
		}
	}
	for _, tt := range []struct {
		question, deed, want string
	}{
		{"When did the Council vote to turn the MSS into a UN operation?", "vote", "turn"},
		{"When did the Council vote to renew the mandate?", "vote", "renew"},
		{"When did Kenya agree to send police?", "agree", ""}, // a common verb
		{"When did the Council vote on it?", "vote", ""},
		{"When did Kenya vote to Haiti's benefit?", "vote", ""}, // a name
	} {
		if got := infinitiveAfter(tt.question, tt.deed); got != tt.want {
			t.Errorf("infinitiveAfter(%q, %s) = %q, want %q", tt.question, tt.deed, got, tt.want)
		}
	}
}

// TestDateOfWhatAVoteWasTo: a date asked of what a vote was to do
// ("vote to turn ... into") is not the date of a vote no top passage says
// was to do it.
func TestDateOfWhatAVoteWasTo(t *testing.T) {
	a := newExtractive(t, openStoreWith(t,
		corpus.Document{Title: "Council authorizes a new force", Source: "Wire", URL: "https://example.org/vote", Published: day("2025-09-30"),
			Text: "On 30 September the Security Council voted to replace the mission with a new force, as speakers called for a peacekeeping operation."}))
	for _, tt := range []struct {
		question string
		answered bool
	}{
		{"When did the Security Council vote to turn the mission into a peacekeeping operation?", false},
		{"When did the Security Council vote to replace the mission with a new force?", true},
	} {
		askAnswered(t, a, tt.question, tt.answered)
	}
}

// TestArrivedMoney: an amount asked by a verb of arrival ("landed",
// "arrived") is told by a verb of receiving; other relations get nothing.
func TestArrivedMoney(t *testing.T) {
	lex := lexicon.New(config.Default().Topic.Aliases)
	for _, tt := range []struct {
		relation string
		want     bool
	}{
		{"landed", true},
		{"arrived", true},
		{"pledged", false},
		{"fund", false},
	} {
		got := arrivedMoney(lex, lex.Query(tt.relation))
		if held := len(got) > 0 && got[0].Text == "received"; held != tt.want {
			t.Errorf("arrivedMoney(%s) = %v, want received %v", tt.relation, got, tt.want)
		}
	}
}

// TestSharedDoer: a count asked of a doer every passage names is not told
// by a sentence of another doer they name too ("El Salvador had promised
// three helicopters" for Guatemala's, asked in French or English); a
// sentence naming the doer, even among others, is of it.
func TestSharedDoer(t *testing.T) {
	text := "A contingent from Guatemala and El Salvador arrived in Haiti on Friday. " +
		"El Salvador had in August promised 78 soldiers for medical evacuation as well as three helicopters. " +
		"Guatemala sent 75 police officers."
	st := openStoreWith(t,
		corpus.Document{Title: "Central American troops arrive", Source: "Wire", URL: "https://example.org/ca",
			Published: day("2025-01-10"), Text: text},
		corpus.Document{Title: "Guatemala and El Salvador join the mission", Source: "Wire", URL: "https://example.org/ca2",
			Published: day("2025-01-12"), Text: "Officers from Guatemala and El Salvador joined the mission. They patrol the capital."})
	a := newExtractive(t, st)
	for _, c := range []struct {
		question string
		answered bool
	}{
		{"Combien d'hélicoptères le Guatemala a-t-il promis à la mission ?", false},
		{"combien d'helicopteres le guatemala a promis", false},
		{"How many helicopters did Guatemala promise?", false},
		{"How many helicopters did El Salvador promise?", true},
		{"Combien de policiers le Guatemala a-t-il envoyés ?", true},
	} {
		t.Run(c.question, func(t *testing.T) { askAnswered(t, a, c.question, c.answered) })
	}
}

// TestShortPast: a four-letter past of a verb whose stem ends in a vowel
// or a glide is a verb; a four-letter thing in -ed is not.
func TestShortPast(t *testing.T) {
	for w, want := range map[string]bool{"sued": true, "died": true, "owed": true, "eyed": true, "shed": false, "sled": false, "bred": false, "deployed": false} {
		if got := shortPast(w); got != want {
			t.Errorf("shortPast(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestVagueHeadNamesNoKind: "what stuff" asks what; the sentence that
// lists the things never calls them stuff.
func TestVagueHeadNamesNoKind(t *testing.T) {
	a := newExtractive(t, openStoreWith(t,
		corpus.Document{Title: "Support office mandate", Source: "Wire", URL: "https://example.org/office", Published: day("2025-10-01"),
			Text: "The support office will provide logistical support to the force, including rations, fuel and water."}))
	for _, tt := range []struct {
		question string
		answered bool
	}{
		{"what stuff is the support office supposed to supply the force with", true},
		{"what things will the support office provide to the force", true},
	} {
		askAnswered(t, a, tt.question, tt.answered)
	}
}

// TestNamesBodyCounted: the body a count is asked of is named in the
// count's own clause; one named in a clause of time after it is not the
// one counted.
func TestNamesBodyCounted(t *testing.T) {
	gsf := []lexicon.Concept{{Text: "gang suppression force", Forms: []string{"_g_gsf"}}, {Text: "gsf", Forms: []string{"_g_gsf", "gsf"}}}
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"How many personnel does the Gang Suppression Force currently have on the ground in Haiti?", true},
		{"how many members of the gsf are kenyan", true},
		{"how many gsf personnel are there", true},
		{"how large had it grown by the time it became the GSF", false},
		{"how many officers were there when the gsf was set up", false},
	} {
		if got := namesBodyCounted(tokenTexts(lexicon.Tokens(tt.q)), gsf); got != tt.want {
			t.Errorf("namesBodyCounted(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestWithinRuns: the words of a presence phrase the question holds ("on
// the ground"); none when it holds none.
func TestWithinRuns(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"how many personnel does the gsf currently have on the ground in haiti", []string{"on", "the", "ground"}},
		{"combien de policiers sur le terrain", []string{"sur", "le", "terrain"}},
		{"how many ground vehicles did they get", nil},
	} {
		if got := withinRuns(tokenTexts(lexicon.Tokens(tt.q)), presenceRuns); !slices.Equal(got, tt.want) {
			t.Errorf("withinRuns(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}
