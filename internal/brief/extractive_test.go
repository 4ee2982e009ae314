package brief

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/document"
)

// TestTwoPartQuestionAnswersEachPart: the part with the rarer words (a
// name) would take every place, and the other part ("when would they
// arrive") would go unanswered.
func TestTwoPartQuestionAnswersEachPart(t *testing.T) {
	day := time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC)
	st := openFixtureStore(t,
		corpus.Document{Title: "Envoy named for the force", Source: "Wire", URL: "https://example.org/envoy", Published: day,
			Text: "The Standing Partnership Group announced the appointment of Jack Ortelius as Special Representative of the force. " +
				"The announcement was made by Special Representative Jack Ortelius during a meeting with the foreign minister in New York. " +
				"Jack Ortelius, the new Special Representative, previously served the United Nations in Cairo and Nicosia."},
		corpus.Document{Title: "Force to start operations", Source: "Agency", URL: "https://example.org/start", Published: day.AddDate(0, 1, 0),
			Text: "The first contingents of the force are expected to arrive in April, officials said after a briefing in New York."},
	)
	a := newExtractive(t, st)
	ans, err := a.Answer(context.Background(), Request{Question: "Which body appointed Jack Ortelius as Special Representative, and when did he say the first contingents would arrive?"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Standing Partnership Group", "April"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("answer lacks %q: %s", want, ans.Text)
		}
	}
}

// TestReasonBringsTheNextSentence: the sentence that best matches a "why"
// tells what happened; the reason is in the one after it.
func TestReasonBringsTheNextSentence(t *testing.T) {
	st := openFixtureStore(t, corpus.Document{Title: "Draft shelved", Source: "Wire", URL: "https://example.org/draft",
		Published: time.Date(2024, 9, 27, 0, 0, 0, 0, time.UTC),
		Text: "The day before, the United States had decided to put on hold a draft resolution turning the security mission into a UN operation. " +
			"China and Russia had threatened to impose their veto, demanding more preparation first. " +
			"Washington said it would keep working with Council members on the text."})
	ans, err := newExtractive(t, st).Answer(context.Background(), Request{Question: "Why did the United States put its draft resolution on the security mission on hold?"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "veto") {
		t.Errorf("answer lacks the reason (veto): %s", ans.Text)
	}
}

// TestStillAnsweredByTheNewestChange: "Is Kenya still leading?" is
// answered first by what the newest report says changed, not by an older
// report's "Kenya leads" nor by the newest report's other sentences.
func TestStillAnsweredByTheNewestChange(t *testing.T) {
	st := openFixtureStore(t, corpus.Document{Title: "Kenya to draw down in Haiti", Source: "Wire", URL: "https://example.org/drawdown",
		Published: time.Date(2026, 2, 7, 0, 0, 0, 0, time.UTC),
		Text: "Speaking on the transition from the Kenya-led security mission to the new force, the minister praised the Kenyan police officers in Haiti. " +
			"The foreign ministry confirmed that Kenya has officially handed over leadership to the new force. " +
			"Kenyan officers will stay in Haiti for some months."})
	ans, err := newExtractive(t, st).Answer(context.Background(), Request{Question: "Is Kenya still leading the security mission in Haiti?"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ans.Text, "The foreign ministry confirmed that Kenya has officially handed over leadership") {
		t.Errorf("answer does not open with the newest change: %s", ans.Text)
	}
}

// TestMannerBringsTheNextSentence: "how was he killed" is best matched by
// the sentence that says he was; how, by the one after it.
func TestMannerBringsTheNextSentence(t *testing.T) {
	st := openFixtureStore(t, corpus.Document{Title: "Second officer killed", Source: "Wire", URL: "https://example.org/second",
		Published: time.Date(2025, 3, 26, 0, 0, 0, 0, time.UTC),
		Text: "He is the second Kenyan officer to be killed in Haiti since the force began deploying in June last year. " +
			"He was part of a group dispatched to recover a police vehicle stuck in a ditch dug by gangs. " +
			"The force said it would press on with its operations."})
	ans, err := newExtractive(t, st).Answer(context.Background(), Request{Question: "How was the second Kenyan officer killed in Haiti?"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "vehicle") {
		t.Errorf("answer lacks how he was killed: %s", ans.Text)
	}
}

// TestPresentOpensWithTheNewest: for "how many ... now", the newest
// report's figure comes first, whichever sentence scored best; a sentence
// without a figure, however new, comes after those with one.
func TestPresentOpensWithTheNewest(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	r := retrieval{present: true, kind: TypeCount, hits: []document.Hit{
		{Doc: document.Document{Published: day(2025, 8, 20)}},
		{Doc: document.Document{Published: day(2026, 1, 22)}},
		{Doc: document.Document{Published: day(2026, 3, 1)}},
	}}
	picked := []sentenceCandidate{
		{hit: 0, text: "About 750 Kenyan police officers are deployed in Haiti."},
		{hit: 2, text: "Kenya said its officers would stay for now."},
		{hit: 1, text: "The force has approximately 1,000 personnel on the ground."},
	}
	var got []int
	for _, c := range newestFirst(r, picked) {
		got = append(got, c.hit)
	}
	if want := []int{1, 0, 2}; !slices.Equal(got, want) {
		t.Errorf("order by hit %v, want %v", got, want)
	}
	r.present = false
	if out := newestFirst(r, picked); out[0].hit != 0 {
		t.Errorf("a question not about the present was reordered: %v", out)
	}
}

// TestPronounBringsThePreviousSentence: "He is the second officer killed"
// answers "who" only with the sentence before it, which names him.
func TestPronounBringsThePreviousSentence(t *testing.T) {
	st := openFixtureStore(t, corpus.Document{Title: "Second officer killed", Source: "Wire", URL: "https://example.org/kabiru",
		Published: time.Date(2025, 3, 28, 0, 0, 0, 0, time.UTC),
		Text: "The mission later confirmed that an officer by the name of Benedict Kabiru had died in the incident. " +
			"He is the second Kenyan officer to be killed in Haiti since the force began deploying. " +
			"Calls for the officers to come home have grown in Nairobi."})
	ans, err := newExtractive(t, st).Answer(context.Background(), Request{Question: "Who was the second Kenyan officer killed in Haiti?"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "Kabiru") {
		t.Errorf("answer does not say who: %s", ans.Text)
	}
}

// TestChangeLeadsFromARecentReport: "is Kenya still ...?" opens with the
// recent report that says the state changed, though a newer report on
// something else is among the hits; a change reported long before the
// newest hit does not lead.
func TestChangeLeadsFromARecentReport(t *testing.T) {
	st := openStoreWith(t, []corpus.Document{
		{Title: "Kenya hands over", Source: "Wire", URL: "https://example.org/handover", Published: day("2026-02-07"),
			Text: "Kenyan police in Haiti patrolled the capital again this week. Kenya has handed over leadership of the Haiti force to the new mission."},
		{Title: "Chad to deploy", Source: "Wire", URL: "https://example.org/chad", Published: day("2026-03-21"),
			Text: "Chad will deploy 800 police officers to Haiti, where Kenya leads the police component of the force."},
		{Title: "Kenya suspends", Source: "Wire", URL: "https://example.org/old", Published: day("2024-03-12"),
			Text: "Kenya suspended the deployment of its police to Haiti, and no longer plans to lead the force."},
	}...)
	a := newExtractive(t, st)
	ans, err := a.Answer(context.Background(), Request{Question: "Is Kenya still leading the Haiti force?"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ans.Text, "Kenya has handed over leadership") {
		t.Errorf("answer does not open with the handover: %s", ans.Text)
	}
	// Alone beside the newest report, a change told two years before it
	// does not lead.
	old := newExtractive(t, openStoreWith(t, []corpus.Document{
		{Title: "Chad to deploy", Source: "Wire", URL: "https://example.org/chad", Published: day("2026-03-21"),
			Text: "Chad will deploy 800 police officers to Haiti, where Kenya leads the police component of the force."},
		{Title: "Kenya suspends", Source: "Wire", URL: "https://example.org/old", Published: day("2024-03-12"),
			Text: "Kenya suspended the deployment of its police to Haiti, and no longer plans to lead the force."},
	}...))
	if ans := askAnswered(t, old, "Is Kenya still leading the Haiti force?", true); strings.HasPrefix(ans.Text, "Kenya suspended") {
		t.Errorf("a change of 2024 leads the answer: %s", ans.Text)
	}
}

// TestReportsNumberScopesItsSentences: "who drafted resolution 2699" opens
// with the report on 2699 saying "the resolution was drafted by ...",
// though its sentence does not repeat the number, not with a sentence on
// another draft.
func TestReportsNumberScopesItsSentences(t *testing.T) {
	a := newExtractive(t, openStoreWith(t, []corpus.Document{
		{Title: "Security Council Resolution 2699", Source: "Encyclopedia", URL: "https://example.org/2699", Published: day("2023-10-02"),
			Text: "Resolution 2699 authorized a multinational security mission in Haiti. The resolution was drafted by the United States and Ecuador."},
		{Title: "A larger force", Source: "Wire", URL: "https://example.org/gsf", Published: day("2025-09-26"),
			Text: "Officials said the United States and Panama co-sponsored a draft resolution for the Security Council on the new force."},
	}...))
	if ans := askAnswered(t, a, "Who drafted UN Security Council resolution 2699?", true); !strings.HasPrefix(ans.Text, "The resolution was drafted") {
		t.Errorf("answer does not open with the drafters of 2699: %s", ans.Text)
	}
}

// TestSentencePointingBack: "That mission stretched on ..." is about what
// the sentence before names, and answers for it.
func TestSentencePointingBack(t *testing.T) {
	st := openStoreWith(t, corpus.Document{Title: "Lessons of past missions", Source: "Journal", URL: "https://example.org/past",
		Published: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC),
		Text: "Rights concerns loom from the prior peacekeeping mission, MINUSTAH. " +
			"That mission stretched on for more than a decade, from June 2004 until October 2017. " +
			"Cholera came to Haiti in 2010 from a camp of MINUSTAH peacekeepers, and the UN admitted it in 2016."})
	ans := askAnswered(t, newExtractive(t, st), "How long was the MINUSTAH mission in Haiti?", true)
	if !strings.Contains(ans.Text, "MINUSTAH. That mission stretched on") {
		t.Errorf("the answer lacks the span with what it is of: %s", ans.Text)
	}
}

// TestShareOfTheSentenceBefore: "Of the amount, $85 million had been
// received" is a share of the total the sentence before gives, and is
// quoted with it, once; an amount asked of a payer comes from sentences
// naming it.
func TestShareOfTheSentenceBefore(t *testing.T) {
	if !pointsBack("Of the amount, $85 million had already been received.") || pointsBack("Of course the mission will go on.") {
		t.Error("pointsBack does not tell a share of what came before")
	}
	st := openStoreWith(t, corpus.Document{Title: "The trust fund", Source: "Wire", URL: "https://example.org/fund",
		Published: time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC),
		Text: "“The fund is the lifeline of the mission in Haiti, and donors have been generous,” the spokesman said in Nairobi. " +
			"He said that by the end of 2024 a total of $110.3 million had been pledged to the trust fund by donors. " +
			"Of the amount, $85 million had already been received by the trust fund. " +
			"Washington halted its own contribution of $15 million to the trust fund."})
	ans := askAnswered(t, newExtractive(t, st), "Of the money pledged to the trust fund for the mission by the end of 2024, how much had actually been paid in?", true)
	if !strings.Contains(ans.Text, "$85 million") || strings.Count(ans.Text, "$110.3 million") > 1 {
		t.Errorf("the answer lacks the share paid in, or quotes the total twice: %s", ans.Text)
	}
}

// TestShareOfAListsTotal: the share of a total that a list of payers
// gave together ("Of the amount, $85 million had already been received")
// is no one payer's.
func TestShareOfAListsTotal(t *testing.T) {
	st := openStoreWith(t, corpus.Document{Title: "The trust fund", Source: "Wire", URL: "https://example.org/fund-list",
		Published: time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC),
		Text: "Canada, France, Spain and Italy pledged a total of $110.3 million to the trust fund. " +
			"Of the amount, $85 million had already been received by the trust fund."})
	askAnswered(t, newExtractive(t, st), "How much had Canada actually paid in to the trust fund?", false)
}

// TestAmountOfThePayer: "how much has Canada given" opens with Canada's
// money, not with the United States' in a sentence holding more of the
// question's other words.
func TestAmountOfThePayer(t *testing.T) {
	st := openStoreWith(t, corpus.Document{Title: "Donors to the mission", Source: "Wire", URL: "https://example.org/donors",
		Published: time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC),
		Text: "The United States halted its contribution of $15 million to the UN trust fund for the mission in Haiti. " +
			"Canada remains the largest contributor, with $63 million committed."})
	ans := askAnswered(t, newExtractive(t, st), "How much has Canada committed to the UN trust fund?", true)
	if !strings.HasPrefix(ans.Text, "Canada remains") {
		t.Errorf("the answer does not open with Canada's money: %s", ans.Text)
	}
}

// TestPartPointingBack: "and how many officers did he say were deployed"
// is answered from the report that named him, not by another report's
// count.
func TestPartPointingBack(t *testing.T) {
	st := openStoreWith(t,
		corpus.Document{Title: "Kenyan adviser visits Haiti", Source: "Wire", URL: "https://example.org/visit",
			Published: time.Date(2025, 8, 15, 0, 0, 0, 0, time.UTC),
			Text: "Deputy adviser Joseph Boinet led the Kenyan delegation that visited Haiti in August. " +
				"He praised the 750 Kenyan officers deployed there."},
		corpus.Document{Title: "Parliament approves the deployment", Source: "Paper", URL: "https://example.org/parliament",
			Published: time.Date(2023, 11, 16, 0, 0, 0, 0, time.UTC),
			Text:      "Kenya's parliament approved the deployment of 1,000 Kenyan officers to Haiti."})
	ans := askAnswered(t, newExtractive(t, st), "who led the kenyan delegation that visited haiti, and how many kenyan officers did he say were deployed?", true)
	if !strings.Contains(ans.Text, "750") {
		t.Errorf("the second part is not answered from the first part's report: %s", ans.Text)
	}
}

// TestOneCountPerPart: "how many came first, and how many in the
// reinforcement" takes a count for each part, not one sentence for both.
func TestOneCountPerPart(t *testing.T) {
	st := openStoreWith(t,
		corpus.Document{Title: "Kenyan police arrive", Source: "Wire", URL: "https://example.org/arrive",
			Published: time.Date(2024, 6, 25, 0, 0, 0, 0, time.UTC),
			Text:      "The first batch of 400 Kenyan police arrived, with more police expected in a reinforcement later."},
		corpus.Document{Title: "Kenya sends more police", Source: "Paper", URL: "https://example.org/more",
			Published: time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC),
			Text:      "Kenya has deployed 217 more police officers to Haiti as backup."})
	ans := askAnswered(t, newExtractive(t, st), "how many kenyan police came in the first batch, and how many in the reinforcement?", true)
	if !strings.Contains(ans.Text, "400") || !strings.Contains(ans.Text, "217") {
		t.Errorf("each part wants its own count: %s", ans.Text)
	}
}

// TestPassageGoesOn: a "why" or a "how" told over several sentences of one
// report is quoted on to the sentence that tells it: the cause of a ruling,
// two sentences after the ruling in words the question lacks; the
// categories asked for, the third of three long sentences, which a window
// over the three would cut.
func TestPassageGoesOn(t *testing.T) {
	tests := []struct {
		name, title, question, text, want string
	}{
		{"a cause two sentences on", "Kenya court blocks deployment", "On what grounds did Kenya's high court block the deployment of police to Haiti?",
			"Kenya's high court has blocked the deployment of Kenyan police officers to Haiti to help the country bring gang violence under control. " +
				"Kenya's parliament had passed a motion in November allowing the deployment of 1,000 officers to lead a multinational force in Haiti. " +
				"But High Court Judge Chacha Mwita ruled Friday that Kenya's National Security Council doesn't have the authority to deploy regular police outside the country. " +
				"The government said it would appeal the decision.",
			"National Security Council"},
		{"each sentence quoted", "Mission sets up complaints mechanism", "How are complaints classified under the mission's complaint reporting mechanism?",
			"The Kenya Police-led security support mission in Haiti has established a complaint reporting mechanism to enable Haitians to report any human rights violations by the officers deployed in the country. " +
				"The Complaints Reporting Mechanism is expected to protect and promote human rights, which are key in preventing conflicts, achieving and maintaining peace and also assist in post-conflict reconstruction. " +
				"In the framework, complaints are categorised as either Serious Misconduct, Minor Misconduct or Sexual Exploitation and Abuse. " +
				"Officers have been trained on the mechanism with civil society groups.",
			"Minor Misconduct"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openFixtureStore(t, corpus.Document{Title: tt.title, Source: "Wire", URL: "https://example.org/" + strings.ReplaceAll(tt.name, " ", "-"),
				Published: time.Date(2024, 10, 8, 0, 0, 0, 0, time.UTC), Text: tt.text})
			ans, err := newExtractive(t, st).Answer(context.Background(), Request{Question: tt.question})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(ans.Text, tt.want) {
				t.Errorf("answer lacks %q: %s", tt.want, ans.Text)
			}
		})
	}
}

// TestPronounSentenceHoldsWhatItFollows: "He was part of a group ..."
// says how the officer the sentence before names was killed; scored on
// its own words it fell below the sentences that only say he was.
func TestPronounSentenceHoldsWhatItFollows(t *testing.T) {
	st := openFixtureStore(t, corpus.Document{Title: "Kenyan police officer killed in suspected gang attack in Haiti", Source: "Africanews",
		URL: "https://example.org/kabiru", Published: time.Date(2025, 3, 28, 0, 0, 0, 0, time.UTC),
		Text: "The MSS says a Kenyan police was killed on Tuesday in an attack by suspected gang members. " +
			"He was part of a group that had been dispatched to recover a Haitian police vehicle that had got stuck in a ditch, suspected to have been dug by gangs. " +
			"The MSS forces were attacked during the recovery operation. " +
			"After initially being reported as missing, the MSS later confirmed that an officer by the name of Bénédict Kabiru had died in the incident. " +
			"Haiti’s Presidential Transitional Council has praised what it described as Kabiru’s “ultimate sacrifice”. " +
			"He is the second Kenyan officer to be killed in Haiti since the force began deploying in June last year."})
	ans, err := newExtractive(t, st).Answer(context.Background(), Request{Question: "How was the second Kenyan officer killed in Haiti — what was he doing when the gangs attacked?"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "vehicle") {
		t.Errorf("answer lacks what he was doing: %s", ans.Text)
	}
}

// TestPassageGoesOnWithinBudget: a passage going on may not take a
// "why" past maxQuoted sentences in all (measured: 5 keeps every key
// fact, and why/how answers fall from 200 to 182 words).
func TestPassageGoesOnWithinBudget(t *testing.T) {
	span := func(from, to int) sentenceCandidate { return sentenceCandidate{from: from, to: to} }
	picked := []sentenceCandidate{span(2, 3), span(0, 0), span(5, 5)} // four sentences
	if !withinBudget(picked, picked[0], span(4, 4)) {
		t.Error("a fifth sentence is refused")
	}
	if withinBudget(picked, picked[0], span(4, 5)) {
		t.Error("a sixth sentence is let in")
	}
}

// TestPartType: a "what" part asking what was given asks a figure; other
// "what" parts keep their kind.
func TestPartType(t *testing.T) {
	tests := map[string]AnswerType{
		"what did it offer at the new york troop conference":        TypeCount,
		"chad's offer shrank: what did it pledge at the conference": TypeCount,
		"what did the council decide at the meeting":                TypeOther,
		"how many did it send later":                                TypeCount,
		"what is the gsf's mandate":                                 TypeOther,
	}
	for part, want := range tests {
		if got := partType(part); got != want {
			t.Errorf("partType(%q) = %v, want %v", part, got, want)
		}
	}
	// A part with no question word asks what the other side asks.
	for _, parts := range [][]string{
		{"chad's troop offer at the conference", "what it's now set to send"},
		{"how did the mission's planned size", "the size authorized for the new force?"},
	} {
		if got := partTypes(parts); got[0] != TypeCount || got[1] != TypeCount {
			t.Errorf("partTypes(%q) = %v, want two counts", parts, got)
		}
	}
	// One with its own "what", where it stands, keeps its kind.
	parts := []string{"crisis group wanted the mission to hold off until it had what,", "when did he say its deployment would be completed?"}
	if got := partTypes(parts); got[0] != TypeOther || got[1] != TypeDate {
		t.Errorf("partTypes(%q) = %v, want other and date", parts, got)
	}
}

// TestPartQuotesTheWords: "what warning did X give" is answered with the
// words quoted in the sentence after the one telling he gave a warning.
func TestPartQuotesTheWords(t *testing.T) {
	st := openStoreWith(t,
		corpus.Document{Title: "Prime minister warns gangs", Source: "Herald", URL: "https://example.org/warn",
			Published: time.Date(2024, 6, 27, 0, 0, 0, 0, time.UTC),
			Text: "A day after the Kenyan police arrived, Garry Conille, the prime minister, issued a warning to the gangs wreaking havoc. " +
				"\u201cWe will reclaim control of the country, house by house,\u201d Conille said on Wednesday."},
		corpus.Document{Title: "Kenya sends reinforcements", Source: "Brief", URL: "https://example.org/more",
			Published: time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC),
			Text:      "Kenya deployed 217 more police officers, which the prime minister Fils-Aime said marks a crucial step."})
	ans := askAnswered(t, newExtractive(t, st), "what warning did conille give the gangs after the kenyans arrived, and what did fils-aime say the 217 reinforcements meant?", true)
	if !strings.Contains(ans.Text, "house by house") {
		t.Errorf("the warning's words are not quoted: %s", ans.Text)
	}
}

// TestFigureSetBySentenceBefore: "Chad offered 1,500 soldiers" answers
// the conference part when the sentence before says which conference,
// over a sentence naming Chad beside another force's target.
func TestFigureSetBySentenceBefore(t *testing.T) {
	st := openStoreWith(t,
		corpus.Document{Title: "Haiti secures major troop offers for new anti-gang fighting force", Source: "Herald", URL: "https://example.org/offers",
			Published: time.Date(2025, 10, 21, 0, 0, 0, 0, time.UTC),
			Text: "The new force appears poised to meet its target of 5,500 troops, after a number of nations, including Chad and Bangladesh, offered to deploy soldiers, engineers and police. " +
				"The strongest commitments during a conference Tuesday in New York came from African governments. " +
				"Chad offered 1,500 soldiers, according to two sources."},
		corpus.Document{Title: "Chad to deploy 800", Source: "Nation", URL: "https://example.org/chad",
			Published: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
			Text:      "Chad is set to deploy 800 police officers and gendarmes to Haiti this year."},
		corpus.Document{Title: "Ministers meet in New York", Source: "Agency", URL: "https://example.org/meet",
			Published: time.Date(2025, 9, 20, 0, 0, 0, 0, time.UTC),
			Text:      "Foreign ministers met at a conference in New York on the force. The New York conference ended without a vote."})
	ans := askAnswered(t, newExtractive(t, st), "chad's troop offer at the new york conference vs what it's now set to send — what are the two numbers?", true)
	if !strings.Contains(ans.Text, "1,500") || !strings.Contains(ans.Text, "800") {
		t.Errorf("each side wants its figure: %s", ans.Text)
	}
}

// TestHowManyMoreIsNotTheTotal: "how many more" is answered by those added,
// not by the total deployed so far.
func TestHowManyMoreIsNotTheTotal(t *testing.T) {
	day := time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC)
	st := openFixtureStore(t,
		corpus.Document{Title: "First Kenyan police land", Source: "Wire", URL: "https://example.org/first", Published: day.AddDate(0, -7, 0),
			Text: "The first batch of 400 Kenyan police officers landed in Port-au-Prince in June 2024."},
		corpus.Document{Title: "Mission strength", Source: "Agency", URL: "https://example.org/strength", Published: day,
			Text: "As of January 2025, Kenya had sent over 500 police officers to Haiti in total. " +
				"In January 2025 the Kenyan police were also joined by 150 Guatemalan soldiers. " +
				"Kenya currently has 600 police officers in Haiti, sent in January 2025 and before."},
		corpus.Document{Title: "Second contingent", Source: "Daily", URL: "https://example.org/second", Published: day,
			Text: "Kenya sent 217 more police officers to Haiti in January 2025 to back up the mission."},
	)
	a := newExtractive(t, st)
	ans, err := a.Answer(context.Background(), Request{Question: "How big was Kenya's first batch of police in June 2024, and how many more did they send in January 2025?"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"400", "217"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("answer lacks %q: %s", want, ans.Text)
		}
	}
}

// TestWhichResolutionGivesItsNumber: "under which resolution" is answered
// with the number, stated a few sentences after the renewal it names.
func TestWhichResolutionGivesItsNumber(t *testing.T) {
	st := openStoreWith(t, corpus.Document{Title: "Political office renewed until January 2027", Source: "Agency", URL: "https://example.org/renewal",
		Published: time.Date(2026, 1, 30, 0, 0, 0, 0, time.UTC),
		Text: "The Security Council on Thursday renewed the mandate of the UN political office in Haiti until 31 January 2027. " +
			"The office is a civilian mission that supports the country's institutions and the rule of law. " +
			"Washington said it had pressed for a narrower mandate for the office this year. " +
			"The renewal itself passed without a single vote against it. " +
			"The draft was adopted unanimously as resolution 2814 (2026), the council's president told reporters."})
	ans := askAnswered(t, newExtractive(t, st), "Under which resolution did the Security Council renew the office's mandate until January 2027?", true)
	if !strings.Contains(ans.Text, "2814") {
		t.Errorf("answer lacks the resolution's number: %s", ans.Text)
	}
	// An infobox's short line is no candidate of its own, and still tells it.
	st = openStoreWith(t, corpus.Document{Title: "Resolution 2699", Source: "Encyclopedia", URL: "https://example.org/2699",
		Text: "Security Council Resolution 2699, adopted on 2 October 2023, authorized a Kenya-led security mission in Haiti. " +
			"The resolution also extended a previous arms embargo. Date: 2 October 2023. Meeting no.: 9,430. Code: S/RES/2699."})
	for _, q := range []string{"At which Security Council meeting number was resolution 2699 adopted?",
		"What was the Security Council meeting number at which resolution 2699 was adopted?"} { // "what" before a label asks which
		ans = askAnswered(t, newExtractive(t, st), q, true)
		if !strings.Contains(ans.Text, "9,430") {
			t.Errorf("%q: answer lacks the meeting's number: %s", q, ans.Text)
		}
	}
}

// TestPronounChainNamesItsSubject: "Elle a été créée en 2019" is about
// BINUH, named two sentences before, through "C'est une mission civile".
func TestPronounChainNamesItsSubject(t *testing.T) {
	st := openStoreWith(t,
		corpus.Document{Title: "Le mandat du bureau renouvelé", Source: "Agence", URL: "https://example.org/binuh-fr", Lang: "fr",
			Published: time.Date(2026, 1, 30, 0, 0, 0, 0, time.UTC),
			Text: "Le Conseil de sécurité a renouvelé jeudi le mandat du BINUH jusqu'au 31 janvier 2027. " +
				"C'est une mission civile chargée de soutenir la stabilité politique et l'état de droit dans le pays. " +
				"Elle a été créée en 2019."},
		corpus.Document{Title: "Council extends political office", Source: "Wire", URL: "https://example.org/binuh-en",
			Published: time.Date(2024, 7, 12, 0, 0, 0, 0, time.UTC),
			Text: "The Security Council on Friday extended the mandate of BINUH for one year, until July 15, 2025. " +
				"The council asked BINUH to help set up a national dialogue."})
	ans := askAnswered(t, newExtractive(t, st), "In what year was BINUH set up?", true)
	if !strings.Contains(ans.Text, "2019") {
		t.Errorf("answer lacks the year BINUH was created: %s", ans.Text)
	}
}

// TestPartFigureFromPrimaryReport: a part asking a figure "by the end of
// 2024" is answered by the report's "$85 million had already been
// received", not by our note's summary of it, which holds the setting's
// words and no such figure.
func TestPartFigureFromPrimaryReport(t *testing.T) {
	st := openStoreWith(t,
		corpus.Document{Title: "Security Council approves the new force", Source: "EFE", URL: "https://example.org/efe",
			Published: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC),
			Text:      "While the mission had an estimated 600 million dollars operating budget for its first year, only 115 million dollars was raised."},
		corpus.Document{Title: "Mission to continue despite funding freeze", Source: "KBC", URL: "https://example.org/kbc",
			Published: time.Date(2025, 2, 6, 0, 0, 0, 0, time.UTC),
			Text: "The spokesman said the mission includes police from Guatemala, Jamaica and Belize. He further noted that as of the end of 2024 a total of $110 million had been pledged to the Trust Fund. " +
				"Of the amount, $85 million had already been received by the Trust Fund including contributions from the United States."},
		corpus.Document{Title: "Paying for the mission", Source: "Notes", Origin: document.BundledOrigin + "funding.md",
			Text: "By the end of 2024 pledges to the trust fund came to about $110 million, of which a smaller amount had actually been received."})
	ans := askAnswered(t, newExtractive(t, st), "what was the mission's estimated first-year operating budget, and how much had the trust fund actually received by the end of 2024?", true)
	if !strings.Contains(ans.Text, "85 million") {
		t.Errorf("the received part wants the report's figure: %s", ans.Text)
	}
}

// TestAmountSetBySentenceBefore: "how much got stuck when the Trump freeze
// hit": no report says "stuck"; the freeze is told the sentence before
// the amount it blocked.
func TestAmountSetBySentenceBefore(t *testing.T) {
	st := openStoreWith(t,
		corpus.Document{Title: "Washington freezes funding for the mission", Source: "Chronicle", URL: "https://example.org/freeze",
			Published: time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC),
			Text: "The United States has suspended its financial contribution to the mission. " +
				"The decision follows a broader freeze on U.S. aid imposed by Donald Trump on January 20. " +
				"The U.S. had already contributed $15 million to the fund, but the remaining $13.3 million has now been blocked."},
		corpus.Document{Title: "US freezes funding contributions", Source: "Wire", URL: "https://example.org/wire",
			Published: time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC),
			Text:      "Washington's funding freeze comes as part of President Donald Trump's push to slash overseas aid."},
		corpus.Document{Title: "Resolution 2699", Source: "Encyclopedia", URL: "https://example.org/2699",
			Published: time.Date(2023, 10, 3, 0, 0, 0, 0, time.UTC),
			Text:      "Kenya agreed to provide personnel, while the United States offered a maximum of $200 million."})
	ans := askAnswered(t, newExtractive(t, st), "how much did the US originally offer for the mission, and how much got stuck when the trump freeze hit?", true)
	if !strings.Contains(ans.Text, "200 million") || !strings.Contains(ans.Text, "13.3 million") {
		t.Errorf("each part wants its amount: %s", ans.Text)
	}
}

// TestAttributionNamesTheReport: "according to Crisis Group, why ..." is
// answered from the report Crisis Group published, not beside another
// report's sentence on the force's full strength.
func TestAttributionNamesTheReport(t *testing.T) {
	a := newExtractive(t, openStoreWith(t, []corpus.Document{
		{Title: "Can a foreign mission break the gangs?", Source: "International Crisis Group", URL: "https://example.org/icg", Published: day("2024-01-05"),
			Text: "A report by Crisis Group looks at the gangs of Haiti and the foreign mission. The mission should not deploy in force until it has sufficient troops, training and equipment to overpower the gangs."},
		{Title: "Force to reach strength", Source: "Wire", URL: "https://example.org/wire", Published: day("2026-03-21"),
			Text: "The foreign minister said the foreign force is expected to reach its full strength of 5,500 personnel by October."},
	}...))
	q := "According to Crisis Group, why should the foreign force hold off on deploying in full strength?"
	if ans := askAnswered(t, a, q, true); !strings.Contains(ans.Text, "should not deploy") || strings.Contains(ans.Text, "5,500") {
		t.Errorf("answer is not Crisis Group's: %s", ans.Text)
	}
	for q, want := range map[string]string{
		"per that intel brief, how long is the gap?":                          "per that intel brief",
		"how much are officers paid per month?":                               "",
		"What did the force do, according to the UN?":                         "according the un",
		"How many officers per contingent?":                                   "", // "per" inside a question divides
		"selon l'ONU, combien de déplacés ?":                                  "selon onu",
		"what did the north africa post say the court required?":              "what did the north africa post",
		"what un news said the mission faced":                                 "what un news",
		"who did the chronicle name as the largest donor?":                    "", // no verb of telling
		"how many personnel did the ayiti intel brief say the force deploys?": "did the ayiti intel brief",
		"how many displaced people did un news cite?":                         "did un news",
		"how big was the ceiling reported by un news?":                        "by un news",
		"how many had the violence displaced per the legalbrief story?":       "per the legalbrief story",
	} {
		if got := strings.Join(attribution(q), " "); got != want {
			t.Errorf("attribution(%q) = %q, want %q", q, got, want)
		}
	}
}

// TestBenefitAskedIsTheGainTold: "what would X have gained" is answered
// by the sentence telling what X could bring ("which could secure more
// structured funding"), not by one that tells of X alone.
func TestBenefitAskedIsTheGainTold(t *testing.T) {
	a := newExtractive(t, openStoreWith(t, corpus.Document{Title: "Calls for a UN force", Source: "Wire", URL: "https://example.org/pko",
		Published: day("2025-02-05"),
		Text: "Officials in New York last week discussed turning the security mission into a UN peacekeeping operation. " +
			"The Haitian authorities called for the mission to become a UN peacekeeping operation, which could secure more structured funding."}))
	r := mustRetrieve(t, a, "What would turning the security mission into a UN peacekeeping operation have gained?")
	if best := scoreSentences(r)[0]; !strings.Contains(best.text, "structured funding") {
		t.Errorf("the best sentence tells no gain: %q", best.text)
	}
}

// TestEachPartToldByItsOutlet: "..., and what did the harbour post say
// ..." is answered from the report whose source line names the Harbour
// Post, not from another that writes "harbour" in a sentence; and an
// outlet no passage names ("Lanterne Daily") is its report's source line,
// not a name the passages must hold.
func TestEachPartToldByItsOutlet(t *testing.T) {
	for _, outlet := range []string{"Harbour Post", "Lanterne Daily"} {
		a := newExtractive(t, openStoreWith(t, []corpus.Document{
			{Title: "Court on the deployment", Source: "North Wire", URL: "https://example.org/north", Published: day("2024-01-26"),
				Text: "The court required a reciprocal agreement between the two countries before any police deployment."},
			{Title: "Ruling on the police", Source: outlet, URL: "https://example.org/outlet", Published: day("2024-01-26"),
				Text: "The court ruled that the security council lacked the authority to deploy police abroad."},
			{Title: "Reactions", Source: "Wire", URL: "https://example.org/wire", Published: day("2024-01-27"),
				Text: "At the harbour, officials said the court ruled on the police deployment too quickly."},
		}...))
		q := "what did the north wire say the court required, and what did the " + outlet + " say the court ruled?"
		if ans := askAnswered(t, a, q, true); !strings.Contains(ans.Text, "lacked the authority") {
			t.Errorf("the second part is not the %s's: %s", outlet, ans.Text)
		}
	}
}

// TestNewerReportAddsNoDateAlone: for a question about the present, a
// newer report's sentence that holds little of the question is not
// quoted for being newer: the answer's date would be of a report that
// does not answer.
func TestNewerReportAddsNoDateAlone(t *testing.T) {
	st := openFixtureStore(t,
		corpus.Document{Title: "Envoy speaks on the new force", Source: "Wire", URL: "https://example.org/envoy",
			Published: time.Date(2025, 9, 26, 0, 0, 0, 0, time.UTC),
			Text: "The force would be mostly military, said Harold Vance, chargé d'affaires at the U.S. Embassy in Port-au-Prince. " +
				"Vance spoke during the General Assembly week in New York."},
		corpus.Document{Title: "Council renews the political office", Source: "Agency", URL: "https://example.org/renewal",
			Published: time.Date(2026, 1, 30, 0, 0, 0, 0, time.UTC),
			Text: "Gangs control about 90 percent of Port-au-Prince and the roads to the embassy, said ambassador Pierre Lemaire at the Council. " +
				"The office was renewed for another year by a unanimous vote."},
	)
	ans, err := newExtractive(t, st).Answer(context.Background(), Request{Question: "Who is the current US chargé d'affaires at the embassy in Port-au-Prince?"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "Vance") || strings.Contains(ans.Text, "Lemaire") {
		t.Errorf("want the envoy's report alone: %s", ans.Text)
	}
	if ans.AsOf == nil || ans.AsOf.Year() != 2025 {
		t.Errorf("as of %v, want the envoy's report's date", ans.AsOf)
	}
}

// TestEachPartGetsItsNumber: "which resolution ..., and which one ...?"
// asks two numbers; the report that tells the second deed gives its
// number in the sentence after.
func TestEachPartGetsItsNumber(t *testing.T) {
	st := openFixtureStore(t,
		corpus.Document{Title: "Council renews the political office", Source: "Wire", URL: "https://example.org/office",
			Published: time.Date(2024, 7, 12, 0, 0, 0, 0, time.UTC),
			Text: "The Security Council on Friday extended the mandate of the political office in Haiti for one year, until July 2025. " +
				"The Council, by unanimously adopting resolution 2743, asked all parties to agree on a road map for elections. " +
				"The office will keep its advisers on policing and prisons."},
		corpus.Document{Title: "A new force for Haiti", Source: "Agency", URL: "https://example.org/force",
			Published: time.Date(2025, 10, 2, 0, 0, 0, 0, time.UTC),
			Text:      "The anti-gang force was created on 30 September 2025 under Security Council resolution 2793, with support from partners."},
	)
	ans, err := newExtractive(t, st).Answer(context.Background(), Request{Question: "Which resolution created the anti-gang force, and which one extended the political office's mandate in July 2024?"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"2793", "2743"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("answer lacks %s: %s", want, ans.Text)
		}
	}
}

// TestWhyQuotesTheCauseItsReportTells: the cause of a replacement is told
// a few sentences after it, in words the question does not use; the
// answer quotes it beside the event.
func TestWhyQuotesTheCauseItsReportTells(t *testing.T) {
	a := newExtractive(t, openStoreWith(t, corpus.Document{Title: "Council authorizes a new force", Source: "Wire", URL: "https://example.org/new",
		Published: day("2025-09-30"),
		Text: "The Security Council authorized a new Gang Suppression Force in Haiti to replace the Kenyan-led mission, amid escalating gang violence. " +
			"The resolution was adopted by a vote of 12 in favour, with three abstentions. " +
			"The new force will protect vulnerable groups and help strengthen Haitian institutions. " +
			"The Multinational Security Support mission faced chronic underfunding and insufficient personnel, and could not contain the gangs."}))
	if ans := askAnswered(t, a, "Why was the Kenyan-led mission replaced by a new force?", true); !strings.Contains(ans.Text, "underfunding") {
		t.Errorf("answer lacks the cause: %s", ans.Text)
	}
}

// TestNewerReportOnSomethingElseDoesNotLead: "when are the first
// contingents currently expected to arrive" opens with, and is dated by,
// the report that says when they arrive, not a newer one quoted beside it
// on when the force reaches full strength.
func TestNewerReportOnSomethingElseDoesNotLead(t *testing.T) {
	a := newExtractive(t, openStoreWith(t, []corpus.Document{
		{Title: "First contingents expected in April", Source: "Wire", URL: "https://example.org/april", Published: day("2026-01-23"),
			Text: "The first contingents of the Gang Suppression Force are expected to arrive in Haiti in April, officials said."},
		{Title: "Chad to deploy", Source: "Wire", URL: "https://example.org/chad", Published: day("2026-03-21"),
			Text: "The foreign minister said the force is expected to reach its full strength of 5,500 personnel by October 2026."},
	}...))
	r, err := a.retrieve(context.Background(), Request{Question: "When are the first Gang Suppression Force contingents currently expected to arrive in Haiti?"})
	if err != nil || len(r.hits) != 2 {
		t.Fatalf("retrieval: %v, %d hits", err, len(r.hits))
	}
	var arrival, strength sentenceCandidate
	var cites []Citation
	for _, c := range scoreSentences(r) {
		d := r.hits[c.hit].Doc.Published
		cites = append(cites, Citation{DocID: r.hits[c.hit].DocID, Published: &d, Quote: c.text})
		if strings.Contains(c.text, "arrive") {
			arrival = c
		} else {
			strength = c
		}
	}
	if out := newestFirst(r, []sentenceCandidate{arrival, strength}); out[0].text != arrival.text {
		t.Errorf("the answer opens with %q", out[0].text)
	}
	if cites[0].Quote != arrival.text {
		cites[0], cites[1] = cites[1], cites[0]
	}
	if got := newestPublished(cites, r); got == nil || !got.Equal(day("2026-01-23")) {
		t.Errorf("as of %v, want 2026-01-23", got)
	}
}

// TestAttributedOutletNamedBySourceLine: "according to Ayiti Intel" names
// the outlet of a report, which its sentences need not repeat: the
// question is answered, and a question the report does not answer is not.
func TestAttributedOutletNamedBySourceLine(t *testing.T) {
	a := newExtractive(t, openStoreWith(t, corpus.Document{Title: "Situation report", Source: "Ayiti Intel", URL: "https://example.org/sitrep",
		Published: day("2026-01-22"),
		Text:      "The Gang Suppression Force currently deploys approximately 1,000 personnel in Haiti, most of them Kenyan police."}))
	askAnswered(t, a, "According to Ayiti Intel, how many personnel does the Gang Suppression Force have in Haiti?", true)
	askAnswered(t, a, "According to Ayiti Intel, who is the Gang Suppression Force's chief medical officer?", false)
}

// TestCauseOfAnotherThingGainsLess: "in order to" in a sentence holding
// little of a "why" is the cause of something else, and gains less than
// one in a sentence on what is asked.
func TestCauseOfAnotherThingGainsLess(t *testing.T) {
	s := "She also announced that new actors would be added to the sanctions list in order to combat gang violence."
	if on, off := causeGain(s, 0.5), causeGain(s, 0.05); on != causeBonus || off >= causeBonus/2 {
		t.Errorf("gain %v on the question, %v off it", on, off)
	}
	if g := causeGain("The council renewed the mandate for a year.", 0.9); g != 0 {
		t.Errorf("a sentence stating no cause gains %v", g)
	}
	// A shortcoming or an obstacle tells a cause without a cue word.
	for _, s := range []string{
		"The mission faced chronic underfunding and insufficient personnel.",
		"The officers faced restrictions that prevented them from pursuing the gangs.",
		"He acknowledged the challenges the mission faced.",
	} {
		if g := causeGain(s, 0.5); g != causeBonus {
			t.Errorf("%q gains %v", s, g)
		}
	}
}

// TestWhyQuotesAFurtherCauseOfItsReport: a sentence telling another cause
// is worth quoting from a report already quoted, though it repeats no
// further word of the question ("the challenges ... restrictions that
// prevented direct pursuit of armed gangs" after "despite financial
// constraints").
func TestWhyQuotesAFurtherCauseOfItsReport(t *testing.T) {
	a := newExtractive(t, openStoreWith(t, corpus.Document{Title: "Drawdown", Source: "Wire", URL: "https://example.org/drawdown",
		Published: day("2026-02-07"),
		Text: "The principal secretary said the Kenyan police mission in Haiti delivered results despite financial constraints. " +
			"The ministry confirmed that Kenya has handed over leadership to the new force. " +
			"Officials in Nairobi praised the officers for their service over the year. " +
			"The officers were also thanked by the Haitian government at a ceremony. " +
			"The principal secretary acknowledged restrictions that prevented the Kenyan police mission in Haiti from pursuing armed gangs."}))
	r := mustRetrieve(t, a, "According to the principal secretary, what held the Kenyan police mission in Haiti back?")
	picked := pickRest(r, askedWeights(r), scoreSentences(r))
	if !slices.ContainsFunc(picked, func(c sentenceCandidate) bool { return strings.Contains(c.text, "restrictions") }) {
		t.Errorf("the further cause is left out: %+v", picked)
	}
}

// TestMonthOfAnotherYearDoesNotCount: "in Sept 2024" is not placed by a
// sentence that names September beside 2025 only.
func TestMonthOfAnotherYearDoesNotCount(t *testing.T) {
	a := newExtractive(t, openStoreWith(t, corpus.Document{Title: "Fund", Source: "Wire", URL: "https://example.org/fund",
		Published: day("2025-02-05"),
		Text:      "The fund remains well resourced to support the mission until the end of September 2025. The council met in September 2024 on the draft."}))
	r, err := a.retrieve(context.Background(), Request{Question: "Why did the council shelve the draft in Sept 2024?"})
	if err != nil || len(r.hits) == 0 {
		t.Fatalf("retrieval: %v", err)
	}
	w := askedWeights(r)
	sents, bags := r.an.of(r.hits[0])
	if got := monthOfAnotherYear(r, w, sents[0], bags[0]); got <= 0 {
		t.Errorf("September 2025 counts for Sept 2024 (%v)", got)
	}
	if got := monthOfAnotherYear(r, w, sents[1], bags[1]); got != 0 {
		t.Errorf("September 2024 loses %v", got)
	}
}

// TestWhyOpensWithTheQuoteTellingTheCause: a "why" whose best sentence
// tells the event only opens with the further quote that tells its cause
// by a threat ("had threatened to impose their veto").
func TestWhyOpensWithTheQuoteTellingTheCause(t *testing.T) {
	a := newExtractive(t, openStoreWith(t, []corpus.Document{
		{Title: "Police division", Source: "Wire", URL: "https://example.org/police", Published: day("2024-09-20"),
			Text: "The UN police adviser approved turning the mission into a UN peacekeeping mission last week."},
		{Title: "Council renews", Source: "Wire", URL: "https://example.org/veto", Published: day("2024-09-30"),
			Text: "China and Russia had threatened to veto the draft of the United States to turn the mission into a UN peacekeeping mission."},
	}...))
	q := "Why did the US shelve its draft to turn the mission into a UN peacekeeping mission?"
	r, err := a.retrieve(context.Background(), Request{Question: q})
	if err != nil || len(r.hits) != 2 {
		t.Fatalf("retrieval: %v, %d hits", err, len(r.hits))
	}
	var event, threat sentenceCandidate
	for _, c := range scoreSentences(r) {
		if strings.Contains(c.text, "veto") {
			threat = c
		} else {
			event = c
		}
	}
	if out := groundLeads(r, askedWeights(r), []sentenceCandidate{event, threat}); out[0].text != threat.text || len(out) != 2 {
		t.Errorf("the answer opens with %q", out[0].text)
	}
	r.kind = TypeManner
	if out := groundLeads(r, askedWeights(r), []sentenceCandidate{event, threat}); out[0].text != event.text {
		t.Errorf("a how was reordered: %q", out[0].text)
	}
}

// TestFacetAskedIsTheFacetTold: a why/how question asking a thing's
// purpose, the condition it hangs on or the means it works or is paid for
// by is answered by the sentence telling that (reasonFacets), not by one
// that tells of the thing with another cause or none.
func TestFacetAskedIsTheFacetTold(t *testing.T) {
	for _, tc := range []struct{ q, other, told string }{
		{"What is the purpose of the complaints office the mission opened for residents?",
			"The mission opened the complaints office for residents late because of staff shortages.",
			"The complaints office the mission opened for residents aims to let them report abuses."},
		{"Under what conditions could the country send its police abroad?",
			"The country could send its police abroad soon because the minister backs it.",
			"The country could send its police abroad only if both governments sign an agreement."},
		{"How is the security mission paid for?",
			"The security mission is paid for, officials said on Monday.",
			"The security mission is paid for by voluntary contributions from member states and regional bodies."},
		{"Why is the security mission funded by member states?", // a plain "why" asks the cause, not the means
			"The security mission is funded by member states through voluntary contributions.",
			"The security mission is funded by member states because the UN budget cannot cover it."},
		{"How did the first officers manage to get to the capital?",
			"The first officers got to the capital after months of delay.",
			"The first officers got to the capital aboard a chartered plane."},
		// A clause setting the scene leaves the main clause's deed asked.
		{"Just after the mayor vowed to take the city back, what did protesters torch?",
			"The mayor said on Monday he would reclaim the city, district by district, as his new police chief stood beside him.",
			"Within hours of the pledge, protesters set fire to an empty police station in the town of Jacmel."},
	} {
		bestSentenceTells(t, tc.q, tc.other, tc.told, strings.HasPrefix)
	}
}

// bestSentenceTells asks q of a report holding other then told, and fails
// unless holds(best sentence, told).
func bestSentenceTells(t *testing.T, q, other, told string, holds func(best, told string) bool) {
	t.Helper()
	a := newExtractive(t, openStoreWith(t, corpus.Document{Title: "The mission", Source: "Wire", URL: "https://example.org/facet",
		Published: day("2025-02-05"), Text: other + " " + told}))
	if best := scoreSentences(mustRetrieve(t, a, q))[0]; !holds(best.text, told) {
		t.Errorf("%q: the best sentence does not tell it: %q", q, best.text)
	}
}

// TestFacetAskedIsTheSentenceScored: the best quote holds the sentence
// telling the facet asked, though it may run on from the one before.
func TestFacetAskedIsTheSentenceScored(t *testing.T) {
	for _, tc := range []struct{ q, other, told string }{
		{"per the court ruling, what would the country need in place to send its police abroad", // a need asks a condition
			"The country wanted to send its police abroad, and the court ruled on the plan on Friday.",
			"The country can only send its police abroad if both governments sign an agreement first."},
	} {
		bestSentenceTells(t, tc.q, tc.other, tc.told, strings.Contains)
	}
}

// TestFacetTells: the words a report tells a facet with are those of
// the facet the question asks, and none for a plain "why".
func TestFacetTells(t *testing.T) {
	for _, tc := range []struct {
		q, sentence string
		want        bool
	}{
		{"How does the office sort the complaints residents file?", "The complaints are categorised as either minor or serious.", true},
		{"How does the office sort the complaints residents file?", "The office was opened to let residents report abuses.", false},
		{"what would the country need in place to send police", "It can send police only if both countries agree.", true},
		{"why does the office sort the complaints", "The complaints are categorised as either minor or serious.", false}, // a plain why asks the cause
	} {
		if got := holdsRun(tc.sentence, facetTells(tc.q)); got != tc.want {
			t.Errorf("facetTells(%q) told by %q = %v, want %v", tc.q, tc.sentence, got, tc.want)
		}
	}
}

// TestWhoNamedAfterTheDeed: a "who" whose best sentence tells the deed
// and names no one is answered with the sentence a little further on
// that gives the name.
func TestWhoNamedAfterTheDeed(t *testing.T) {
	a := newExtractive(t, openStoreWith(t,
		corpus.Document{Title: "Officer killed in ambush", Source: "Wire", URL: "https://example.org/ambush", Published: day("2025-05-01"),
			Text: "A Kenyan officer was killed on Monday when his patrol was ambushed near a flooded bridge outside the capital. " +
				"The patrol had been sent to clear a road that gangs had blocked with burning tyres. " +
				"Residents said the shooting lasted for more than an hour. " +
				"The mission later confirmed that the dead man was Constable Peter Ouma, aged 31."},
		corpus.Document{Title: "Convoy", Source: "Wire", URL: "https://example.org/convoy", Published: day("2025-05-02"),
			Text: "A Kenyan convoy was ambushed near a bridge in the north, and officers returned fire."}))
	if ans := askAnswered(t, a, "who was the kenyan officer killed when the patrol was ambushed near the flooded bridge?", true); !strings.Contains(ans.Text, "Ouma") {
		t.Errorf("answer lacks the name: %s", ans.Text)
	}
}

// TestQuoteGoesOnToItsSpeaker: "what did X say" quotes what the speaker
// goes on saying, told by a pronoun ("he clarified"), not the first
// sentence alone.
func TestQuoteGoesOnToItsSpeaker(t *testing.T) {
	st := openFixtureStore(t, corpus.Document{Title: "Ministry halts the deployment", Source: "Wire", URL: "https://example.org/halt",
		Published: time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC),
		Text: "The ministry paused the deployment of its officers abroad. " +
			"\"The situation on the ground has changed completely,\" said Jane Omondi, the ministry's spokesperson. " +
			"\"Without a partner government there, the mission has nothing to stand on,\" she explained. " +
			"Talks with donors continue in Geneva next month."})
	ans, err := newExtractive(t, st).Answer(context.Background(), Request{Question: "What did Omondi say when the ministry paused the deployment?"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "nothing to stand on") {
		t.Errorf("answer stops before the speaker goes on: %s", ans.Text)
	}
}

func TestSettingWords(t *testing.T) {
	for part, want := range map[string][]string{
		"what did ruto say about the mission after the second officer died?": {"second", "officer", "died"},
		"what reason did sing'oei give when kenya suspended the deployment":  {"kenya", "suspended", "deployment"},
		"what did pm fils-aime say the 217 reinforcements meant?":            nil,
	} {
		got := slices.Sorted(maps.Keys(settingWords(part)))
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("settingWords(%q) = %q, want %q", part, got, want)
		}
	}
}

// TestPartSetInItsReport: a part asking what someone said after an event
// is answered by the sentence naming the speaker in the report telling
// that event, not by another report's sentence on the speaker, nor by the
// event's sentence that does not name them.
func TestPartSetInItsReport(t *testing.T) {
	st := openStoreWith(t,
		corpus.Document{Title: "Officers resign over pay", Source: "Reuters", URL: "https://example.org/resign",
			Published: time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC),
			Text:      "Reuters reported that some officers quit the mission over pay delays and poor conditions."},
		corpus.Document{Title: "Second officer killed", Source: "Wire", URL: "https://example.org/second",
			Published: time.Date(2025, 3, 28, 0, 0, 0, 0, time.UTC),
			Text: "He is the second Kenyan officer to be killed since the force began deploying. " +
				"There has been opposition at home to the deployment. " +
				"President William Ruto, however, has reaffirmed his country's commitment to the mission."},
		corpus.Document{Title: "Ruto sees police off", Source: "Paper", URL: "https://example.org/off",
			Published: time.Date(2024, 6, 24, 0, 0, 0, 0, time.UTC),
			Text:      "President William Ruto saw the police off in Nairobi, in what he described as a historic mission of solidarity."})
	ans := askAnswered(t, newExtractive(t, st), "why did reuters say officers quit, and what did ruto say about the mission after the second officer was killed?", true)
	if !strings.Contains(ans.Text, "reaffirmed") {
		t.Errorf("the second part wants Ruto's words in the report of the second death: %s", ans.Text)
	}
}
