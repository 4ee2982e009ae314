package brief

import (
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
)

// fixtureArticle is a made-up news article for digest tests.
type fixtureArticle struct {
	key, title, source, text string
	published                time.Time
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// reinforcement is one event (a second Kenyan contingent landing) told by
// three outlets in their own words; the others are unrelated stories from
// the same week and topic.
var (
	reinforcementA = fixtureArticle{key: "nairobi-daily", source: "Nairobi Daily", published: day("2026-03-03"),
		title: "Second batch of Kenyan officers arrives in Port-au-Prince",
		text: "About 200 police officers from Kenya landed at Toussaint Louverture airport on Tuesday, joining the first contingent deployed in June. " +
			"Interior ministry officials said the officers would reinforce patrols around the capital's port and main roads.\n\n" +
			"The mission has struggled with shortages of armoured vehicles and helicopters since it began."}
	reinforcementB = fixtureArticle{key: "caribbean-wire", source: "Caribbean Wire", published: day("2026-03-03"),
		title: "200 more Kenyan police land in Haiti's capital",
		text: "A fresh contingent of roughly 200 Kenyan officers touched down at Port-au-Prince's Toussaint Louverture International Airport on Tuesday " +
			"to reinforce the multinational force, bringing its strength to about 1,000.\n\n" +
			"Residents of several neighbourhoods said they hoped the arrivals would reopen roads closed by gangs."}
	reinforcementC = fixtureArticle{key: "global-review", source: "Global Review", published: day("2026-03-04"),
		title: "Kenya sends reinforcements to Haiti mission",
		text: "Kenya deployed another 200 police officers to Haiti this week, its government said, as the security mission tries to retake " +
			"neighbourhoods of Port-au-Prince from armed gangs. The officers arrived at the Toussaint Louverture airport on Tuesday.\n\n" +
			"Critics in Nairobi questioned the cost of the deployment."}
	councilVote = fixtureArticle{key: "un-wire", source: "UN Wire", published: day("2026-03-02"),
		title: "Security Council extends authorisation of Haiti force",
		text: "The UN Security Council voted 12-0 with three abstentions on Monday to extend the mandate of the multinational security mission for another year, " +
			"after weeks of negotiations over how it should be funded.\n\n" +
			"Diplomats said the text asks the Secretary-General for options on logistics support."}
	courtPetition = fixtureArticle{key: "law-weekly", source: "Law Weekly", published: day("2026-03-05"),
		title: "High Court hears new petition against police rotation",
		text: "A Nairobi lawyer asked the High Court on Wednesday to halt further rotations of officers abroad, arguing that parliament never approved " +
			"the latest deployment order.\n\nThe attorney general's office said it would oppose the petition."}
	artiboniteAttack = fixtureArticle{key: "haiti-news", source: "Haiti News Network", published: day("2026-03-04"),
		title: "Gang attack displaces thousands in Artibonite",
		text: "Armed men burned homes in the Artibonite valley town of Pont-Sondé overnight, forcing more than 3,000 residents to flee, " +
			"the International Organization for Migration said on Wednesday.\n\nLocal officials asked for the force to send a patrol."}
	canadaPledge = fixtureArticle{key: "ottawa-report", source: "Ottawa Report", published: day("2026-03-05"),
		title: "Canada adds pledge to trust fund for the mission",
		text: "Canada pledged 60 million Canadian dollars to the UN trust fund that pays for the mission's equipment and salaries, " +
			"the foreign ministry announced on Thursday.\n\nThe fund has received less than half of what was promised."}
)

func (a fixtureArticle) document(ingested time.Time) corpus.Document {
	return corpus.Document{Key: "test:" + a.key, Title: a.title, Source: a.source, URL: "https://example.org/" + a.key,
		Published: a.published, Ingested: ingested, Text: a.text}
}
