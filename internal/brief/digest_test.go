package brief

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/openaitest"
	"github.com/mss-brief/briefbot/prompts"
)

var testTopicNames = []string{"the Kenya-led Multinational Security Support (MSS) mission in Haiti", "MSS", "Multinational Security Support",
	"Gang Suppression Force", "GSF", "HNP", "PNH", "Haitian National Police"}

func openDigestStore(t *testing.T) *corpus.Store {
	t.Helper()
	st, err := corpus.Open(context.Background(), filepath.Join(t.TempDir(), "brief.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func putDoc(t *testing.T, st *corpus.Store, d corpus.Document) string {
	t.Helper()
	res, err := st.Put(context.Background(), d)
	if err != nil {
		t.Fatalf("put %s: %v", d.Title, err)
	}
	return res.DocID
}

func newTestDigester(t *testing.T, st *corpus.Store, model ChatModel) *Digester {
	t.Helper()
	c := DigesterConfig{Store: st, Topic: "the MSS mission in Haiti", TopicNames: testTopicNames, Model: model}
	if model != nil {
		p, err := prompts.Load("", "digest.tmpl")
		if err != nil {
			t.Fatal(err)
		}
		c.Prompt = p
	}
	g, err := NewDigester(c)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func prepared(arts []fixtureArticle) []*storyDoc {
	common := topicTerms(testTopicNames...)
	var docs []*storyDoc
	for _, a := range arts {
		d := a.document(day("2026-03-06"))
		sd := &storyDoc{doc: d, lead: leadSentences(d.Title, d.Text), opening: d.Text}
		sd.terms = storyTerms(d.Title+" "+leadFirstWords(sd.opening, storyLeadWords), common)
		docs = append(docs, sd)
	}
	return docs
}

func TestGroupStories(t *testing.T) {
	later := reinforcementC
	later.published = reinforcementA.published.AddDate(0, 0, 10) // same words, ten days on: a new story
	tests := []struct {
		name string
		arts []fixtureArticle
		want [][]int
	}{
		{"one event from three outlets, four unrelated",
			[]fixtureArticle{reinforcementA, councilVote, reinforcementB, courtPetition, artiboniteAttack, reinforcementC, canadaPledge},
			[][]int{{0, 2, 5}, {1}, {3}, {4}, {6}}},
		{"unrelated articles stay apart",
			[]fixtureArticle{councilVote, courtPetition, artiboniteAttack, canadaPledge},
			[][]int{{0}, {1}, {2}, {3}}},
		{"too far apart in time", []fixtureArticle{reinforcementA, later}, [][]int{{0}, {1}}},
		{"nothing", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := groupStories(prepared(tt.arts), DefaultStoryThreshold)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("groups = %v, want %v", got, tt.want)
			}
		})
	}
}

// The threshold must sit between what one event scores and what unrelated
// articles score, with room on both sides.
func TestStoryThresholdMargin(t *testing.T) {
	docs := prepared([]fixtureArticle{reinforcementA, reinforcementB, reinforcementC, councilVote, courtPetition, artiboniteAttack, canadaPledge})
	minSame, maxOther := 1.0, 0.0
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			s := storySimilarity(docs[i], docs[j])
			if i < 3 && j < 3 {
				minSame = min(minSame, s)
			} else {
				maxOther = max(maxOther, s)
			}
		}
	}
	if minSame < DefaultStoryThreshold*1.3 || maxOther > DefaultStoryThreshold/1.5 {
		t.Errorf("same event scores ≥ %.2f, unrelated ≤ %.2f: threshold %.2f leaves too little margin", minSame, maxOther, DefaultStoryThreshold)
	}
}

func TestStoryTerms(t *testing.T) {
	same := [][]string{
		{"deployed", "deploys", "deploying", "deployment"},
		{"arrive", "arrived", "arrives", "arriving"},
		{"officer", "officers"},
		{"casualty", "casualties"},
		{"land", "landed", "landing", "lands"},
		{"planned", "plans", "plan"},
		{"kill", "killed", "killing"},
	}
	for _, group := range same {
		for _, w := range group[1:] {
			if a, b := storyTerms(w, nil), storyTerms(group[0], nil); !maps.Equal(a, b) {
				t.Errorf("storyTerms(%q) = %v, storyTerms(%q) = %v: want equal", w, a, group[0], b)
			}
		}
	}
	// Words that merely end like an inflection keep a term of their own.
	seen := map[string]string{}
	for _, w := range []string{"2793", "press", "status", "crisis", "pres", "state"} {
		got := storyTerms(w, nil)
		if len(got) != 1 {
			t.Errorf("storyTerms(%q) = %v, want one term", w, got)
		}
		for term := range got {
			if other, ok := seen[term]; ok {
				t.Errorf("storyTerms(%q) and storyTerms(%q) meet at %q", w, other, term)
			}
			seen[term] = w
		}
	}
}

func TestInWindow(t *testing.T) {
	start, end := day("2026-03-02"), day("2026-03-09")
	tests := []struct {
		name                string
		ingested, published time.Time
		want                bool
	}{
		{"ingested and published inside", day("2026-03-04"), day("2026-03-03"), true},
		{"undated, ingested inside", day("2026-03-04"), time.Time{}, true},
		{"ingested at start (inclusive)", start, time.Time{}, true},
		{"ingested at end (exclusive)", end, time.Time{}, false},
		{"ingested before", start.Add(-time.Second), day("2026-03-01"), false},
		{"backfilled archive", day("2026-03-04"), day("2019-05-20"), false},
		{"published a month before", day("2026-03-04"), day("2026-02-01"), false},
		{"published the day before start, stored after", day("2026-03-02").Add(time.Hour), day("2026-03-01").Add(20 * time.Hour), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := corpus.Document{Ingested: tt.ingested, Published: tt.published}
			if got := InWindow(d, start, end, DefaultPublishedSlack); got != tt.want {
				t.Errorf("InWindow = %v, want %v", got, tt.want)
			}
		})
	}
}

// fillWindow stores the fixtures inside [2026-03-02, 2026-03-09), plus a
// backfilled old article inside it and articles ingested before and after.
func fillWindow(t *testing.T, st *corpus.Store) (in map[string]string, out []string) {
	t.Helper()
	in = map[string]string{}
	at := day("2026-03-05").Add(10 * time.Hour)
	for i, a := range []fixtureArticle{reinforcementA, councilVote, reinforcementB, courtPetition, artiboniteAttack, reinforcementC, canadaPledge} {
		in[putDoc(t, st, a.document(at.Add(time.Duration(i)*time.Minute)))] = a.title
	}
	backfill := corpus.Document{Key: "test:archive", Title: "Kenya offers to lead a Haiti force (archive)", Source: "Archive",
		Published: day("2023-07-30"), Ingested: at,
		Text: "Kenya said it was ready to lead a multinational force to Haiti and to send a thousand police officers, pending a mandate."}
	before := corpus.Document{Key: "test:before", Title: "Last week's news", Source: "Old Wire", Published: day("2026-02-25"),
		Ingested: day("2026-02-26"), Text: "This article entered the store in the previous week and was in that week's digest already."}
	after := corpus.Document{Key: "test:after", Title: "Next week's news", Source: "New Wire", Published: day("2026-03-09"),
		Ingested: day("2026-03-09").Add(time.Hour), Text: "This article entered the store after the window closed and belongs to the next digest."}
	for _, d := range []corpus.Document{backfill, before, after} {
		out = append(out, putDoc(t, st, d))
	}
	return in, out
}

func TestDigestExtractive(t *testing.T) {
	ctx := context.Background()
	st := openDigestStore(t)
	in, out := fillWindow(t, st)
	g := newTestDigester(t, st, nil)
	ny, _ := time.LoadLocation("America/New_York")
	d, err := g.Digest(ctx, DigestRequest{Start: day("2026-03-02"), End: day("2026-03-09"), Location: ny, MaxItems: 8})
	if err != nil {
		t.Fatal(err)
	}
	if d.Mode != ModeExtractive || !strings.Contains(d.Note, NoModelNote) {
		t.Errorf("mode %q note %q: want extractive, labelled %q", d.Mode, d.Note, NoModelNote)
	}
	if d.TimeZone != "America/New_York" || d.Start.Location().String() != "America/New_York" {
		t.Errorf("zone %q / %v, want America/New_York", d.TimeZone, d.Start.Location())
	}
	cited := d.DocIDs()
	for _, id := range out {
		if slices.Contains(cited, id) {
			t.Errorf("digest cites %s, which is outside its window (or a backfill)", id)
		}
	}
	if len(cited) != len(in) {
		t.Errorf("digest cites %d documents, want the %d inside the window", len(cited), len(in))
	}
	for id := range in {
		if !slices.Contains(cited, id) {
			t.Errorf("digest misses %q", in[id])
		}
	}
	// The reinforcement story comes first (three outlets), citing all three.
	if len(d.Items) != 5 {
		t.Fatalf("%d items, want 5 (one story of three articles, four single ones): %+v", len(d.Items), d.Items)
	}
	first := d.Items[0]
	if len(first.Cites) != 3 {
		t.Fatalf("first item cites %v, want the three reinforcement articles", first.Cites)
	}
	var titles []string
	for _, n := range first.Cites {
		titles = append(titles, d.Citations[n-1].Title)
		if !strings.Contains(first.Summary, fmt.Sprintf("[%d]", n)) {
			t.Errorf("summary %q lacks [%d]", first.Summary, n)
		}
	}
	slices.Sort(titles)
	want := []string{reinforcementA.title, reinforcementB.title, reinforcementC.title}
	slices.Sort(want)
	if !slices.Equal(titles, want) {
		t.Errorf("first item cites %q, want %q", titles, want)
	}
	for _, it := range d.Items[1:] {
		if len(it.Cites) != 1 {
			t.Errorf("item %q cites %v, want one article", it.Headline, it.Cites)
		}
	}
	for i, c := range d.Citations {
		if c.N != i+1 || c.Source == "" || c.Published == nil || c.Quote == "" {
			t.Errorf("citation %d = %+v: want numbered in order, with publisher, date and quote", i, c)
		}
	}
	// Summaries are the lead sentences (one or two), not the whole text.
	if s := d.Items[0].Summary; strings.Count(s, ". ") > 2 || len(s) > leadMaxChars+40 {
		t.Errorf("summary too long: %q", s)
	}
}

func TestDigestMaxItemsAndEmpty(t *testing.T) {
	ctx := context.Background()
	st := openDigestStore(t)
	fillWindow(t, st)
	g := newTestDigester(t, st, nil)
	d, err := g.Digest(ctx, DigestRequest{Start: day("2026-03-02"), End: day("2026-03-09"), MaxItems: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Items) != 2 || len(d.Items[0].Cites) != 3 || !strings.Contains(d.Note, "3 more stories not shown") {
		t.Errorf("items %d (first cites %v), note %q: want the 2 most covered and a note of 3 more", len(d.Items), d.Items[0].Cites, d.Note)
	}
	if d.TimeZone != "UTC" {
		t.Errorf("zone %q, want UTC by default", d.TimeZone)
	}
	empty, err := g.Digest(ctx, DigestRequest{Start: day("2026-04-01"), End: day("2026-04-08")})
	if err != nil {
		t.Fatal(err)
	}
	if len(empty.Items) != 0 || len(empty.Citations) != 0 {
		t.Errorf("empty window gave %d items", len(empty.Items))
	}
	if _, err := g.Digest(ctx, DigestRequest{Start: day("2026-04-08"), End: day("2026-04-01")}); err == nil {
		t.Error("a window ending before it starts: want an error")
	}
}

func testChat(t *testing.T, srv *openaitest.Server) *OpenAIChat {
	t.Helper()
	m, err := NewOpenAIChat(OpenAIConfig{BaseURL: srv.URL, Model: "gpt-4o-mini", APIType: "openai", Timeout: 5 * time.Second, MaxTokens: 500},
		"test-key", WithBackoff(time.Millisecond, time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestDigestWithModel(t *testing.T) {
	ctx := context.Background()
	st := openDigestStore(t)
	fillWindow(t, st)
	srv := openaitest.New(t)
	// Story 1 cites its own [2] and an invented [99]; story 3 is skipped;
	// story 9 does not exist.
	srv.Enqueue(openaitest.Reply{Content: "```json\n" + `{"items":[
		{"story":1,"headline":"Kenya lands 200 more officers in Port-au-Prince","summary":"A second Kenyan contingent of about 200 officers arrived on Tuesday [2][99]. Outlets differ on the force's new size [1, 3]."},
		{"story":2,"headline":"Council extends the force","summary":"The Security Council extended the mandate for a year [4]."},
		{"story":9,"headline":"Invented","summary":"Nothing [7]."}]}` + "\n```"})
	g := newTestDigester(t, st, testChat(t, srv))
	d, err := g.Digest(ctx, DigestRequest{Start: day("2026-03-02"), End: day("2026-03-09")})
	if err != nil {
		t.Fatal(err)
	}
	if d.Mode != ModeLLM || d.Note != "" {
		t.Errorf("mode %q note %q, want llm and no note", d.Mode, d.Note)
	}
	reqs := srv.ChatRequests()
	if len(reqs) != 1 {
		t.Fatalf("%d model calls, want 1 for the whole digest", len(reqs))
	}
	user := reqs[0].LastUser()
	for _, s := range []string{"Story 1:", "Story 5:", digestOpen + " 3", "Publisher: Caribbean Wire", "Published: 2026-03-03", "Toussaint Louverture"} {
		if !strings.Contains(user, s) {
			t.Errorf("prompt lacks %q", s)
		}
	}
	if !strings.Contains(reqs[0].System(), "JSON") {
		t.Error("system prompt does not ask for JSON")
	}
	first := d.Items[0]
	if first.Headline != "Kenya lands 200 more officers in Port-au-Prince" {
		t.Errorf("headline %q", first.Headline)
	}
	if strings.Contains(first.Summary, "[99]") || !strings.Contains(first.Summary, "[1][3]") || !strings.Contains(first.Summary, "[2]") {
		t.Errorf("summary %q: want [99] dropped and [1, 3] normalised", first.Summary)
	}
	if d.Items[1].Summary != "The Security Council extended the mandate for a year [4]." {
		t.Errorf("item 2 summary %q", d.Items[1].Summary)
	}
	// Story 3 was skipped by the model: it keeps its extractive lead.
	if c := d.Citations[d.Items[2].Cites[0]-1]; !strings.HasPrefix(d.Items[2].Summary, c.Quote) {
		t.Errorf("skipped story summary %q, want its lead %q", d.Items[2].Summary, c.Quote)
	}
	for _, it := range d.Items {
		for _, m := range regexp.MustCompile(`\[(\d+)\]`).FindAllStringSubmatch(it.Summary, -1) {
			var n int
			fmt.Sscan(m[1], &n)
			if !slices.Contains(it.Cites, n) {
				t.Errorf("item %q cites [%d], not one of its sources %v", it.Headline, n, it.Cites)
			}
		}
	}
}

func TestDigestModelFailureFallsBack(t *testing.T) {
	for _, rep := range []openaitest.Reply{{Status: 500}, {Content: "Here is your digest: great week!"}, {Content: `{"items":[]}`}} {
		t.Run(fmt.Sprint(rep.Status, rep.Content), func(t *testing.T) {
			st := openDigestStore(t)
			fillWindow(t, st)
			srv := openaitest.New(t)
			srv.SetDefault(rep)
			g := newTestDigester(t, st, testChat(t, srv))
			d, err := g.Digest(context.Background(), DigestRequest{Start: day("2026-03-02"), End: day("2026-03-09")})
			if err != nil {
				t.Fatal(err)
			}
			if d.Mode != ModeExtractive || !strings.Contains(d.Note, "language model failed") || len(d.Items) != 5 {
				t.Errorf("mode %q note %q items %d: want the extractive digest, labelled", d.Mode, d.Note, len(d.Items))
			}
		})
	}
}

func TestLeadSentences(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              []string
	}{
		{"first sentence long enough", "T",
			"The council voted on Monday to extend the mandate of the force for another full year after long talks. It was close.",
			[]string{"The council voted on Monday to extend the mandate of the force for another full year after long talks."}},
		{"two short sentences", "T",
			"Kenya sent 200 more officers on Tuesday night. They landed at the main airport in the capital. A third sentence follows here too.",
			[]string{"Kenya sent 200 more officers on Tuesday night.", "They landed at the main airport in the capital."}},
		{"metadata run skipped", "Leadership of Kenya in the mission",
			"Leadership of Kenya in the mission\n\nJournal: Review of Things (Vol. 2) Authors : A. Writer; Page : 1-20 Keywords : one; two; three; four words here.\n\n" +
				"The article examines how a coalition of smaller states can lead a stabilisation force abroad.",
			[]string{"The article examines how a coalition of smaller states can lead a stabilisation force abroad."}},
		{"title repeated as first sentence", "Kenya sends two hundred more police officers to Haiti this week.",
			"Kenya sends two hundred more police officers to Haiti this week. The officers will patrol the port and the main roads of the capital.",
			[]string{"The officers will patrol the port and the main roads of the capital."}},
		{"no prose", "T", "Share\n\nMenu", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := leadSentences(tt.title, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("lead = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCheckDigestCites(t *testing.T) {
	tests := []struct {
		in      string
		cites   []int
		want    string
		dropped int
	}{
		{"A [1]. B [2].", []int{1, 2}, "A [1]. B [2].", 0},
		{"A [1][7].", []int{1, 2}, "A [1]. [2]", 1},
		{"A [1, 2].", []int{1, 2}, "A [1][2].", 0},
		{"A [5].", []int{1}, "A. [1]", 1},
		{"[3]", []int{1}, "", 1},
	}
	for _, tt := range tests {
		got, dropped := checkDigestCites(tt.in, tt.cites)
		if got != tt.want || dropped != tt.dropped {
			t.Errorf("checkDigestCites(%q, %v) = %q, %d; want %q, %d", tt.in, tt.cites, got, dropped, tt.want, tt.dropped)
		}
	}
}

func TestDigestJSONShape(t *testing.T) {
	d := Digest{Start: day("2026-03-02"), End: day("2026-03-09"), TimeZone: "UTC", Mode: ModeExtractive,
		Items: []DigestItem{{Headline: "H", Summary: "S [1]", Cites: []int{1}}}, Citations: []Citation{{N: 1, DocID: "abc"}}}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"start"`, `"items"`, `"cites":[1]`, `"doc_id":"abc"`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("JSON %s lacks %s", b, k)
		}
	}
	if got := d.Period(); got != "2 Mar 2026 00:00 – 9 Mar 2026 00:00" {
		t.Errorf("Period() = %q", got)
	}
}

func BenchmarkGroupStories500(b *testing.B) {
	arts := []fixtureArticle{reinforcementA, reinforcementB, reinforcementC, councilVote, courtPetition, artiboniteAttack, canadaPledge}
	var many []fixtureArticle
	for i := 0; len(many) < 500; i++ {
		a := arts[i%len(arts)]
		a.title = fmt.Sprintf("%s %d", a.title, i)
		a.published = a.published.AddDate(0, 0, i/len(arts)*4) // each round a new week: no giant clusters
		many = append(many, a)
	}
	docs := prepared(many)
	b.ResetTimer()
	for range b.N {
		groupStories(docs, DefaultStoryThreshold)
	}
}
