package brief

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mss-brief/briefbot/internal/lexicon"
)

func TestZZLead(t *testing.T) {
	if os.Getenv("ZZQ") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(realCorpusDir(t), "[0-9]*.md"))
	a, _ := New(openRealStore(t, files), nil, testAnswererConfig())
	for _, q := range strings.Split(os.Getenv("ZZQ"), "|") {
		r, err := a.retrieve(context.Background(), Request{Question: q})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("Q %q kind=%v present=%v concepts=%v parts=%q\n", q, r.kind, r.present, r.concepts, subQueries(r.query))
		for _, c := range r.asked {
			fmt.Printf("   asked %+v\n", c)
		}
		for i, h := range r.hits {
			fmt.Printf("  hit %d %s %.3f %.90q\n", i, h.DocID, h.Score, h.Text)
		}
		rel := a.judge(r)
		fmt.Printf("  rel ok=%v cov=%.2f missing=%v names=%v slotEmpty=%v\n", rel.ok, rel.coverage, rel.missing, rel.missingNames, rel.slotEmpty)
		ans, err := a.Answer(context.Background(), Request{Question: q})
		fmt.Printf("  ANSWER: %.400s\n", ans.Text)
	}
}

func TestZZSlot(t *testing.T) {
	if os.Getenv("ZZQ") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(realCorpusDir(t), "[0-9]*.md"))
	a, _ := New(openRealStore(t, files), nil, testAnswererConfig())
	q := os.Getenv("ZZQ")
	r, _ := a.retrieve(context.Background(), Request{Question: q})
	s := slotOf(r, askedWeights(r), topBags(r))
	fmt.Printf("phrase %+v\n", askPhrase(r.question))
	fmt.Printf("slot kind=%v head=%v which=%v relation=%v\n", s.kind, texts(s.head), texts(s.which), texts(s.relation))
	for i, h := range r.hits[:3] {
		sents, bags := r.an.of(h)
		for j, x := range sents {
			fmt.Printf("  %d.%d filled=%v %.120q\n", i, j, s.filledIn(r.an, h, sents, bags, j, r.an.title(h)), x)
		}
	}
	for _, c := range scoreSentences(r) {
		fmt.Printf("  cand %.2f %.120q lang=%s beside(airport)=%v\n", c.score, c.text, r.hits[c.hit].Doc.Lang, namedBeside(r.an, c.text, r.hits[c.hit].Doc.Lang, r.asked[:1], r.asked))
	}
}

func texts(cs []lexicon.Concept) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Text)
	}
	return out
}

func TestZZPhrase(t *testing.T) {
	if os.Getenv("ZZP") == "" {
		t.Skip()
	}
	for _, p := range strings.Split(os.Getenv("ZZP"), "|") {
		fmt.Printf("%q phrase=%+v content=%q bare=%v askedOf=%q\n", p, askPhrase(p), contentTerms(p), bareQuestion(p), askedOf(p))
	}
}

func TestZZBeside(t *testing.T) {
	an := newAnalysis(lexicon.New(nil))
	lex := lexicon.New(nil)
	head := lex.Query("airport")
	asked := lex.Query("At which airport did the first Kenyan contingent land in Port-au-Prince?")
	for _, s := range []string{"Le lendemain, leur avion a atterri à l’aéroport Toussaint Louverture de Port-au-Prince, où ils ont été accueillis par le Premier ministre.", "They landed at the Toussaint Louverture airport."} {
		fmt.Println(namedBeside(an, s, "fr", head, asked), an.bag(s, "fr").meets(head[0]), head[0].Forms, head[0].Cognates)
	}
}

func TestZZTok(t *testing.T) {
	for _, tk := range lexicon.Tokens("C’est une mission. C'est une autre. L’aéroport") {
		fmt.Printf("%q ", tk.Text)
	}
	fmt.Println()
}
