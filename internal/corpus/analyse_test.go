package corpus

import (
	"context"
	"hash/maphash"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/mss-brief/briefbot/internal/corpus/corpustest"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// analyseTwice is analyse as it was: the text analysed whole for its
// terms, then each sentence analysed again for the rerank.
func analyseTwice(ix *index, r passageRow) analysedPassage {
	a := analysedPassage{row: r, hash: maphash.String(ix.seed, r.text),
		textTerms: ix.lex.IndexTerms(r.text, r.lang), titleTerms: ix.lex.IndexTerms(r.title, r.lang)}
	split := SplitSentences(r.text)
	a.sentences = make([]analysedSentence, 0, len(split))
	for _, sent := range split {
		terms := ix.lex.Analyze(sent, r.lang)
		var st analysedSentence
		for _, t := range terms {
			if !t.Stop {
				st.terms = append(st.terms, t.Stem)
			}
		}
		st.stems = len(st.terms)
		st.terms = append(st.terms, ix.lex.Groups(terms, r.lang)...)
		if len(st.terms) == 0 {
			continue
		}
		st.flags = cueFlags(terms)
		a.sentences = append(a.sentences, st)
	}
	return a
}

// TestAnalyseOnce: a passage analysed once (its sentences' terms taken
// from the text's) is indexed exactly as when each sentence was analysed
// again: on every passage of the bundled notes, of the real corpus beside
// the repository when present, of synthetic documents, and on texts
// whose sentence ends the tokenizer reads across (a number's groups, an
// elided article, a possessive, a line break inside a paragraph). Most
// sentences must be taken from the text, or the test tests nothing.
func TestAnalyseOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	// A glossary of names of several words, so that group phrases meet
	// sentence ends.
	glossary := [][]string{{"Gang Suppression Force", "GSF", "force de répression des gangs"},
		{"Multinational Security Support Mission", "MSS", "Kenyan-led mission"},
		{"Security Council", "UNSC", "Conseil de sécurité"}, {"William Ruto", "Ruto", "President Ruto"}}
	s, err := Open(ctx, filepath.Join(t.TempDir(), "brief.db"), WithAnalyzer(lexicon.New(glossary)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.LoadBundled(ctx); err != nil {
		t.Fatal(err)
	}
	if dir := realCorpus(); dir != "" {
		for _, r := range NewIngester(s, IngestOptions{}).Ingest(ctx, []string{dir}) {
			if r.Err != nil {
				t.Fatalf("%s: %v", r.Input, r.Err)
			}
		}
	} else {
		t.Log("no ../shared/corpus-real: the bundled and synthetic passages only")
	}
	g := corpustest.New(7)
	for i := range 300 {
		d := g.Doc(i, 150)
		mustPut(t, s, Document{Title: d.Title, Source: d.Source, URL: d.URL, Published: d.Published, Text: d.Text})
	}
	edges := []string{
		"Le président a dit qu'\n\nIl faut agir vite.",
		"Il a parlé à l'\nONU hier. Puis il est parti.",
		"The total was 5. 550 more arrived on Monday.",
		"He paid 12 500 dollars. 300 more came in June 2024.",
		"It cost 1,5. 000 were left. Kenya's police. Kenya's army's role.",
		"U.S. forces arrived. 500 troops stayed. The players' union. So it went.",
		"Page : 366-381\n\nAuthors : A. B. Smith\n\n# Heading\n\nSome text here.",
		"Line one\nline two. Next sentence\nwith a break. Word l'. Next one.",
		"L'opération a commencé en juin 2024. D'après l'ONU, 1 000 policiers. Qu'en dit-on ?",
		"Il y a 5\u00a0550 policiers. 300 sont partis. “Quoted.” (Bracketed.) [3] Done!",
		"Ends with an apostrophe’\n\nStarts again. And 7.\n\n250 more.",
		"operation.[3] The mission began. Dr. Ruto spoke. S. Tishkov wrote.",
		"The Gang Suppression. Force arrived. The Security\nCouncil met. Multinational Security Support Mission. William. Ruto.",
	}
	for i, text := range edges {
		mustPut(t, s, Document{Key: "edge" + string(rune('a'+i)), Title: "Edge", Text: text, Lang: map[bool]string{true: "fr", false: "en"}[i%2 == 0]})
	}
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.title, p.text, d.id, d.source, d.lang, d.published
		FROM passages p JOIN documents d ON d.id = p.doc_id ORDER BY p.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var passages, sentences, taken int
	for rows.Next() {
		var r passageRow
		if err := rows.Scan(&r.id, &r.title, &r.text, &r.docID, &r.source, &r.lang, &r.published); err != nil {
			t.Fatal(err)
		}
		got, want := s.ix.analyse(r), analyseTwice(s.ix, r)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("passage %d analysed once differs:\n%q\nonce:  %+v\ntwice: %+v", r.id, r.text, got.sentences, want.sentences)
		}
		passages++
		terms := s.lex.Analyze(r.text, r.lang)
		var at sentenceCursor
		for _, sent := range SplitSentences(r.text) {
			sentences++
			if at.sentenceTerms(r.text, terms, sent) != nil {
				taken++
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d passages, %d sentences, %d taken from the text's terms", passages, sentences, taken)
	if taken*10 < sentences*9 {
		t.Errorf("only %d of %d sentences taken from the text's terms", taken, sentences)
	}
}

// realCorpus is ../shared/corpus-real beside the repository, "" when absent.
func realCorpus() string {
	dir, err := filepath.Abs(".")
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			real := filepath.Join(filepath.Dir(dir), "shared", "corpus-real")
			if _, err := os.Stat(real); err != nil {
				return ""
			}
			return real
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// TestSentenceTermsEdges: sentenceTerms on texts as they come (not
// cleaned by Put) gives Analyze's terms of the sentence, or nil where
// the text's tokens cross the sentence's ends.
func TestSentenceTermsEdges(t *testing.T) {
	t.Parallel()
	lex := lexicon.New(nil)
	for _, c := range []struct {
		text  string
		sents []string
		taken []bool
	}{
		// A number's groups read across a space: "12 500" is one term.
		{"Total 12 500 came", []string{"Total 12", "500 came"}, []bool{false, false}},
		// The text reads "qu'" as an elided word before the next.
		{"Il a dit qu' Il part.", []string{"Il a dit qu'", "Il part."}, []bool{false, true}},
		// Not found: a line break inside the sentence.
		{"One two.\nthree. Four five.", []string{"One two. three.", "Four five."}, []bool{false, true}},
		// Not on a word boundary.
		{"Abc. Defg.", []string{"bc.", "Defg."}, []bool{false, true}},
		{"Kenya's police. Ruto's army.", []string{"Kenya's police.", "Ruto's army."}, []bool{true, true}},
		{"It cost 5. 550 more came.", []string{"It cost 5.", "550 more came."}, []bool{true, true}},
	} {
		terms := lex.Analyze(c.text, "")
		var at sentenceCursor
		for i, sent := range c.sents {
			got := at.sentenceTerms(c.text, terms, sent)
			if (got != nil) != c.taken[i] {
				t.Errorf("%q in %q: taken %v, want %v", sent, c.text, got != nil, c.taken[i])
				continue
			}
			if got == nil {
				continue
			}
			want := lex.Analyze(sent, "")
			if len(got) != len(want) {
				t.Errorf("%q in %q: %d terms, Analyze gives %d", sent, c.text, len(got), len(want))
				continue
			}
			for j := range got {
				if got[j].Text != want[j].Text || got[j].Stem != want[j].Stem || got[j].Stop != want[j].Stop {
					t.Errorf("%q in %q: term %d is %+v, Analyze gives %+v", sent, c.text, j, got[j], want[j])
				}
			}
		}
	}
}

// TestKnownIDsSameIndex: a load whose workers look up the known term ids
// builds the very index that adding each passage with no ids looked up
// does (the same ids, postings and sentence bytes), over batches that
// meet terms new in the batch and terms given ids batches before.
func TestKnownIDsSameIndex(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openTestStore(t)
	if _, err := s.LoadBundled(ctx); err != nil {
		t.Fatal(err)
	}
	g := corpustest.New(11)
	for i := range 2*loadBatch + 100 {
		d := g.Doc(i, 40)
		mustPut(t, s, Document{Title: d.Title, Source: d.Source, URL: d.URL, Published: d.Published, Text: d.Text})
	}
	if err := s.ix.catchUp(ctx, s.db); err != nil {
		t.Fatal(err)
	}
	plain := newIndex(s.lex)
	plain.seed = s.ix.seed
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.title, p.text, d.id, d.source, d.lang, d.published
		FROM passages p JOIN documents d ON d.id = p.doc_id ORDER BY p.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r passageRow
		if err := rows.Scan(&r.id, &r.title, &r.text, &r.docID, &r.source, &r.lang, &r.published); err != nil {
			t.Fatal(err)
		}
		a := plain.analyse(r)
		plain.insert(&a)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	plain.compact()
	ix := s.ix
	if ix.live != plain.live || ix.live < 2*loadBatch {
		t.Fatalf("%d passages loaded, %d added one by one", ix.live, plain.live)
	}
	if !reflect.DeepEqual(ix.terms, plain.terms) {
		t.Fatalf("term ids differ (%d and %d terms)", len(ix.terms), len(plain.terms))
	}
	for _, f := range []struct {
		name      string
		got, want []*postings
	}{{"text", ix.text, plain.text}, {"title", ix.title, plain.title}} {
		if len(f.got) != len(f.want) {
			t.Fatalf("%s: %d and %d posting lists", f.name, len(f.got), len(f.want))
		}
		for id := range f.got {
			if (f.got[id] == nil) != (f.want[id] == nil) || f.got[id] != nil && !reflect.DeepEqual(*f.got[id], *f.want[id]) {
				t.Fatalf("%s postings of term %d differ", f.name, id)
			}
		}
	}
	for o := range ix.ids {
		if !reflect.DeepEqual(ix.sentencesOf(uint32(o)), plain.sentencesOf(uint32(o))) {
			t.Fatalf("sentences of ordinal %d differ", o)
		}
	}
	if !reflect.DeepEqual(ix.textLen, plain.textLen) || !reflect.DeepEqual(ix.ttlLen, plain.ttlLen) || !reflect.DeepEqual(ix.textHash, plain.textHash) {
		t.Fatal("per-passage arrays differ")
	}
}
