package brief

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

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
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	tests := []struct {
		q    string
		want []string
	}{
		{"What is the capital of Mongolia?", []string{"mongolia"}},
		{"Kenya sent how many officers?", nil},                  // sentence-initial: could be any word
		{"When did the UN Security Council back the MSS?", nil}, // "UN" has too many spellings to require; the Council and "MSS" are glossary names
		{"What did the Mongolian Senate decide?", []string{"mongolian", "senate"}},
		{"Who won the 2022 World Cup? Was it France?", []string{"world", "cup", "france"}},
		{"WHAT IS THE CAPITAL OF MONGOLIA?", nil},
		{"Explain The Funding Of The Mission", nil},
		{"What happened in Haiti on 30 September?", []string{"haiti"}},                       // months are not names
		{"On what grounds did Justice Mwita block it?", []string{"mwita"}},                   // a title is not a name
		{"Why did the Justice Ministry object?", []string{"ministry"}},                       // a title-like word before a name is left out; the rest still counts
		{"What did the Kenyan-led force and the UN-side reporting say?", []string{"kenyan"}}, // of a hyphened word, its capitalised parts
		{"Who funds the Haiti-bound Mongolian troops?", []string{"haiti", "mongolian"}},
		{"Did the UN-side reporting give a figure?", nil}, // of "UN-side" only the capitalised piece names, and "UN" is too loose
	}
	for _, tt := range tests {
		if got := an.namedTerms(tt.q); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("namedTerms(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestQuestionTypeAndMeets(t *testing.T) {
	tests := []struct {
		q, sentence string
		kind        AnswerType
		met         bool
	}{
		{"How many officers did Kenya send?", "Kenya sent 400 officers.", TypeCount, true},
		{"How many officers did Kenya send?", "Kenya sent officers in June 2024.", TypeCount, false},
		{"How many officers did Kenya send?", "They arrived on 25 June.", TypeCount, false},
		{"How many helicopters arrived?", "Three helicopters arrived.", TypeCount, true},
		{"How many resolutions?", "Resolution 2751 renewed it.", TypeCount, false},
		{"What is the number of the resolution that renewed it?", "It was adopted as resolution 2814.", TypeOther, true}, // a number naming one thing
		{"What is the number of resolutions on Haiti?", "There were five resolutions.", TypeCount, true},
		{"When did the officers land?", "They landed on 25 June 2024.", TypeDate, true},
		{"How old was the officer?", "The officer, 26-year-old Constable Kitwai, died.", TypeAge, true},
		{"Quel jour les policiers sont-ils arrivés ?", "Ils sont arrivés mardi 25 juin 2024.", TypeDate, true},        // "quel jour" asks a day, as "what day" does
		{"Combien de temps la MINUSTAH est-elle restée ?", "La mission est restée de 2004 à 2017.", TypeLength, true}, // the longer cue at the same place
		{"How long would the money keep the mission going?", "The fund will support it until the end of September 2025.", TypeLength, true},
		{"How long would the money keep the mission going?", "The council approved the mission in October last year.", TypeLength, false}, // a date alone is no span
		{"Which members threatened a veto when the US floated it?", "China and Russia threatened a veto.", TypeOther, true},               // "when" starts a clause
		{"What's the latest on when the force hits full strength?", "It should reach full strength by October.", TypeDate, true},          // "on when" asks when
		{"What errand was the team on when the officer was shot?", "They were recovering a vehicle.", TypeManner, true},                   // "was on" is no asking "on"; an errand is a manner
		{"Is it true that a number of the officers quit over pay?", "Some officers quit over pay.", TypeYesNo, true},                      // "a number of" says some
		{"Did a large number of officers quit?", "Some officers quit.", TypeYesNo, true},
		{"Names of the two officers killed?", "Constable Samuel Kitwai was killed.", TypeWho, true},
		{"The UN and Kenya gave different figures for the money frozen. What were the two figures?", "It would stop $13.3 million.", TypeAmount, true}, // two figures of money
		{"Two reports disagree on the force. What were the two numbers?", "It has 410 officers.", TypeCount, true},
		{"How come Washington wants soldiers?", "It wants soldiers because of the urban combat.", TypeReason, true},
		{"What's behind the delay?", "The delay is due to a lack of funding.", TypeReason, true},
		{"According to the minister, what held the mission back?", "Its mandate held it back, because it could not pursue gangs.", TypeReason, true}, // an obstacle is a cause
		{"what stopped the police going after the gangs directly", "They could not, due to a narrow mandate.", TypeReason, true},
		{"Under what conditions could Kenya send police?", "It may send them because the court allowed it.", TypeReason, true}, // a condition is asked as a reason
		{"What is the purpose of the complaints office?", "It opened because abuses went unreported.", TypeReason, true},
		{"By what means will the council stop the arms?", "It will inspect cargo.", TypeManner, true},
		// "At what time" asks an hour or a part of the day, in either language.
		{"At what time did the officers board their flight?", "Peu après minuit, les policiers ont embarqué.", TypeTime, true},
		{"at what time did the officers board", "They boarded at 11:30 p.m. on Monday.", TypeTime, true},
		{"À quelle heure l'avion a-t-il atterri ?", "The plane landed at 9am.", TypeTime, true},
		{"At what time did the officers board their flight?", "The officers took to the streets for the first time on Friday.", TypeTime, false}, // a day, no hour
		{"What time frame did the council set?", "The council set a deadline of six months.", TypeOther, true},                                   // a time frame is no hour
		{"Comment se fait-il que le Kenya parte ?", "Le Kenya part en raison du manque de fonds.", TypeReason, true},
		{"How old was the officer?", "The officer died on 26 May with 26 others.", TypeAge, false},
		{"Quel âge avait le policier ?", "Le policier, âgé de 26 ans, est mort.", TypeAge, true},
		// A leading clause sets the scene; the question follows it.
		{"When Washington froze the fund, how much had it raised?", "It had raised $115 million.", TypeAmount, true},
		{"After the court ruled, which countries still pledged troops?", "Jamaica and Chad pledged troops.", TypeWho, true},
		{"Of the money pledged, how many dollars had been received?", "It had received $85 million.", TypeAmount, true}, // a partitive scene
		{"What years did the mission run?", "It ran from June 2004 until October 2017.", TypeDate, true},
		{"Combien le Canada a-t-il versé au fonds ?", "Le Canada a versé 63 millions de dollars.", TypeAmount, true},    // a payment's "combien" asks how much money
		{"combien d'hélicoptères le salvador avait promis", "El Salvador promised three helicopters.", TypeCount, true}, // "combien d'" counts a thing, though a payment verb follows
		{"Combien de soldats le Tchad a-t-il promis ?", "Chad offered 1,500 soldiers.", TypeCount, true},
		{"Combien de policiers le Canada a-t-il payés ?", "Le Canada a payé 63 policiers.", TypeCount, true}, // counting police, paid or not
		{"Au moment où Washington a gelé sa contribution, combien de policiers étaient déployés ?", "Il y avait 400 policiers.", TypeCount, true},
		{"When did the officers land, and how many were they?", "They landed on 25 June 2024.", TypeDate, true},
		{"When the officers landed, were they armed?", "They were armed.", TypeYesNo, true},
		{"At the time of the renewal, how many officers were there?", "It had 410 officers.", TypeCount, true},
		{"Under the new mandate, who leads the force?", "Jack Christofides leads it.", TypeWho, true},
		{"At what time did the officers land?", "They landed just after midnight.", TypeTime, true}, // no scene set: the question itself, which asks an hour
		{"What was the reason Nairobi gave?", "Kenya paused following the resignation.", TypeReason, true},
		{"GSF budget for year one, in dollars?", "The force had a budget of $600 million.", TypeAmount, true},
		{"GSF budget for year one, in dollars?", "The force was authorized in 2025.", TypeAmount, false},
		{"On what legal grounds did the court rule?", "It ruled because no reciprocal deal existed.", TypeReason, true},
		{"When did the officers land?", "They landed at the airport.", TypeDate, false},
		{"Who leads the mission?", "The mission is led by Kenya.", TypeWho, true},
		{"Who leads the mission?", "the mission is led by a commander.", TypeWho, false},
		{"Why did the court block it?", "The court ruled it unconstitutional because no reciprocal deal existed.", TypeReason, true},
		{"Why did the court block it?", "The court blocked the deployment.", TypeReason, false},
		{"How much did Canada pledge?", "Canada pledged $60 million.", TypeAmount, true},
		{"How much did Canada pledge?", "Canada pledged support in 2023.", TypeAmount, false},
		{"Combien de policiers?", "Le Kenya a envoyé 400 policiers.", TypeCount, true},
		{"Quand la résolution a-t-elle été adoptée ?", "Adoptée le 30 septembre.", TypeDate, true},
		{"Is Kenya still leading the force?", "Kenya leads it.", TypeYesNo, true},
		// A wire dateline dates the report, not what it tells.
		{"When was the office set up?", "UNITED NATIONS, July 12 (Xinhua) -- The Council extended the office's mandate.", TypeDate, false},
		{"When was the office set up?", "UNITED NATIONS, July 12 (Xinhua) -- The office was set up in 2019.", TypeDate, true},
		// A span of time answers how long.
		{"How long does the Secretary-General have?", "He has six months to set up the office.", TypeLength, true},
		{"How long does the Secretary-General have?", "He has several options to set up the office.", TypeLength, false},
		// ... and does not date anything.
		{"On what date will the elections be held?", "The council asked for a road map within 90 days.", TypeDate, false},
		{"By what margin did the resolution pass?", "It passed with 13 votes in favour.", TypeCount, true},
		// A year's digits are never grouped: "2,000 men" counts.
		{"How many men did Benin offer?", "Benin announced around 2,000 men.", TypeCount, true},
		{"How many men did Benin offer?", "Benin announced men in 2000.", TypeCount, false},
	}
	for _, tt := range tests {
		if got := questionType(tt.q); got != tt.kind {
			t.Errorf("questionType(%q) = %v, want %v", tt.q, got, tt.kind)
		}
		if got := meetsType(questionType(tt.q), tt.sentence); got != tt.met {
			t.Errorf("type of %q met by %q = %v, want %v", tt.q, tt.sentence, got, tt.met)
		}
	}
}

func TestAsksAboutPresent(t *testing.T) {
	for q, want := range map[string]bool{
		"Is Kenya still leading the force?":          true,
		"Who leads the force now?":                   true,
		"Qui dirige actuellement la force ?":         true,
		"What is the latest troop figure?":           true,
		"When did Kenya's first officers arrive?":    false,
		"who's the UN's top official at the moment?": true,
		"what was the moment it changed?":            false,
		"When are the next contingents due?":         true,  // what comes next, the newest reports plan
		"How many gang members arrested so far?":     true,  // a running total: the newest report
		"names of both officers killed so far?":      false, // a set of two, each of its own date
		"which two countries lead the force now?":    true,
		"as things stand, how many are displaced?":   true,
		"does kenya lead the force anymore":          true,
		"Is Kenya no longer leading the mission?":    true,
		"what is the gsf's strength at this point":   true,
		"what is the present strength of the force?": true,
		"Were they present at the vote?":             false,
		"Combien de policiers à ce jour ?":           true,
	} {
		if got := asksAboutPresent(q); got != want {
			t.Errorf("asksAboutPresent(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestWithoutPastBack(t *testing.T) {
	tests := []struct {
		q, word string
		kept    bool
	}{
		{"why did kenya pause it back in march 2024?", "back", false},
		{"back when the council voted, who abstained?", "back", false},
		{"what did the backers pledge back then?", "back", false},
		{"which countries back the force?", "back", true},
		{"when did the officers come back in the end?", "back", true}, // a return, not a time
		{"did the first contingent fly back in a plane", "back", true},
		{"right after the vote, what did the rights groups say?", "right", false},
		{"right after the vote, what did the rights groups say?", "rights", true},
	}
	for _, tt := range tests {
		if got := slices.Contains(contentTerms(withoutPastBack(tt.q)), tt.word); got != tt.kept {
			t.Errorf("withoutPastBack(%q) keeps %q = %v, want %v", tt.q, tt.word, got, tt.kept)
		}
	}
}

// TestBareRightPartBorrows: a right part that is only its question asks
// it of what the left part names; one asking who does not.
func TestBareRightPartBorrows(t *testing.T) {
	for q, want := range map[string]bool{
		"What resolution renewed BINUH in January 2026, and until what year?":    true,
		"How many Kenyans landed in Haiti, and on what date?":                    true,
		"Is Kenya scaling back its police in Haiti, and which official said so?": false,
	} {
		parts := subQueries(q)
		if len(parts) != 2 {
			t.Fatalf("subQueries(%q) = %q, want two parts", q, parts)
		}
		if got := slices.Contains(contentTerms(parts[1]), "haiti") || slices.Contains(contentTerms(parts[1]), "binuh"); got != want {
			t.Errorf("right part of %q = %q: borrows the left's words = %v, want %v", q, parts[1], got, want)
		}
	}
}

func TestSubQueries(t *testing.T) {
	tests := []struct {
		q    string
		want int
	}{
		{"How did the force's size change between the first mandate and the Gang Suppression Force?", 2},
		{"What did Kenya and Haiti agree?", 0},
		{"Compare resolution 2699 and resolution 2793", 2},
		{"compare what the minister said held the mission back with what the UN reported it faced", 2}, // an opening "compare ... with"
		{"is there any channel for complaints? what grievances does it sort into", 2},                  // a second question after the question mark
		{"is there any channel for complaints? think so", 0},
	}
	for _, tt := range tests {
		if got := subQueries(tt.q); len(got) != tt.want {
			t.Errorf("subQueries(%q) = %q, want %d parts", tt.q, got, tt.want)
		}
	}
	// Each part is a whole question: an ordinal pair is split around its
	// noun, and a right part that names no thing borrows the left's.
	for q, want := range map[string][]string{
		"Who were the first and second Kenyan officers killed in Haiti?": {"who were the first kenyan officers killed in haiti?",
			"who were the second kenyan officers killed in haiti?"},
		"How many officers came first, and how many with the January reinforcement?": {"how many officers came first,",
			"how many with the january reinforcement? officers"},
		"How did the planned size compare with the size authorized for the new force?": {"how did the planned size",
			"the size authorized for the new force?"},
		// French, and a right part whose cue names its thing ("quelle
		// ville"): it borrows nothing.
		"Quel âge avait le policier tué, et dans quelle ville a-t-il été abattu ?": {"quel âge avait le policier tué,",
			"dans quelle ville a-t-il été abattu ?"},
		"Who appointed him, and in which town did he arrive?": {"who appointed him,", "in which town did he arrive?"},
		"How was he killed — what was his group doing?":       {"how was he killed,", "what was his group doing?"},
		// "it" is the left's subject: the right part names it, unless it
		// names someone itself.
		"What did Chad offer at the conference, and what is it now set to deploy?": {"what did chad offer at the conference,",
			"what is it now set to deploy? chad"},
		// Typed in lower case, the subject stands before the deed of a
		// left part in a statement's order.
		"chad offered how many soldiers at the conference, and how many is it now set to deploy?": {"chad offered how many soldiers at the conference,",
			"how many is it now set to deploy? chad"},
		"Who was the GSF's special rep, and when did he say the GSF would arrive?": {"who was the gsf's special rep,",
			"when did he say the gsf would arrive?"},
		// A right part with a subject of its own does not borrow the
		// left's thing.
		"What was the first-year budget, and how much had the trust fund received by 2025?": {"what was the first-year budget,",
			"how much had the trust fund received by 2025?"},
		// Nor does one with a verb of its own, pointing back or not: it
		// asks what "it" sent, not the left's batch.
		"How big was the first batch, and how many did it send later as reinforcements?": {"how big was the first batch,",
			"how many did it send later as reinforcements?"},
		// A right part that is only another setting asks the left's
		// question in it.
		"how big was the MSS when the council renewed it vs when it got folded into the GSF?": {"how big was the mss when the council renewed it",
			"how big was the mss when it got folded into the gsf?"},
		// Two sources set against each other give a part each: the
		// figure each says.
		"The UN and Kenya gave different figures for the money held back by the freeze. What were the two figures?": {
			"how much did the un say was the money held back by the freeze", "how much did kenya say was the money held back by the freeze"},
		// A statement, then two asks of it: each ask is of the statement.
		"BINUH got renewed in Jan 2026 - until when, and what's the resolution number?": {"until when binuh got renewed in jan 2026",
			"what's the resolution number? binuh got renewed in jan 2026"},
		// A time asked of nothing but its cue is asked of the left's
		// subject; an ask pointing back ("said so") keeps its words.
		"What resolution renewed BINUH in January 2026, and until what year?": {"what resolution renewed binuh in january 2026,",
			"until what year? renewed binuh january 2026"},
		"Is Kenya scaling back its police in Haiti, and which official said so?": {"is kenya scaling back its police in haiti,", "which official said so?"},
		// A closing ask that names only a measure says what both sides
		// give: it is no part of the right side.
		"Chad's troop offer at the conference vs what it's now set to send — what are the two numbers?": {"chad's troop offer at the conference",
			"what it's now set to send chad"},
		"The US pledge at the launch vs what it has paid in — what are the two amounts?": {"the us pledge at the launch",
			"what it has paid in"},
		// A right part that only tells its side apart borrows the left's
		// frame, less the left's year and name.
		"How did the 2023 MSS resolution pass versus the 2025 GSF one?": {"how did the 2023 mss resolution pass",
			"how did the resolution pass the 2025 gsf one?"},
		// A right part standing for the left's closing setting takes its
		// place: the reinforcement is not asked of the first batch.
		"how many kenyan cops in the first batch vs the 2025 reinforcement": {"how many kenyan cops in the first batch",
			"how many kenyan cops in the 2025 reinforcement"},
		// A right part that is only another subject takes the left's
		// subject's place, with its own setting and not the left's outlet.
		"when was the mss authorized vs the gsf": {"when was the mss authorized", "when was the gsf authorized"},
		"how many personnel does the gsf deploy per ayiti intel vs the mss at the 2751 renewal": {
			"how many personnel does the gsf deploy per ayiti intel", "how many personnel does the mss deploy at the 2751 renewal"},
		// "the one" is the left's noun written between the same words;
		// each side, a vote asked, is read as its tally.
		"How did the Council vote on the resolution creating the MSS compare with the vote on the one creating the GSF?": {
			"how many votes were cast in the vote on the resolution creating the mss",
			"how many votes were cast in the vote on the resolution creating the gsf?"},
		// "how does A differ from B" asks what each side is.
		"How does the GSF's assigned job differ from what the original 2023 mission was tasked with?": {
			"what is the gsf's assigned job", "what the original 2023 mission was tasked with?"},
		"how is the new force's job different from what the minister said the old one focused on": {
			"what is the new force's job", "what the minister said the old one focused on"},
		// The left's question word and another setting: the left's
		// question asked in that setting.
		"who spoke for the us at the council when the mss got renewed in 2024, and who when the gsf was approved": {
			"who spoke for the us at the council when the mss got renewed in 2024,",
			"who spoke for the us at the council when the gsf was approved"},
		// "which one" is the thing the left part asks for.
		"Which resolution created the force, and which one extended the office's mandate?": {"which resolution created the force,",
			"which resolution extended the office's mandate?"},
	} {
		if got := subQueries(q); !slices.Equal(got, want) {
			t.Errorf("subQueries(%q) = %q, want %q", q, got, want)
		}
	}
}

// TestVoteAsTally: a part asking how a vote went asks its tally; a part
// asking when, or who chaired it, or how one member voted, does not.
func TestVoteAsTally(t *testing.T) {
	for part, want := range map[string]string{
		"how did the security council vote on the gsf resolution": "how many votes were cast in the vote on the gsf resolution",
		"how did the unsc vote on 2699":                           "how many votes were cast in the vote on 2699",
		"the vote that first authorized the mss?":                 "how many votes were cast in the vote that first authorized the mss?",
		"what was the council vote on the 2024 renewal":           "how many votes were cast in the vote on the 2024 renewal",
		"how did the vote on resolution 2793 go":                  "how many votes were cast in the vote on resolution 2793 go",
		"when did the council vote on the gsf":                    "when did the council vote on the gsf",
		"who chaired the vote on resolution 2751":                 "who chaired the vote on resolution 2751",
		"how did china vote?":                                     "how did china vote?",
		"the votes of kenya's parliament":                         "the votes of kenya's parliament",
	} {
		if got := voteAsTally(part); got != want {
			t.Errorf("voteAsTally(%q) = %q, want %q", part, got, want)
		}
	}
}

// TestDifferingSides: "how does A differ from B" gives what each side is;
// a question without "how" and its auxiliary before the verb gives none.
func TestDifferingSides(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"how does the gsf's job differ from what the mss did", []string{"what is the gsf's job", "what the mss did"}},
		{"how was the new mandate different from the old one", []string{"what is the new mandate", "the old one"}},
		{"why does the gsf differ from the mss", nil},
		{"how does it differ from", nil},
	}
	for _, tt := range tests {
		if got := differingSides(tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("differingSides(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestWithoutAskedWord: the left's question word before a setting is left
// out, so that the setting borrows the left's question; a question word the
// left does not ask, or one followed by its own verb, stays.
func TestWithoutAskedWord(t *testing.T) {
	tests := []struct{ left, right, want string }{
		{"who spoke when the mss was renewed", "who when the gsf was approved", "when the gsf was approved"},
		{"who spoke when the mss was renewed", "how many when the gsf was approved", "how many when the gsf was approved"},
		{"who spoke when the mss was renewed", "who approved the gsf", "who approved the gsf"},
		{"how many police were there when the mss was renewed", "how many when the gsf took over", "when the gsf took over"},
	}
	for _, tt := range tests {
		if got := withoutAskedWord(tt.left, tt.right); got != tt.want {
			t.Errorf("withoutAskedWord(%q, %q) = %q, want %q", tt.left, tt.right, got, tt.want)
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

func TestFuseDiversifyMerge(t *testing.T) {
	h := func(ids ...int64) []corpus.Hit {
		var out []corpus.Hit
		for _, id := range ids {
			out = append(out, corpus.Hit{Passage: corpus.Passage{ID: id, DocID: string(rune('a' + id%3))}})
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
	// 1 is second and first: fused, it leads.
	if got := ids(fuse([][]corpus.Hit{h(2, 1, 3), h(1, 4, 5)})); got[0] != 1 {
		t.Errorf("fuse = %v, want 1 first", got)
	}
	// Documents: 3,6,9,12 are "a"; 1,4 are "b". Only maxPerDocument (3) of "a" in the first places.
	if got := ids(diversify(h(3, 6, 9, 12, 1, 4), 5)); !reflect.DeepEqual(got, []int64{3, 6, 9, 1, 4}) {
		t.Errorf("diversify = %v", got)
	}
	if got := ids(mergeHits(h(7, 8), h(1, 7, 2, 3), 4)); !reflect.DeepEqual(got, []int64{7, 8, 1, 2}) {
		t.Errorf("mergeHits = %v", got)
	}
}

func TestHasPersonName(t *testing.T) {
	for s, want := range map[string]bool{
		"The force is led by Godfrey Otunge, a senior officer.":           true,
		"But on Friday, judge Enock Chacha Mwita ruled against the plan.": true,
		"A Kenyan High Court has ruled against the plan.":                 false,
		"The United Nations Security Council adopted the text.":           false,
		"Troops came from Kenya, Jamaica, Belize and the Bahamas.":        false,
		"It was adopted on Monday September 30.":                          false,
		"Government Spokesperson Isaac Mwaura reiterated the point.":      true,
		"But High Court Judge Chacha Mwita ruled on Friday.":              true,
		"Speaking to reporters, President Ruto said so.":                  true,
		"Islamabad (APP - UrduPoint / Pakistan Point News - 5th Feb).":    false,
		"It replaces the Gang Suppression Force mandate.":                 false,
		"Mike Waltz, the US ambassador, welcomed the vote.":               true,
		"But Kenyan officials said no.":                                   false,
		"The officer, Police Constable Samuel Kitwai, was the first.":     true,
		"Troops from Guatemala and El Salvador arrived on Friday.":        false, // a place of the paraphrase groups
		"PORT-AU-PRINCE, Haiti (Reuters): A contingent arrived.":          false, // a bracket opens another name
		"Jamaica deployed first and The Bahamas joined later.":            false, // no person's name opens with an article
		"Two Central American states came in at the turn of 2025.":        false, // a count opening the sentence is no name's word
		"South Asian nations Bangladesh and Sri Lanka also stepped up.":   false, // places and their peoples (lexicon places.txt)
	} {
		if got := hasPersonName(s); got != want {
			t.Errorf("hasPersonName(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestStatesCause(t *testing.T) {
	for s, want := range map[string]bool{
		"The mission is colored as military due to the urban combat nature of it.":  true,
		"Officers resigned because their pay was late.":                             true,
		"La mission a été suspendue en raison de la démission du Premier ministre.": true,
		"The military force would be larger than the police mission.":               false,
		"He said the mission would go on.":                                          false,
		"The fund was set up in response to the council's call.":                    true,
		"Concerns loom against the backdrop of violations by the last mission.":     true,
		"Kenya is reassessing its commitment in light of recent developments.":      true,
		"Le contingent est parti à la suite de la démission du Premier ministre.":   true,
	} {
		if got := statesCause(s); got != want {
			t.Errorf("statesCause(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestNamesPlace(t *testing.T) {
	for s, want := range map[string]bool{
		"The officer was shot during an operation in the town of Pont-Sondé.": true,
		"Leur avion a atterri à l'aéroport Toussaint Louverture.":             true,
		"The officer, Constable Samuel Kitwai, is the first casualty.":        false,
		"Kenya sent more officers in January.":                                false,
	} {
		if got := namesPlace(s); got != want {
			t.Errorf("namesPlace(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestWithoutPresentCues(t *testing.T) {
	for q, want := range map[string]string{
		"What is the force called these days?":   "What is the force called ?",
		"Who currently leads BINUH?":             "Who leads BINUH?",
		"How many officers so far, as of today?": "How many officers , ?",
		"When did the first officers arrive?":    "When did the first officers arrive?",
	} {
		if got := strings.Join(strings.Fields(withoutRuns(q, presentCues)), " "); got != want {
			t.Errorf("withoutRuns(%q) = %q, want %q", q, got, want)
		}
	}
}

func TestAsksForTwo(t *testing.T) {
	for q, want := range map[string]bool{
		"Names of the two Kenyan officers killed?": true,
		"Did both resolutions pass?":               true,
		"Quels sont les deux policiers tués ?":     true,
		"Who was the first Kenyan officer killed?": false,
		"How many officers arrived on 2 July?":     false,
	} {
		if got := asksForTwo(q); got != want {
			t.Errorf("asksForTwo(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestMainClause(t *testing.T) {
	tests := []struct{ q, want string }{
		{"When Washington froze the fund, how much had it raised?", "how much had it raised?"},
		{"Parliament approved the deployment in November: what was the vote tally?", "what was the vote tally?"},
		{"MSS money: what was the first-year budget?", "what was the first-year budget?"},
		{"Who spoke at 10:30: the envoy?", "Who spoke at 10:30: the envoy?"},                     // a question before the colon
		{"The deployment: more police or soldiers?", "The deployment: more police or soldiers?"}, // no question word after it
		{"When did the officers land?", "When did the officers land?"},
		{"What did Ruto say: who would pay?", "What did Ruto say: who would pay?"}, // a question before the colon, not a statement
		{"Is it true: who pays?", "Is it true: who pays?"},
		{"under res 2743 how many staff can the unit have?", "how many staff can the unit have?"},                       // typed without its comma
		{"back when the council approved it, how much did the US offer?", "how much did the US offer?"},                 // a lead before the opener
		{"When the council approved the force, what was the most the US offered?", "what was the most the US offered?"}, // "what" asks by itself
		{"When the council approved the force, and what did it cost?", "When the council approved the force, and what did it cost?"},
		{"Of the money promised to the fund, how much had been paid in?", "how much had been paid in?"},
		{"back when the council first approved it, what was the most cash offered?", "what was the most cash offered?"},
	}
	for _, tt := range tests {
		if got := mainClause(tt.q); got != tt.want {
			t.Errorf("mainClause(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestBeforeSetting: a setting after what the question asks is cut from
// what it asks of a sentence.
func TestBeforeSetting(t *testing.T) {
	for q, want := range map[string]string{
		"how much had the trust fund received by the end of 2024?":              "how much had the trust fund received",
		"how big was the MSS when the council renewed it?":                      "how big was the MSS",
		"how many soldiers did Chad offer at the New York conference":           "how many soldiers did Chad offer at the New York conference",
		"how many officers were sent by Kenya?":                                 "how many officers were sent by Kenya?",
		"how much money was held back by the funding freeze?":                   "how much money was held back by the funding freeze?",
		"how many had arrived by March?":                                        "how many had arrived",
		"Which country held the presidency when res 2699 was adopted?":          "Which country held the presidency",
		"Names of the two officers killed while serving with the mission?":      "Names of the two officers killed",
		"When did the first contingent arrive?":                                 "When did the first contingent arrive?",
		"Which crew torched the town hall right after the PM vowed to act?":     "Which crew torched the town hall",
		"how many of the officers were Kenyan?":                                 "how many of the officers were Kenyan?",
		"how many officers did Kenya have at the time of the conference?":       "how many officers did Kenya have",
		"how many officers were there by the time the vote came?":               "how many officers were there",
		"combien de déplacés internes en haïti au moment où la frg a été créée": "combien de déplacés internes en haïti",
		"combien de policiers le Kenya avait-il à l'époque du vote ?":           "combien de policiers le Kenya avait-il",
	} {
		if got := beforeSetting(q); got != want {
			t.Errorf("beforeSetting(%q) = %q, want %q", q, got, want)
		}
	}
}

func TestIsByline(t *testing.T) {
	for s, want := range map[string]bool{
		"Jacqueline Charles, Miami Herald":                        true,
		"By Tom Odula, Associated Press":                          true,
		"Meeting no.: 9,430.":                                     false,
		"Kenya, Jamaica and Belize sent officers.":                false,
		"MSS Deputy Force Commander: Colonel Kevron Henry":        false, // no comma, and too long
		"Force Commander Godfrey Otunge":                          false, // no comma: a role and its holder
		"Kenya, Jamaica, Belize, Bahamas, Guatemala, El Salvador": false, // too long: a list of names
	} {
		if got := isByline(s); got != want {
			t.Errorf("isByline(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestTellsCauseWithoutConcession(t *testing.T) {
	for s, want := range map[string]bool{
		"The mission faced chronic underfunding and insufficient personnel.":                     true,
		"The deployment delivered tangible results despite financial constraints.":               false, // conceded, not a cause
		"Despite the constraints, the force was underfunded.":                                    true,  // the conceded clause ends at its comma
		"Le déploiement a donné des résultats malgré des contraintes financières.":               false,
		"The funds were held due to the presidential directive, despite the mission's priority.": true,
		"The freeze comes as part of a push to slash overseas aid.":                              true, // a deed set in a larger drive
		"The order came as part of a review of all foreign aid.":                                 true,
		"The officers arrived as part of the mission.":                                           false, // a part, not a drive
		"The spokesperson was referring to the already underfunded force.":                       false, // a shortcoming worn as an adjective names the force
		"The force was underfunded from the start.":                                              true,
	} {
		if got := tellsCause(s); got != want {
			t.Errorf("tellsCause(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestOpensWithPronounAfterFrontedPhrase(t *testing.T) {
	for s, want := range map[string]bool{
		"He was deputy head of mission.":                                               true,
		"From 2020 to 2023, he was deputy head of mission.":                            true,
		"In March 2024, she stepped down.":                                             true,
		"From 2020 to 2023, the mission grew.":                                         false, // a subject of its own
		"Kenya, he said, would stay.":                                                  false, // no fronted phrase of time or place
		"During a long and difficult year of deployment and losses abroad, he stayed.": false, // too long a phrase to be sure
	} {
		if got := opensWithPronoun(s); got != want {
			t.Errorf("opensWithPronoun(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestQuestionTypeOfChat: chat sets what it asks of before the question
// ("that guy who ..., what ...": the "who" describes) and asks what a
// team was out doing as "what job were they on", a manner, not a role.
func TestQuestionTypeOfChat(t *testing.T) {
	for q, want := range map[string]AnswerType{
		"that second guy from nairobi who didn't make it home, what job was his unit on when they got jumped": TypeManner,
		"What errand was the team on when the officer was shot?":                                              TypeManner,
		"that officer who was killed, when did he die":                                                        TypeDate,
		"the harvard folks, how many abuses did they count":                                                   TypeCount,
		"What job does Christofides hold?":                                                                    TypeOther,
		"who was the officer that was killed":                                                                 TypeWho,
		"that officer who was killed in the ambush":                                                           TypeWho,
		"what is the present strength of the gsf on the ground":                                               TypeCount,
		"What's the GSF's personnel ceiling these days?":                                                      TypeCount,
		"what's the latest on when the GSF hits full strength?":                                               TypeDate, // a cue first wins
		"What did the report say about the force, its mandate and the ceiling on its size?":                   TypeOther,
	} {
		if got := questionType(q); got != want {
			t.Errorf("questionType(%q) = %s, want %s", q, got, want)
		}
	}
}
